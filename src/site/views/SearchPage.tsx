import { articlePath, type Section } from '../../domain/index.ts';
import type { SearchHit, SearchResults } from '../../store/index.ts';
import { formatDate } from '../format.ts';
import { Layout } from './Layout.tsx';
import { MarkedText } from './MarkedText.tsx';
import { SEARCH_PATH } from './SearchBox.tsx';
import type { Chrome } from './types.ts';
import { Pagination } from './Pagination.tsx';

/** The search form's fields as the reader sent them; '' when absent. */
export interface SearchForm {
  q: string;
  section: string;
  from: string;
  to: string;
}

interface SearchPageProps extends Chrome {
  form: SearchForm;
  /** Null before anything was searched (no query yet, or the request could not be searched). */
  results: SearchResults | null;
  /** Why the request could not be searched (a malformed date, an unknown section), for the reader. */
  problem: string | null;
  page: number;
  pageCount: number;
  /** Position of the first result on this page, from 1. */
  firstRank: number;
  /** How many results can be listed at most (the ranked depth, which is also how far matches are counted). */
  listable: number;
}

/** The URL of a page of results for this form; page 1 has no page parameter, and empty fields are left out. */
export function searchPagePath(form: SearchForm, page: number): string {
  const params = new URLSearchParams();
  for (const name of ['q', 'section', 'from', 'to'] as const) if (form[name]) params.set(name, form[name]);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `${SEARCH_PATH}?${query}` : SEARCH_PATH;
}

/** /search: the form (query, section, dates), then ranked results with the matching words marked. */
export function SearchPage({ site, sections, form, results, problem, page, pageCount, firstRank, listable }: SearchPageProps) {
  const title = form.q ? `Search: ${form.q}` : 'Search';
  return (
    <Layout site={site} sections={sections} head={{ title: `${title} — ${site.name}`, description: `Search the reporting of ${site.name}.` }}>
      <div class="wrap search-page">
        <h1 class="front-title">Search</h1>
        <SearchFormFields form={form} sections={sections} problem={problem} />
        {problem ? null : results ? <Results form={form} results={results} page={page} pageCount={pageCount} firstRank={firstRank} listable={listable} /> : null}
      </div>
    </Layout>
  );
}

function SearchFormFields({ form, sections, problem }: { form: SearchForm; sections: readonly Section[]; problem: string | null }) {
  return (
    <form class="search-form" role="search" aria-label="Search articles" action={SEARCH_PATH} method="get">
      <div class="search-query">
        <label for="search-q">Search for</label>
        <input id="search-q" type="search" name="q" value={form.q} aria-describedby="search-help" />
        <button type="submit">Search</button>
      </div>
      <p id="search-help" class="search-help">
        Put words in "quotes" to find them side by side; end a word with * to find every word it begins.
      </p>
      <fieldset class="search-filters">
        <legend>Narrow the results</legend>
        <label for="search-section">Section</label>
        <select id="search-section" name="section">
          <option value="">All sections</option>
          {sections.map((section) => (
            <option key={section.slug} value={section.slug} selected={section.slug === form.section}>
              {section.name}
            </option>
          ))}
        </select>
        <label for="search-from">From</label>
        <input id="search-from" type="date" name="from" value={form.from} />
        <label for="search-to">To</label>
        <input id="search-to" type="date" name="to" value={form.to} />
      </fieldset>
      {problem ? (
        <p class="search-problem" role="alert">
          {problem}
        </p>
      ) : null}
    </form>
  );
}

interface ResultsProps {
  form: SearchForm;
  results: SearchResults;
  page: number;
  pageCount: number;
  firstRank: number;
  listable: number;
}

function Results({ form, results, page, pageCount, firstRank, listable }: ResultsProps) {
  const { searched, total, moreThanTotal, hits, notices } = results;
  return (
    <section class="search-results-region" aria-labelledby="search-summary">
      {notices.length ? (
        <ul class="search-notices">
          {notices.map((notice) => (
            <li key={notice}>{notice}</li>
          ))}
        </ul>
      ) : null}
      {searched ? (
        <h2 id="search-summary" class="search-summary">
          {total === 0 ? `No articles match “${form.q}”` : `${matchCount(total, moreThanTotal)} “${form.q}”`}
          {pageCount > 1 ? ` · page ${page} of ${pageCount}` : ''}
        </h2>
      ) : (
        <h2 id="search-summary" class="search-summary">
          Nothing to search for
        </h2>
      )}
      {searched && total === 0 ? (
        <p class="empty">Check the spelling, try fewer or other words, or widen the section and dates.</p>
      ) : null}
      {searched && total > 0 && hits.length === 0 ? <p class="empty">There are no more results; go back a page.</p> : null}
      {moreThanTotal ? (
        <p class="search-help">The best {listable.toLocaleString('en')} are listed: add a word to narrow the search.</p>
      ) : null}
      {hits.length ? (
        <ol class="search-results" start={firstRank}>
          {hits.map((hit) => (
            <SearchResult key={hit.article.id} hit={hit} />
          ))}
        </ol>
      ) : null}
      <ResultPages form={form} page={page} pageCount={pageCount} />
    </section>
  );
}

/** "1 article matches", "23 articles match", or, where counting stopped, "More than 500 articles match". */
function matchCount(total: number, moreThanTotal: boolean): string {
  if (moreThanTotal) return `More than ${total.toLocaleString('en')} articles match`;
  return total === 1 ? '1 article matches' : `${total.toLocaleString('en')} articles match`;
}

function SearchResult({ hit }: { hit: SearchHit }) {
  const { article } = hit;
  return (
    <li class="search-result">
      <h3 class="card-headline">
        <a href={articlePath(article)}>
          <MarkedText parts={hit.headline} />
        </a>
      </h3>
      {hit.snippet.length ? (
        <p class="search-snippet">
          <MarkedText parts={hit.snippet} />
        </p>
      ) : null}
      <time datetime={article.publishedAt}>{formatDate(article.publishedAt)}</time>
    </li>
  );
}

function ResultPages({ form, page, pageCount }: { form: SearchForm; page: number; pageCount: number }) {
  return (
    <Pagination
      page={page}
      pageCount={pageCount}
      pathOf={(n) => searchPagePath(form, Math.min(n, pageCount))}
      label="Result pages"
      previous="← Better matches"
      next="More results →"
    />
  );
}

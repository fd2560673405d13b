import { WORKFLOW_STATES, type Section, type WorkflowState } from '../../domain/index.ts';
import type { DeskListing } from '../../store/index.ts';
import { editorPath, STATE_LABELS } from './EditorPage.tsx';
import { NewsroomLayout, Notice, type NewsroomChrome } from './NewsroomLayout.tsx';

/** The list's filters as the GET form sends them (empty: not narrowed). */
export interface ArticleFilters {
  state: WorkflowState | '';
  section: string;
  /** '' everyone's, 'mine', or a person's id. */
  author: string;
  /** The source's slug, as /source/<slug> uses it. */
  source: string;
  q: string;
}

export interface ArticlesPageProps extends NewsroomChrome {
  filters: ArticleFilters;
  articles: readonly DeskListing[];
  total: number;
  page: number;
  pageCount: number;
  sections: readonly Pick<Section, 'slug' | 'name'>[];
  /** The people whose articles the list may be narrowed to; empty when the person sees only their own. */
  authors: readonly { id: number; name: string }[];
  notice?: string | null;
}

/** Every article the person may open, newest change first, narrowed by a GET form (so a filter is a link). */
export function ArticlesPage(props: ArticlesPageProps) {
  const { filters, articles, sections, authors } = props;
  const sectionName = new Map(sections.map((section) => [section.slug, section.name]));
  return (
    <NewsroomLayout {...props} title="Articles">
      <h1>
        Articles <span class="count">({props.total})</span>
      </h1>
      <Notice notice={props.notice} />
      <p>
        <a class="button" href="/newsroom/articles/new">
          New article
        </a>
      </p>
      <form method="get" action="/newsroom/articles" class="filters" role="search" aria-label="Filter articles">
        <label>
          State
          <select name="state">
            <option value="">All but spiked</option>
            {WORKFLOW_STATES.map((state) => (
              <option key={state} value={state} selected={filters.state === state}>
                {STATE_LABELS[state]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Section
          <select name="section">
            <option value="">All sections</option>
            {sections.map((section) => (
              <option key={section.slug} value={section.slug} selected={filters.section === section.slug}>
                {section.name}
              </option>
            ))}
          </select>
        </label>
        {authors.length > 0 ? (
          <label>
            Author
            <select name="author">
              <option value="">Anyone</option>
              <option value="mine" selected={filters.author === 'mine'}>
                Mine
              </option>
              {authors.map((author) => (
                <option key={author.id} value={String(author.id)} selected={filters.author === String(author.id)}>
                  {author.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label>
          Source
          <input type="text" name="source" value={filters.source} placeholder="source-slug" />
        </label>
        <label>
          Headline words
          <input type="text" name="q" value={filters.q} />
        </label>
        <button type="submit">Filter</button>
      </form>
      {articles.length === 0 ? (
        <p>No articles match.</p>
      ) : (
        <table class="articles">
          <thead>
            <tr>
              <th scope="col">Headline</th>
              <th scope="col">State</th>
              <th scope="col">Section</th>
              <th scope="col">Byline / source</th>
              <th scope="col">Changed</th>
            </tr>
          </thead>
          <tbody>
            {articles.map((article) => (
              <tr key={article.id}>
                <td>
                  <a href={editorPath(article.id)}>{article.headline}</a>
                </td>
                <td>
                  <span class={`state state-${article.workflowState}`}>{STATE_LABELS[article.workflowState]}</span>
                </td>
                <td>{sectionName.get(article.section) ?? article.section}</td>
                <td>{[article.byline, article.sourceName && article.sourceName !== article.byline ? article.sourceName : null].filter(Boolean).join(' · ') || '—'}</td>
                <td>
                  <time dateTime={article.updatedAt}>{article.updatedAt.slice(0, 16).replace('T', ' ')} UTC</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pages filters={filters} page={props.page} pageCount={props.pageCount} />
    </NewsroomLayout>
  );
}

/** The address of one page of the list with these filters (empty ones left out). */
export function listPath(filters: ArticleFilters, page: number): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) query.set(name, value);
  if (page > 1) query.set('page', String(page));
  const text = query.toString();
  return text ? `/newsroom/articles?${text}` : '/newsroom/articles';
}

function Pages({ filters, page, pageCount }: { filters: ArticleFilters; page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pages" class="pages">
      {page > 1 ? (
        <a rel="prev" href={listPath(filters, page - 1)}>
          ← Newer
        </a>
      ) : null}{' '}
      <span>
        Page {page} of {pageCount}
      </span>{' '}
      {page < pageCount ? (
        <a rel="next" href={listPath(filters, page + 1)}>
          Older →
        </a>
      ) : null}
    </nav>
  );
}

import type { ArticleCard as Card } from '../../domain/index.ts';
import { feedAlternates } from '../syndication/alternates.ts';
import { ArticleCard } from './ArticleCard.tsx';
import { authorPath, sourcePath } from './archivePaths.ts';
import { Layout } from './Layout.tsx';
import { Pagination } from './Pagination.tsx';
import type { Chrome } from './types.ts';
import { pageOfPages, storyCount } from '../format.ts';

/** Whose stories a page lists: a byline's (our reporters, or a wire's) or a source's. */
export type CreditKind = 'author' | 'source';

const LABEL: Record<CreditKind, string> = { author: 'Author', source: 'Source' };

/** "Stories by Jane Roe", "Stories from Reuters": what the page, its description and its feeds are called. */
export function creditHeading(kind: CreditKind, name: string): string {
  return kind === 'author' ? `Stories by ${name}` : `Stories from ${name}`;
}

interface CreditPageProps extends Chrome {
  kind: CreditKind;
  slug: string;
  /** The byline or source name as stored on the newest of the stories. */
  name: string;
  articles: Card[];
  page: number;
  pageCount: number;
  total: number;
}

/** /author/<slug> and /source/<slug>: the published stories credited to one name, newest first, a page at a time. */
export function CreditPage({ site, sections, kind, slug, name, articles, page, pageCount, total }: CreditPageProps) {
  const pathOf = (n: number) => (kind === 'author' ? authorPath(slug, n) : sourcePath(slug, n));
  const pageSuffix = page > 1 ? ` (page ${page})` : '';
  const heading = creditHeading(kind, name);
  const title = `${heading}${pageSuffix} — ${site.name}`;
  const bySlug = new Map(sections.map((section) => [section.slug, section]));
  return (
    <Layout
      site={site}
      sections={sections}
      head={{
        title,
        description: `${heading} on ${site.name}.`,
        canonicalPath: pathOf(page),
        prevPath: page > 1 ? pathOf(page - 1) : null,
        nextPath: page < pageCount ? pathOf(page + 1) : null,
        openGraph: [
          ['og:type', 'website'],
          ['og:site_name', site.name],
          ['og:title', title],
          ['og:url', `${site.url}${pathOf(page)}`],
        ],
        feeds: feedAlternates(pathOf(1), `${heading} — ${site.name}`),
      }}
    >
      <div class="wrap">
        <header class="front-header">
          <p class="topic-kind">{LABEL[kind]}</p>
          <h1 class="front-title">{name}</h1>
          <p class="front-count">
            {storyCount(total)}
            {pageOfPages(page, pageCount)}
          </p>
        </header>
        <div class="card-grid">
          {articles.map((article) => (
            <ArticleCard key={article.id} article={article} headingLevel={2} section={bySlug.get(article.section)} />
          ))}
        </div>
        <Pagination page={page} pageCount={pageCount} pathOf={pathOf} />
      </div>
    </Layout>
  );
}

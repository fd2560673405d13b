import type { ArticleCard as Card, ArticleLink, Section } from '../../domain/index.ts';
import { feedAlternates } from '../syndication/alternates.ts';
import { ArticleCard } from './ArticleCard.tsx';
import { Layout } from './Layout.tsx';
import { Pagination } from './Pagination.tsx';
import { StoryList } from './StoryList.tsx';
import type { Chrome } from './types.ts';
import { pageOfPages, storyCount } from '../format.ts';

interface SectionFrontProps extends Chrome {
  section: Section;
  articles: Card[];
  page: number;
  pageCount: number;
  total: number;
  /** The most read stories on the site lately. */
  trending?: readonly ArticleLink[];
}

/** /<section>?page=N: page 1 is the bare front, so there is one URL per page of stories. */
export function sectionPagePath(section: string, page: number): string {
  return page <= 1 ? `/${section}` : `/${section}?page=${page}`;
}

/** A section front: the section's published stories, newest first, a page at a time. */
export function SectionFront({ site, sections, section, articles, page, pageCount, total, trending = [] }: SectionFrontProps) {
  const pathOf = (n: number) => sectionPagePath(section.slug, n);
  const pageSuffix = page > 1 ? ` (page ${page})` : '';
  return (
    <Layout
      site={site}
      sections={sections}
      currentSection={section.slug}
      head={{
        title: `${section.name}${pageSuffix} — ${site.name}`,
        description: `${section.name} news from ${site.name}.`,
        canonicalPath: pathOf(page),
        feeds: feedAlternates(`/${section.slug}`, `${section.name} — ${site.name}`),
        prevPath: page > 1 ? pathOf(page - 1) : null,
        nextPath: page < pageCount ? pathOf(page + 1) : null,
        openGraph: [
          ['og:type', 'website'],
          ['og:site_name', site.name],
          ['og:title', `${section.name} — ${site.name}`],
          ['og:url', `${site.url}${pathOf(page)}`],
        ],
      }}
    >
      <div class="wrap">
        <header class="front-header">
          <h1 class="front-title">{section.name}</h1>
          <p class="front-count">
            {storyCount(total)}
            {pageOfPages(page, pageCount)}
          </p>
        </header>
        {articles.length === 0 ? (
          <p class="empty">No stories in {section.name} yet.</p>
        ) : (
          <div class="card-grid">
            {articles.map((article) => (
              <ArticleCard key={article.id} article={article} headingLevel={2} />
            ))}
          </div>
        )}
        <Pagination page={page} pageCount={pageCount} pathOf={pathOf} />
        {trending.length > 0 ? (
          <aside class="front-aside">
            <StoryList id="trending-heading" className="trending" title="Trending" articles={trending} ranked />
          </aside>
        ) : null}
      </div>
    </Layout>
  );
}

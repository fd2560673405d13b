import type { ArticleCard as Card } from '../../domain/index.ts';
import type { DayCount } from '../../store/index.ts';
import { formatDate, pageOfPages, storyCount } from '../format.ts';
import { ArticleCard } from './ArticleCard.tsx';
import { archiveDayPath, archiveMonthPath } from './archivePaths.ts';
import { Layout } from './Layout.tsx';
import { Pagination } from './Pagination.tsx';
import type { Chrome, PageHead } from './types.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "18 January 2026" for "2026-01-18". */
function dayName(day: string): string {
  return formatDate(`${day}T00:00:00.000Z`);
}

/** "January 2026" for "2026-01". */
export function monthName(month: string): string {
  return `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** The nearest days (or months) either side that have stories, "2026-01-17"; null where there is none. */
export interface Neighbours {
  before: string | null;
  after: string | null;
}

interface ArchiveDayPageProps extends Chrome {
  /** "2026-01-18" */
  day: string;
  articles: Card[];
  total: number;
  page: number;
  pageCount: number;
  neighbours: Neighbours;
}

/** /archive/<yyyy>/<mm>/<dd>: the stories published that UTC day, newest first, and the days either side. */
export function ArchiveDayPage({ site, sections, day, articles, total, page, pageCount, neighbours }: ArchiveDayPageProps) {
  const date = dayName(day);
  const pathOf = (n: number) => archiveDayPath(day, n);
  const pageSuffix = page > 1 ? ` (page ${page})` : '';
  const bySlug = new Map(sections.map((section) => [section.slug, section]));
  // Pages of the day come first in <head>; the neighbouring days are links in the page.
  const head = archiveHead(site, `Stories of ${date}${pageSuffix}`, `Stories ${site.name} published on ${date} (UTC).`, pathOf(page));
  return (
    <Layout
      site={site}
      sections={sections}
      head={{ ...head, prevPath: page > 1 ? pathOf(page - 1) : null, nextPath: page < pageCount ? pathOf(page + 1) : null }}
    >
      <div class="wrap">
        <header class="front-header">
          <p class="topic-kind">
            Archive · <a href={archiveMonthPath(day)}>{monthName(day)}</a>
          </p>
          <h1 class="front-title">{date}</h1>
          <p class="front-count">
            {storyCount(total)}
            {pageOfPages(page, pageCount)}
          </p>
        </header>
        {articles.length === 0 ? (
          <p class="empty">No stories were published on {date}.</p>
        ) : (
          <div class="card-grid">
            {articles.map((article) => (
              <ArticleCard key={article.id} article={article} headingLevel={2} section={bySlug.get(article.section)} />
            ))}
          </div>
        )}
        <Pagination page={page} pageCount={pageCount} pathOf={pathOf} />
        <NeighbourLinks label="Other days" neighbours={neighbours} pathOf={archiveDayPath} nameOf={dayName} />
      </div>
    </Layout>
  );
}

interface ArchiveMonthPageProps extends Chrome {
  /** "2026-01" */
  month: string;
  days: readonly DayCount[];
  neighbours: Neighbours;
}

/** /archive/<yyyy>/<mm>: the days of a UTC month that have stories, each with how many, and the months either side. */
export function ArchiveMonthPage({ site, sections, month, days, neighbours }: ArchiveMonthPageProps) {
  const name = monthName(month);
  const total = days.reduce((sum, day) => sum + day.count, 0);
  return (
    <Layout site={site} sections={sections} head={archiveHead(site, `Stories of ${name}`, `Stories ${site.name} published in ${name}, day by day.`, archiveMonthPath(month))}>
      <div class="wrap">
        <header class="front-header">
          <p class="topic-kind">Archive</p>
          <h1 class="front-title">{name}</h1>
          <p class="front-count">
            {storyCount(total)}
            {days.length > 1 ? ` on ${days.length} days` : ''}
          </p>
        </header>
        {days.length === 0 ? (
          <p class="empty">No stories were published in {name}.</p>
        ) : (
          <ol class="archive-days">
            {days.map(({ day, count }) => (
              <li key={day}>
                <a href={archiveDayPath(day)}>{dayName(day)}</a> · {storyCount(count)}
              </li>
            ))}
          </ol>
        )}
        <NeighbourLinks label="Other months" neighbours={neighbours} pathOf={archiveMonthPath} nameOf={monthName} />
      </div>
    </Layout>
  );
}

function archiveHead(site: Chrome['site'], what: string, description: string, path: string): PageHead {
  const title = `${what} — ${site.name}`;
  return {
    title,
    description,
    canonicalPath: path,
    openGraph: [
      ['og:type', 'website'],
      ['og:site_name', site.name],
      ['og:title', title],
      ['og:url', `${site.url}${path}`],
    ],
  };
}

interface NeighbourLinksProps {
  label: string;
  neighbours: Neighbours;
  pathOf: (when: string) => string;
  nameOf: (when: string) => string;
}

/** Links to the nearest earlier and later day (or month) that has stories: empty ones are skipped, not shown. */
function NeighbourLinks({ label, neighbours: { before, after }, pathOf, nameOf }: NeighbourLinksProps) {
  if (!before && !after) return null;
  return (
    <nav class="pagination archive-neighbours" aria-label={label}>
      <ul>
        {before ? (
          <li>
            <a href={pathOf(before)}>← {nameOf(before)}</a>
          </li>
        ) : null}
        {after ? (
          <li>
            <a href={pathOf(after)}>{nameOf(after)} →</a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

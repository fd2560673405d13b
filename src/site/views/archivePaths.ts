/**
 * Addresses of the archive's pages: an author's or a source's stories, and the stories of a UTC day or month.
 * Kept together so the routes, the article page's links and the footer agree on them.
 */

export function authorPath(slug: string, page = 1): string {
  return withPage(`/author/${slug}`, page);
}

export function sourcePath(slug: string, page = 1): string {
  return withPage(`/source/${slug}`, page);
}

/** `/archive/2026/01/18` for a day given as "2026-01-18". */
export function archiveDayPath(day: string, page = 1): string {
  return withPage(`/archive/${day.replaceAll('-', '/')}`, page);
}

/** `/archive/2026/01` for a month given as "2026-01" (or a longer date or time that starts with it). */
export function archiveMonthPath(month: string): string {
  return `/archive/${month.slice(0, 7).replace('-', '/')}`;
}

/** The month of `now` in UTC, as the footer links it. */
export function currentArchiveMonthPath(now: Date = new Date()): string {
  return archiveMonthPath(now.toISOString());
}

/** Page 1 is the bare address, so each page of a list has one URL (as on section fronts). */
function withPage(path: string, page: number): string {
  return page <= 1 ? path : `${path}?page=${page}`;
}

interface PaginationProps {
  page: number;
  pageCount: number;
  /** The URL of page n (page 1 is the bare front, without ?page=1). */
  pathOf: (page: number) => string;
  /** What the region and its two links say; a front's pages go from newer to older stories. */
  label?: string;
  previous?: string;
  next?: string;
}

/** Previous / next links for a paged list; on fronts the same links appear in <head> as rel=prev/next. */
export function Pagination({ page, pageCount, pathOf, label = 'Pages', previous = '← Newer stories', next = 'Older stories →' }: PaginationProps) {
  if (pageCount <= 1) return null;
  return (
    <nav class="pagination" aria-label={label}>
      <ul>
        {page > 1 ? (
          <li>
            <a href={pathOf(page - 1)} rel="prev">
              {previous}
            </a>
          </li>
        ) : null}
        <li class="page-status">
          Page {page} of {pageCount}
        </li>
        {page < pageCount ? (
          <li>
            <a href={pathOf(page + 1)} rel="next">
              {next}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

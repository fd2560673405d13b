interface PaginationProps {
  page: number;
  pageCount: number;
  /** The URL of page n (page 1 is the bare front, without ?page=1). */
  pathOf: (page: number) => string;
}

/** Previous / next links for a section front; the same links appear in <head> as rel=prev/next. */
export function Pagination({ page, pageCount, pathOf }: PaginationProps) {
  if (pageCount <= 1) return null;
  return (
    <nav class="pagination" aria-label="Pages">
      <ul>
        {page > 1 ? (
          <li>
            <a href={pathOf(page - 1)} rel="prev">
              ← Newer stories
            </a>
          </li>
        ) : null}
        <li class="page-status">
          Page {page} of {pageCount}
        </li>
        {page < pageCount ? (
          <li>
            <a href={pathOf(page + 1)} rel="next">
              Older stories →
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

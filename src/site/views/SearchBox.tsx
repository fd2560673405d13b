/** Where the search form sends its query: /search?q=… (a GET, so it works with JavaScript off and can be linked). */
export const SEARCH_PATH = '/search';

/**
 * The search box in the site header, on every page. It is the same on every page (the page cache keeps pages
 * whole), so it never shows the current query: the search page's own form does.
 */
export function SearchBox() {
  return (
    <form class="site-search" role="search" aria-label="Site search" action={SEARCH_PATH} method="get">
      <label class="visually-hidden" for="site-search-q">
        Search articles
      </label>
      <input id="site-search-q" type="search" name="q" required size={18} />
      <button type="submit">Search</button>
    </form>
  );
}

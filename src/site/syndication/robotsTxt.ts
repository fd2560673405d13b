/**
 * robots.txt: crawl everything readers see, except search results (an endless space of query URLs that all
 * show articles crawlers reach through the sitemaps anyway), and where the sitemap index is.
 */
export function robotsTxt(siteUrl: string): string {
  return ['User-agent: *', 'Disallow: /search', '', `Sitemap: ${siteUrl}/sitemap.xml`, ''].join('\n');
}

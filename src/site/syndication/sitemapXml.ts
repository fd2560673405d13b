/**
 * Sitemaps as the sitemaps.org protocol (0.9) and Google's News extension define them. Written by hand: the
 * documents are small and flat, and every value goes through escapeXml, so nothing a headline says can break
 * out of its element.
 */

import { escapeXml } from './xmlText.ts';

export const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
export const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';
/** The protocol's limit per sitemap file (also the limit of sitemaps per index). */
export const MAX_URLS_PER_SITEMAP = 50_000;
/** Google News reads at most this many articles from one news sitemap. */
export const MAX_NEWS_URLS = 1_000;

export interface SitemapUrl {
  loc: string;
  lastmod?: string | null;
}

export interface NewsArticle {
  loc: string;
  title: string;
  publishedAt: string;
}

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

export function sitemapIndexXml(sitemaps: readonly SitemapUrl[]): string {
  return `${DECLARATION}<sitemapindex xmlns="${SITEMAP_NS}">\n${sitemaps.map((s) => `  <sitemap>${locAndLastmod(s)}</sitemap>\n`).join('')}</sitemapindex>\n`;
}

export function urlsetXml(urls: readonly SitemapUrl[]): string {
  return `${DECLARATION}<urlset xmlns="${SITEMAP_NS}">\n${urls.map((u) => `  <url>${locAndLastmod(u)}</url>\n`).join('')}</urlset>\n`;
}

/** A Google News sitemap: the publication's name and language, and each article's title and time. */
export function newsSitemapXml(publication: { name: string; language: string }, articles: readonly NewsArticle[]): string {
  const publicationXml = `<news:publication><news:name>${escapeXml(publication.name)}</news:name><news:language>${escapeXml(publication.language)}</news:language></news:publication>`;
  const urls = articles.map(
    (article) =>
      `  <url><loc>${escapeXml(article.loc)}</loc><news:news>${publicationXml}<news:publication_date>${w3cDateTime(article.publishedAt)}</news:publication_date><news:title>${escapeXml(article.title)}</news:title></news:news></url>\n`,
  );
  return `${DECLARATION}<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">\n${urls.join('')}</urlset>\n`;
}

function locAndLastmod({ loc, lastmod }: SitemapUrl): string {
  return `<loc>${escapeXml(loc)}</loc>${lastmod ? `<lastmod>${w3cDateTime(lastmod)}</lastmod>` : ''}`;
}

/** "2026-01-18T09:30:00Z": W3C Datetime in UTC, without the milliseconds nobody crawls by. */
export function w3cDateTime(iso: string): string {
  return new Date(iso).toISOString().replace(/\.\d+Z$/, 'Z');
}

/** extract/html: a news page's HTML → the clean article (Readability on linkedom, metadata, sanitized body). */
export { extractArticle } from './extractArticle.ts';
export { MAX_HTML_CHARS, MAX_NESTING_DEPTH, MAX_PAGE_ELEMENTS } from './pageLimits.ts';
export type { ExtractedArticle, ExtractOptions } from './extractArticle.ts';
export type { ExtractedBlock } from './bodyBlocks.ts';
export { decodeHtml } from './charset.ts';
export { sanitizeArticleHtml, ALLOWED_IFRAME_HOSTS } from './sanitize.ts';
export type { SanitizeOptions } from './sanitize.ts';
export { stripTrackingParams } from './trackingParams.ts';

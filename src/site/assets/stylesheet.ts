import { createHash } from 'node:crypto';
import { SITE_CSS } from './siteCss.ts';

/**
 * The stylesheet is fixed for the life of the process, so its bytes, hash and URL are computed once at start.
 * Pages link it as /assets/site.css?v=<hash>: the URL changes whenever the CSS does, so browsers and CDNs may
 * keep it forever (immutable) and a deploy still reaches every reader on their next page view.
 */
export const STYLESHEET_BODY = Buffer.from(SITE_CSS.trim() + '\n', 'utf8');
export const STYLESHEET_HASH = createHash('sha256').update(STYLESHEET_BODY).digest('hex').slice(0, 12);
export const STYLESHEET_PATH = '/assets/site.css';
export const STYLESHEET_HREF = `${STYLESHEET_PATH}?v=${STYLESHEET_HASH}`;
export const STYLESHEET_ETAG = `"${STYLESHEET_HASH}"`;

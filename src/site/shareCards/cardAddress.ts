import { createHash } from 'node:crypto';
import type { ShareCardContent } from './cardSvg.ts';

/**
 * Names how a card is drawn (layout, font, colours, encoding). Change it with any change to what a card looks
 * like: every card gets a new address, so year-long caches never keep an old drawing.
 */
export const CARD_RECIPE = 'share-card/1 source-serif-4-bold png-palette';

const KEY = /^[0-9a-f]{20}$/;
const CARD_FILE = /^([0-9a-f]{20})\.png$/;

/**
 * 20 hex digits of the SHA-256 of the recipe and everything drawn: the same article gives the same key in every
 * process, and a changed headline, section or site name a new one.
 */
export function shareCardKey(content: ShareCardContent): string {
  const drawn = JSON.stringify([CARD_RECIPE, content.headline, content.sectionName, content.brand]);
  return createHash('sha256').update(drawn).digest('hex').slice(0, 20);
}

/**
 * /media/cards/<article id>/<key>.png: the article id tells the server what to draw on the first request; the
 * key makes the address change whenever the drawing would.
 */
export function shareCardPath(articleId: number, content: ShareCardContent): string {
  return `/media/cards/${articleId}/${shareCardKey(content)}.png`;
}

/** "0123…cdef.png" → its key; null for any other file name. */
export function parseShareCardFile(file: string): string | null {
  const match = CARD_FILE.exec(file);
  return match && KEY.test(match[1]!) ? match[1]! : null;
}

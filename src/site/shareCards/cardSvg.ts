import type { CardFont } from './cardFont.ts';
import { wrapText } from './headlineLines.ts';

/** What a share card shows; every field feeds the card's address (cardAddress.ts). */
export interface ShareCardContent {
  headline: string;
  sectionName: string;
  /** The site's name, set at the foot of the card. */
  brand: string;
}

/** The size OpenGraph consumers (Facebook, LinkedIn, X, Slack, Google Discover) crop least: 1.91:1. */
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

// The site's palette (assets/siteCss.ts): the page's ink and surface, and the section labels' red.
const INK = '#16161a';
const SURFACE = '#f5f3ef';
const ACCENT = '#b0131d';
const RULE = '#dedbd5';

/** Left and right margin: clear of the corners that some apps round off or overlay. */
const MARGIN = 80;
const TEXT_WIDTH = CARD_WIDTH - 2 * MARGIN;
const ACCENT_BAR_HEIGHT = 14;
const SECTION_BASELINE = 118;
const SECTION_SIZE = 30;
/** Capitals read better a little apart. */
const SECTION_LETTER_SPACING = 0.08;
/** The first headline line's baseline sits this far below the section label. */
const HEADLINE_TOP = SECTION_BASELINE + 24;
/**
 * Largest first: a short headline is set big; a long one steps down until it fits in HEADLINE_MAX_LINES, and
 * past the smallest size it is cut with an ellipsis (a card is a teaser, the page has the whole headline).
 */
const HEADLINE_SIZES = [76, 68, 60, 54] as const;
const HEADLINE_MAX_LINES = 4;
const LINE_HEIGHT = 1.16;
const FOOTER_RULE_Y = 540;
const BRAND_BASELINE = 594;
const BRAND_SIZE = 36;

/** Spaces and line breaks of any kind collapse to one space; composed characters are matched to glyphs as one. */
function cleanText(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/**
 * The card as SVG: an accent bar, the section in capitals, the headline as large as fits, a rule and the site's
 * name. Text the font cannot draw (scripts it has no glyphs for: Hebrew, Arabic, Chinese, Japanese, Korean…) is
 * left out rather than drawn as boxes; a card whose headline is left out shows the site's name in its place
 * (the page's og:title still carries the headline in any script).
 */
export function shareCardSvg(content: ShareCardContent, font: CardFont): string {
  const headline = cleanText(content.headline);
  const section = cleanText(content.sectionName).toLocaleUpperCase('en');
  const brand = cleanText(content.brand);
  const parts = [
    `<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="${SURFACE}"/>`,
    `<rect width="${CARD_WIDTH}" height="${ACCENT_BAR_HEIGHT}" fill="${ACCENT}"/>`,
    `<rect x="${MARGIN}" y="${FOOTER_RULE_Y}" width="${TEXT_WIDTH}" height="2" fill="${RULE}"/>`,
  ];
  if (section && font.covers(section)) {
    parts.push(path(font.outline(section, MARGIN, SECTION_BASELINE, SECTION_SIZE, SECTION_LETTER_SPACING), ACCENT));
  }
  const brandDrawable = brand !== '' && font.covers(brand);
  const headlineDrawable = headline !== '' && font.covers(headline);
  const title = headlineDrawable ? headline : brandDrawable ? brand : '';
  if (title) parts.push(path(headlineOutline(title, font), INK));
  // With the name in the headline's place, the foot stays bare rather than saying it twice.
  if (brandDrawable && headlineDrawable) {
    const fitted = wrapText(brand, TEXT_WIDTH, 1, (text) => font.width(text, BRAND_SIZE)).lines[0] ?? '';
    parts.push(path(font.outline(fitted, MARGIN, BRAND_BASELINE, BRAND_SIZE), INK));
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}">${parts.join('')}</svg>`;
}

/** The headline at the largest size that fits whole, or cut to fit at the smallest. */
function headlineOutline(headline: string, font: CardFont): string {
  let size: number = HEADLINE_SIZES[0];
  let lines: string[] = [];
  for (size of HEADLINE_SIZES) {
    const wrapped = wrapText(headline, TEXT_WIDTH, HEADLINE_MAX_LINES, (text) => font.width(text, size));
    lines = wrapped.lines;
    if (!wrapped.truncated) break;
  }
  const firstBaseline = HEADLINE_TOP + size;
  return lines.map((line, index) => font.outline(line, MARGIN, firstBaseline + index * size * LINE_HEIGHT, size)).join('');
}

function path(data: string, fill: string): string {
  return data ? `<path fill="${fill}" d="${data}"/>` : '';
}

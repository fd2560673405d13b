/**
 * The neutral image drawn where an article has no photo file (hero.url null): we never hot-link a photo we have
 * no right to copy, but the page keeps its shape and the figure its caption and credit. A soft gradient whose
 * hue follows the section name, so a section's placeholders look alike and different sections differ.
 */

/** 16:9, the shape of every hero and card image, so layouts do not jump when real photos arrive. */
export const PLACEHOLDER_WIDTH = 1200;
export const PLACEHOLDER_HEIGHT = 675;

export function placeholderPath(section: string): string {
  return `/media/placeholder/${encodeURIComponent(section)}.svg`;
}

/** "security" → "Security", "middle-east" → "Middle East": the route knows only the slug. */
function labelFromSlug(slug: string): string {
  return slug
    .split('-')
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

/** A stable hue per name (a small string hash; quality does not matter, only that it is stable). */
function hueOf(name: string): number {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % 360;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The SVG for a section slug; callers pass only validated slugs, and the text is escaped all the same. */
export function placeholderSvg(sectionSlug: string): string {
  const label = escapeXml(labelFromSlug(sectionSlug) || 'News');
  const hue = hueOf(sectionSlug);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${PLACEHOLDER_WIDTH}" height="${PLACEHOLDER_HEIGHT}" viewBox="0 0 ${PLACEHOLDER_WIDTH} ${PLACEHOLDER_HEIGHT}" role="img" aria-labelledby="t">
<title id="t">${label}: no photo available</title>
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
<stop offset="0" stop-color="hsl(${hue} 30% 92%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360} 25% 78%)"/>
</linearGradient></defs>
<rect width="100%" height="100%" fill="url(#g)"/>
<text x="50%" y="50%" dominant-baseline="middle" text-anchor="middle" font-family="Georgia, 'Times New Roman', serif" font-size="64" font-weight="700" fill="hsl(${hue} 25% 22%)">${label}</text>
</svg>
`;
}

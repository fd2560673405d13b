/**
 * The publisher's wordmark for structured data and share cards: the site's name set in the masthead's serif,
 * 600×60 as search engines ask of a news publisher's logo. Drawn here, so a renamed site needs no artwork.
 */
export function logoSvg(siteName: string): string {
  const name = siteName.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="60" viewBox="0 0 600 60" role="img" aria-label="${name}">
<rect width="600" height="60" fill="#ffffff"/>
<text x="8" y="44" font-family="Georgia, 'Times New Roman', serif" font-size="40" font-weight="700" fill="#111111">${name}</text>
</svg>`;
}

/** The tab icon: the site name's first letter on the masthead's ink, square, readable at 16 px. */
export function iconSvg(siteName: string): string {
  const letter = (siteName.trim()[0] ?? 'N').toUpperCase().replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">
<rect width="64" height="64" rx="8" fill="#111111"/>
<text x="32" y="46" text-anchor="middle" font-family="Georgia, 'Times New Roman', serif" font-size="44" font-weight="700" fill="#ffffff">${letter}</text>
</svg>`;
}

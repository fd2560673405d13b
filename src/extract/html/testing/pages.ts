/** Small article pages for the extractor's tests: a head we choose, a body long enough to count as an article. */

export const PAGE_URL = 'https://news.example.com/world/2024/05/01/port-strike?utm_source=feed';

/** Paragraphs of reporting, long enough that Readability takes the body for an article. */
export const REPORT_PARAGRAPHS: readonly string[] = [
  'Dock workers at the country’s largest port walked out on Wednesday morning, halting the loading of container ships and leaving dozens of vessels waiting offshore as talks over pay broke down for the third time this month.',
  'The union said the strike would last at least 48 hours and warned that further stoppages would follow if the port authority did not return to the table with an improved offer on wages and shift patterns.',
  'Port officials said contingency plans were in place to keep perishable goods and medical supplies moving, but acknowledged that most commercial traffic would be delayed until the dispute was settled.',
  'Economists have warned that a prolonged stoppage could add to shipping costs at a time when importers are already struggling with higher fuel prices and a weaker currency.',
];

export interface PageParts {
  head?: string;
  /** Markup placed before the paragraphs inside <article>. */
  before?: string;
  /** Markup placed after the paragraphs inside <article>. */
  after?: string;
  lang?: string;
  title?: string;
}

export function articlePage(parts: PageParts = {}): string {
  const paragraphs = REPORT_PARAGRAPHS.map((text) => `<p>${text}</p>`).join('\n');
  return `<!DOCTYPE html>
<html${parts.lang ? ` lang="${parts.lang}"` : ''}>
<head>
<meta charset="utf-8">
<title>${parts.title ?? 'Port workers strike over pay | Example News'}</title>
${parts.head ?? ''}
</head>
<body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<main>
<article>
<h1>Port workers strike over pay</h1>
${parts.before ?? ''}
${paragraphs}
${parts.after ?? ''}
</article>
</main>
<footer>© Example News</footer>
</body>
</html>`;
}

export function jsonLdScript(data: unknown): string {
  return `<script type="application/ld+json">${JSON.stringify(data)}</script>`;
}

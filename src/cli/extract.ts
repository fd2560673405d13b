import { readFile, stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { ValidationError } from '../domain/index.ts';
import { decodeHtml, extractArticle, type ExtractedArticle } from '../extract/html/index.ts';
import { fetcherFor } from '../ingest/index.ts';
import { commandContext } from './context.ts';

/** The same bound the fetcher puts on a download: a saved page is no more trusted than a fetched one. */
export const MAX_HTML_FILE_BYTES = 5 * 1024 * 1024;

export interface LoadedPage {
  url: string;
  html: string;
  fetchedAt: string;
}

export function configureExtract(command: Command): void {
  command
    .argument('<source>', 'a saved HTML file, or an http(s) URL to fetch')
    .option('--url <url>', 'the page\'s address, for a saved file (resolves its links)')
    .option('--json', 'print the whole result as JSON')
    .description('print what the extractor makes of a page (headline, byline, dates, image, body); stores nothing')
    .action(async (source: string, options: { url?: string; json?: boolean }) => {
      const { config } = commandContext();
      const page = await loadPage(source, options.url, config);
      const extracted = extractArticle(page.html, { url: page.url });
      console.log(options.json ? JSON.stringify(extracted, null, 2) : describe(extracted));
    });
}

/** A page from a URL (through the guarded fetcher) or from a file with its address given by `--url`. */
export async function loadPage(
  source: string,
  url: string | undefined,
  config: Parameters<typeof fetcherFor>[0],
): Promise<LoadedPage> {
  if (/^https?:\/\//i.test(source)) {
    const response = await fetcherFor(config).fetch({ url: source, accept: 'text/html, application/xhtml+xml;q=0.9' });
    return { url: response.url, html: decodeHtml(response.body, response.contentType), fetchedAt: response.fetchedAt };
  }
  const size = await stat(source).then(
    (info) => info.size,
    (error: NodeJS.ErrnoException) => {
      throw new ValidationError(`cannot read ${source}: ${error.code ?? error.message}`);
    },
  );
  if (size > MAX_HTML_FILE_BYTES) throw new ValidationError(`${source} is ${size} bytes; the limit is ${MAX_HTML_FILE_BYTES}`);
  const pageUrl = url ?? 'https://example.invalid/';
  try {
    new URL(pageUrl);
  } catch {
    throw new ValidationError(`--url must be an absolute address (got "${url}")`);
  }
  return { url: pageUrl, html: decodeHtml(await readFile(source)), fetchedAt: new Date().toISOString() };
}

function describe(article: ExtractedArticle): string {
  const lines = [
    `headline     ${article.headline}`,
    `dek          ${article.dek ?? '—'}`,
    `byline       ${article.byline ?? '—'}`,
    `published    ${article.publishedAt ?? '—'}`,
    `modified     ${article.modifiedAt ?? '—'}`,
    `canonical    ${article.canonicalUrl ?? '—'}`,
    `section hint ${article.sectionHint ?? '—'}`,
    `image        ${article.image ? `${article.image.url ?? ''} (${article.image.caption ?? 'no caption'}; ${article.image.credit ?? 'no credit'})` : '—'}`,
    `body         ${article.blocks.length} blocks, ${article.bodyText.split(/\s+/).filter(Boolean).length} words`,
    '',
    article.bodyText,
  ];
  return lines.join('\n');
}

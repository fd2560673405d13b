import { createReadStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Command } from 'commander';
import { RELATED_LIMIT, ValidationError } from '../domain/index.ts';
import { relatedInCorpus, type CorpusArticle } from '../enrich/related/index.ts';
import { parseArticleLine } from './cluster.ts';
import { parseCount } from './optionParsers.ts';

export function configureRelated(command: Command): void {
  command
    .requiredOption('--jsonl <file>', 'articles, one JSON object a line: {"id","title","text","publishedAt"?} ("-" reads standard input)')
    .option('--limit <n>', 'related articles an article lists, at most', parseCount, RELATED_LIMIT)
    .description(
      'rank each article\'s related articles by the rule the site stores its lists with; writes {"id","related":[ids]} a line, ' +
        'best first, in input order (fewer, or none, when fewer are related); stores nothing',
    )
    .action(async (options: { jsonl: string; limit: number }) => {
      const input = options.jsonl === '-' ? process.stdin : createReadStream(options.jsonl, { encoding: 'utf8' });
      await relatedStream(input, process.stdout, { limit: options.limit, name: options.jsonl });
    });
}

/**
 * Reads every article first (how rare a word or a name is, and which articles name what, take the whole batch),
 * then writes one line an article. A line that is not an article stops the run with its line number.
 */
export async function relatedStream(input: Readable, output: Writable, options: { limit?: number; name?: string } = {}): Promise<{ articles: number }> {
  const name = options.name ?? 'input';
  const ids: string[] = [];
  const articles: CorpusArticle[] = [];
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  try {
    for await (const line of lines) {
      lineNumber++;
      if (!line.trim()) continue;
      const doc = parseArticleLine(line, `${name}:${lineNumber}`);
      ids.push(doc.id);
      articles.push({ title: doc.title, text: doc.text, publishedAt: doc.publishedAt ?? null });
    }
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    throw new ValidationError(`cannot read ${name}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const lists = await relatedInCorpus(articles, { limit: options.limit ?? RELATED_LIMIT });
  for (const [n, links] of lists.entries()) {
    const text = `${JSON.stringify({ id: ids[n], related: links.map((link) => ids[link.id]) })}\n`;
    if (!output.write(text)) await once(output, 'drain');
  }
  return { articles: articles.length };
}

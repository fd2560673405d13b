import { createReadStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { type Command, InvalidArgumentError } from 'commander';
import { ValidationError } from '../domain/index.ts';
import { paragraphsOf, summarize } from '../enrich/summary/index.ts';

export interface SummarizeLinesOptions {
  /** Summary sentences per article (default 3, the length the benchmarks compare at). */
  sentences?: number;
}

const DEFAULT_SENTENCES = 3;
const MOST_SENTENCES = 20;

export function configureSummarize(command: Command): void {
  command
    .requiredOption('--jsonl <file>', 'JSON lines {"id","article"[,"headline"]}, paragraphs separated by a blank line; - reads stdin')
    .option('--sentences <n>', `summary sentences per article (1–${MOST_SENTENCES})`, parseSentenceCount, DEFAULT_SENTENCES)
    .description('print {"id","summary"} per line, summary sentences separated by "\\n"; stores nothing')
    .addHelpText('after', '\nEvery summary sentence is a sentence of the article. A bad line stops the run with its line number (exit code 2).')
    .action(async (options: { jsonl: string; sentences: number }) => {
      const input = options.jsonl === '-' ? process.stdin : createReadStream(options.jsonl, { encoding: 'utf8' });
      const opened = options.jsonl === '-' ? Promise.resolve() : once(input, 'open');
      await opened.catch((error: NodeJS.ErrnoException) => {
        throw new ValidationError(`cannot read ${options.jsonl}: ${error.code ?? error.message}`);
      });
      await summarizeJsonLines(input, process.stdout, { sentences: options.sentences });
    });
}

function parseSentenceCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MOST_SENTENCES) throw new InvalidArgumentError(`give a whole number from 1 to ${MOST_SENTENCES}`);
  return n;
}

/**
 * Streams articles in, summaries out, one line each, holding one article at a time (so a file of any size
 * works). Blank lines are skipped. Returns how many summaries were written; a line that is not an object with a
 * string `id` (or number) and a string `article` throws a ValidationError naming its line number.
 */
export async function summarizeJsonLines(input: Readable, output: Writable, options: SummarizeLinesOptions = {}): Promise<number> {
  const sentences = options.sentences ?? DEFAULT_SENTENCES;
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  let written = 0;
  for await (const line of lines) {
    lineNumber++;
    if (!line.trim()) continue;
    const row = parseRow(line, lineNumber);
    const summary = summarize({ headline: row.headline, paragraphs: paragraphsOf(row.article) }, { sentences });
    const out = JSON.stringify({ id: row.id, summary: summary.sentences.map((s) => s.text).join('\n') }) + '\n';
    if (!output.write(out)) await once(output, 'drain');
    written++;
  }
  return written;
}

function parseRow(line: string, lineNumber: number): { id: string | number; article: string; headline: string } {
  let row: unknown;
  try {
    row = JSON.parse(line);
  } catch (error) {
    throw new ValidationError(`line ${lineNumber}: not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof row !== 'object' || row === null || Array.isArray(row)) throw new ValidationError(`line ${lineNumber}: expected a JSON object`);
  const { id, article, headline, title } = row as Record<string, unknown>;
  if (typeof id !== 'string' && typeof id !== 'number') throw new ValidationError(`line ${lineNumber}: "id" must be a string or number`);
  if (typeof article !== 'string') throw new ValidationError(`line ${lineNumber}: "article" must be a string`);
  const named = typeof headline === 'string' ? headline : typeof title === 'string' ? title : '';
  return { id, article, headline: named };
}

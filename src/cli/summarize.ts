import type { Readable, Writable } from 'node:stream';
import { type Command, InvalidArgumentError } from 'commander';
import { ValidationError } from '../domain/index.ts';
import { paragraphsOf, summarize } from '../enrich/summary/index.ts';
import { jsonObjectLine, mapJsonLines, openJsonLines } from './jsonLines.ts';

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
      await summarizeJsonLines(await openJsonLines(options.jsonl), process.stdout, { sentences: options.sentences });
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
  return mapJsonLines(input, output, (line, lineNumber) => {
    const row = parseRow(line, lineNumber);
    const summary = summarize({ headline: row.headline, paragraphs: paragraphsOf(row.article) }, { sentences });
    return { id: row.id, summary: summary.sentences.map((s) => s.text).join('\n') };
  });
}

function parseRow(line: string, lineNumber: number): { id: string | number; article: string; headline: string } {
  const { id, article, headline, title } = jsonObjectLine(line, lineNumber);
  if (typeof id !== 'string' && typeof id !== 'number') throw new ValidationError(`line ${lineNumber}: "id" must be a string or number`);
  if (typeof article !== 'string') throw new ValidationError(`line ${lineNumber}: "article" must be a string`);
  const named = typeof headline === 'string' ? headline : typeof title === 'string' ? title : '';
  return { id, article, headline: named };
}

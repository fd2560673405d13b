import type { Readable, Writable } from 'node:stream';
import type { Command } from 'commander';
import { ValidationError } from '../domain/index.ts';
import { buildTimeline } from '../enrich/timeline/index.ts';
import { findTimexes } from '../enrich/timeline/timex.ts';
import { jsonObjectLine, mapJsonLines, openJsonLines } from './jsonLines.ts';

export function configureTimeline(command: Command): void {
  command
    .requiredOption('--jsonl <file>', 'JSON lines {"id","publishedAt" (ISO or null),"text"}; - reads stdin')
    .description('print {"id","timexes","timeline"} per line: TIMEX3 time expressions and the dated facts; stores nothing')
    .addHelpText(
      'after',
      '\nTimex offsets are characters into "text". Without a publishedAt, relative expressions ("Friday", "last month") keep an' +
        '\nunspecified value and stay off the timeline. A bad line stops the run with its line number (exit code 2).',
    )
    .action(async (options: { jsonl: string }) => {
      await timelineJsonLines(await openJsonLines(options.jsonl), process.stdout);
    });
}

interface TimelineRow {
  id: string | number;
  publishedAt: Date | null;
  text: string;
}

/**
 * Streams texts in, time expressions and timelines out, one line each, holding one text at a time. Blank lines
 * are skipped; a bad line throws a ValidationError naming its line number. Returns how many lines were written.
 */
export async function timelineJsonLines(input: Readable, output: Writable): Promise<number> {
  return mapJsonLines(input, output, (line, lineNumber) => timelineOf(parseRow(line, lineNumber)));
}

function timelineOf(row: TimelineRow) {
  const timexes = findTimexes(row.text, row.publishedAt).map(({ start, end, text, type, value }) => ({ start, end, text, type, value }));
  // A line break ends a paragraph here: the inputs this reads (wire copy, corpora) put one sentence or paragraph a line.
  const paragraphs = row.text.split(/\n+/).map((p) => p.trim()).filter(Boolean);
  const timeline = buildTimeline({ paragraphs, publishedAt: row.publishedAt?.toISOString() ?? null }).map((entry) => ({
    date: entry.date,
    label: entry.label,
    sentence: entry.sentence.text,
  }));
  return { id: row.id, timexes, timeline };
}

function parseRow(line: string, lineNumber: number): TimelineRow {
  const { id, publishedAt, text } = jsonObjectLine(line, lineNumber);
  if (typeof id !== 'string' && typeof id !== 'number') throw new ValidationError(`line ${lineNumber}: "id" must be a string or number`);
  if (typeof text !== 'string') throw new ValidationError(`line ${lineNumber}: "text" must be a string`);
  return { id, publishedAt: publicationDate(publishedAt, lineNumber), text };
}

function publicationDate(value: unknown, lineNumber: number): Date | null {
  if (value === null || value === undefined) return null;
  const date = typeof value === 'string' ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) throw new ValidationError(`line ${lineNumber}: "publishedAt" must be an ISO date or null`);
  return date;
}

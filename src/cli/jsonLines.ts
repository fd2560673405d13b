import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { ValidationError } from '../domain/index.ts';

/** The input a `--jsonl` option names: standard input for "-", else the file, opened (a missing one is exit 2). */
export async function openJsonLines(file: string): Promise<Readable> {
  if (file === '-') return process.stdin;
  const input = createReadStream(file, { encoding: 'utf8' });
  await once(input, 'open').catch((error: NodeJS.ErrnoException) => {
    throw new ValidationError(`cannot read ${file}: ${error.code ?? error.message}`);
  });
  return input;
}

/** One input line as a JSON object, or a ValidationError naming the line. */
export function jsonObjectLine(line: string, lineNumber: number): Record<string, unknown> {
  let row: unknown;
  try {
    row = JSON.parse(line);
  } catch (error) {
    throw new ValidationError(`line ${lineNumber}: not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof row !== 'object' || row === null || Array.isArray(row)) throw new ValidationError(`line ${lineNumber}: expected a JSON object`);
  return row as Record<string, unknown>;
}

/**
 * Streams JSON lines through `map`, one output line per input line, holding one line at a time (so a file of any
 * size works) and waiting when the reader is slow. Blank lines are skipped; `map` throws a ValidationError for a
 * bad line. Returns how many lines were written.
 */
export async function mapJsonLines(
  input: Readable,
  output: Writable,
  map: (line: string, lineNumber: number) => unknown,
): Promise<number> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  let written = 0;
  for await (const line of lines) {
    lineNumber++;
    if (!line.trim()) continue;
    if (!output.write(JSON.stringify(map(line, lineNumber)) + '\n')) await once(output, 'drain');
    written++;
  }
  return written;
}

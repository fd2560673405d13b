import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import type { Command } from 'commander';
import { ValidationError } from '../domain/index.ts';
import { MemoryStoryIndex, StoryClusterer, type ClusterDocument } from '../enrich/stories/index.ts';

export function configureCluster(command: Command): void {
  command
    .requiredOption('--jsonl <file>', 'articles, one JSON object a line: {"id","title","text","publishedAt"?,"source"?} ("-" reads standard input)')
    .description(
      'group articles into stories as they stream in; writes {"id","story"} a line ("nearDuplicateOf" marks a copy; ' +
        'when two stories merge, the moved articles are written again, so the last line for an id wins); stores nothing',
    )
    .action(async (options: { jsonl: string }) => {
      const input = options.jsonl === '-' ? process.stdin : openInput(options.jsonl);
      await clusterStream(input, process.stdout, options.jsonl);
    });
}

function openInput(file: string): Readable {
  return createReadStream(file, { encoding: 'utf8' });
}

export interface ClusterRun {
  articles: number;
  stories: number;
}

/**
 * Reads articles a line at a time and writes each one's story as soon as it is placed, so a file of any size
 * streams through in constant memory apart from the clusterer's index. A line that is not an article stops
 * the run with its line number.
 */
export async function clusterStream(input: Readable, output: Writable, name = 'input'): Promise<ClusterRun> {
  const index = new MemoryStoryIndex();
  const clusterer = new StoryClusterer(index);
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  let articles = 0;
  // A reader that went away (`newsdesk cluster … | head`) ends the run quietly, like any Unix filter; the
  // listener stays on so a late EPIPE from the same stream cannot crash the process either.
  let outputError: NodeJS.ErrnoException | null = null;
  output.on('error', (error: NodeJS.ErrnoException) => {
    outputError ??= error;
    lines.close();
  });
  try {
    for await (const line of lines) {
      if (outputError) break;
      lineNumber++;
      if (!line.trim()) continue;
      const doc = parseArticleLine(line, `${name}:${lineNumber}`);
      const placement = await clusterer.add(doc);
      articles++;
      const out: Record<string, string> = { id: doc.id, story: placement.storyId };
      if (placement.nearDuplicateOf) out.nearDuplicateOf = placement.nearDuplicateOf;
      let text = `${JSON.stringify(out)}\n`;
      // Articles whose story just merged into an older one are written again: for an id, the last line wins.
      for (const id of placement.moved) text += `${JSON.stringify({ id, story: placement.storyId })}\n`;
      if (!output.write(text)) await once(output, 'drain');
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EPIPE') return { articles, stories: index.stories().length };
    if (error instanceof ValidationError || error === outputError) throw error;
    throw new ValidationError(`cannot read ${name}: ${code ?? (error as Error).message}`);
  } finally {
    lines.close();
  }
  const failed = outputError as NodeJS.ErrnoException | null;
  if (failed && failed.code !== 'EPIPE') throw failed;
  return { articles, stories: index.stories().length };
}

/** One input line as an article, or a ValidationError saying which line and what is wrong with it. */
export function parseArticleLine(line: string, where: string): ClusterDocument {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new ValidationError(`${where}: not JSON (${(error as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ValidationError(`${where}: expected an object {"id","title","text"}`);
  }
  const record = value as Record<string, unknown>;
  for (const field of ['id', 'title', 'text'] as const) {
    if (typeof record[field] !== 'string') throw new ValidationError(`${where}: "${field}" must be a string`);
  }
  if ((record.id as string).trim() === '') throw new ValidationError(`${where}: "id" is empty`);
  for (const field of ['publishedAt', 'source'] as const) {
    if (record[field] !== undefined && record[field] !== null && typeof record[field] !== 'string') {
      throw new ValidationError(`${where}: "${field}" must be a string or null`);
    }
  }
  if (typeof record.publishedAt === 'string' && Number.isNaN(Date.parse(record.publishedAt))) {
    throw new ValidationError(`${where}: "publishedAt" is not a date (${record.publishedAt})`);
  }
  return {
    id: record.id as string,
    title: record.title as string,
    text: record.text as string,
    publishedAt: (record.publishedAt as string | null | undefined) ?? null,
    source: (record.source as string | null | undefined) ?? null,
  };
}

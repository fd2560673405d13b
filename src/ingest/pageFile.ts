import { readFile, realpath, stat } from 'node:fs/promises';
import { ExtractError } from '../domain/index.ts';
import { parsePageText } from '../extract/index.ts';
import { importArticle, type ImportOptions, type ImportResult } from './importArticle.ts';

/** A flattened news page is a few kilobytes; anything this large is not one, and is refused before reading. */
export const MAX_PAGE_FILE_BYTES = 2 * 1024 * 1024;

type Repositories = Parameters<typeof importArticle>[0];

/**
 * Imports a page-text file (the seed's form). The file's real path is its identity, so importing the same file
 * again finds the same article: unchanged text changes nothing, edited text updates it in place.
 */
export async function importPageFile(
  store: Repositories,
  file: string,
  options: Partial<ImportOptions> = {},
): Promise<ImportResult> {
  const text = await readPageFile(file);
  const draft = parsePageText(text);
  const sourceKey = options.sourceKey ?? `file:${await realpath(file)}`;
  return importArticle(store, draft, { ...options, sourceKey });
}

async function readPageFile(file: string): Promise<string> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new ExtractError(`${file} is not a file`);
    size = info.size;
  } catch (error) {
    if (error instanceof ExtractError) throw error;
    throw new ExtractError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (size > MAX_PAGE_FILE_BYTES) {
    throw new ExtractError(`${file} is ${size} bytes; a page-text file may be at most ${MAX_PAGE_FILE_BYTES} bytes`);
  }
  const bytes = await readFile(file);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return text;
}


import { readFile, realpath, stat } from 'node:fs/promises';
import iconv from 'iconv-lite';
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
  return decodePageText(await readFile(file), file);
}

/** Text files have no NUL bytes; binaries (images, executables, archives) have them near the start. */
const BINARY_SNIFF_BYTES = 8000;

/**
 * The file's bytes as text: UTF-8 (with or without a BOM), UTF-16 with a BOM, and otherwise Windows-1252,
 * which is what text saved by older editors on Windows is. A binary file is refused rather than imported as
 * an article of mojibake.
 */
export function decodePageText(bytes: Uint8Array, file: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
    throw new ExtractError(`${file} looks like binary data, not text: import the page's text (a .txt file)`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not Node's TextDecoder: it decodes 'windows-1252' as Latin-1, turning curly quotes into control codes.
    return iconv.decode(Buffer.from(bytes), 'windows-1252');
  }
}


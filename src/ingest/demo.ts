import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Store } from '../store/index.ts';
import { importArticle, type ImportOutcome } from './importArticle.ts';
import { importPageFile } from './pageFile.ts';
import { draftFromWikinews, type WikinewsRecord } from './wikinews.ts';

/** The demo's Wikinews subset, shipped in the repo (see demo/NOTICE for its licence). */
export const DEMO_WIKINEWS_FILE = fileURLToPath(new URL('../../demo/wikinews.jsonl', import.meta.url));
/** The CRBC seed page, read in place from the shared folder beside the project (it is not ours to copy). */
export const SEED_PAGE_FILE = fileURLToPath(new URL('../../../shared/fixtures/crbc-security-article.txt', import.meta.url));

export interface DemoImportReport {
  counts: Record<ImportOutcome, number>;
  /** False when the seed page was not found beside the project; the Wikinews stories import regardless. */
  seedImported: boolean;
}

export interface DemoImportOptions {
  wikinewsFile?: string;
  seedFile?: string;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Imports the demo content through the same path as `newsdesk import`: the Wikinews stories (oldest first) and
 * then the seed page, so that the seed is the newest story and leads the home page. One transaction: a process
 * killed half-way leaves either the whole demo or none of it, and a restart imports it again.
 */
export async function importDemo(store: Store, options: DemoImportOptions = {}): Promise<DemoImportReport> {
  const records = readWikinews(options.wikinewsFile ?? DEMO_WIKINEWS_FILE);
  const seedFile = options.seedFile ?? SEED_PAGE_FILE;
  const seedImported = existsSync(seedFile);
  const total = records.length + (seedImported ? 1 : 0);
  const counts: Record<ImportOutcome, number> = { created: 0, updated: 0, unchanged: 0, duplicate: 0 };

  await store.transaction(async (tx) => {
    let done = 0;
    for (const record of records) {
      const { outcome } = await importArticle(tx, draftFromWikinews(record), { sourceKey: record.url });
      counts[outcome]++;
      options.onProgress?.(++done, total);
    }
    if (seedImported) {
      const { outcome } = await importPageFile(tx, seedFile);
      counts[outcome]++;
      options.onProgress?.(++done, total);
    }
  });
  return { counts, seedImported };
}

function readWikinews(file: string): WikinewsRecord[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as WikinewsRecord);
}

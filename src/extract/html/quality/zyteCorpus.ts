/**
 * The development split of the Zyte benchmark in ../shared/benchmarks/zyte-dev/: real article pages with a
 * human-checked body each. Read in place, never copied into the project (the pages are their publishers').
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/** The corpus sits beside the project: /work/main/src/extract/html/quality → /work/shared/benchmarks/zyte-dev. */
export const ZYTE_DEV_DIR = fileURLToPath(new URL('../../../../../shared/benchmarks/zyte-dev/', import.meta.url));

export interface ZytePage {
  id: string;
  /** The page's original address, so relative links resolve and site rules can see the host. */
  url: string;
  html: string;
  /** The human-checked body: plain text, one paragraph a line, headline left out. */
  truth: string;
}

interface GroundTruthEntry {
  articleBody?: string;
  url?: string;
}

const PAGE_SUFFIX = '.html.gz';

/** Every page of the split, in id order so runs compare page by page. */
export function loadZyteCorpus(dir: string = ZYTE_DEV_DIR): ZytePage[] {
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, GroundTruthEntry>;
  const ids = readdirSync(join(dir, 'html'))
    .filter((name) => name.endsWith(PAGE_SUFFIX))
    .map((name) => name.slice(0, -PAGE_SUFFIX.length))
    .sort();
  return ids.map((id) => {
    const entry = truth[id];
    if (!entry?.url) throw new Error(`${dir}: page ${id} has no ground truth`);
    const html = gunzipSync(readFileSync(join(dir, 'html', id + PAGE_SUFFIX))).toString('utf8');
    return { id, url: entry.url, html, truth: entry.articleBody ?? '' };
  });
}

/**
 * Rebuilds demo/wikinews.jsonl, the subset of ../shared/demo/wikinews/articles.jsonl that the demo site ships.
 * Run: npx tsx demo/select.ts. Deterministic: same input, same output.
 *
 * Why a subset: first start must take seconds, and a few hundred stories are enough for full section fronts.
 * Records keep the licence fields (url, license, licenseUrl, attribution) the content licence requires.
 */
import { readFileSync, writeFileSync } from 'node:fs';

interface WikinewsRecord {
  id: string;
  title: string;
  text: string;
  section: string | null;
  collection: string;
  publishedAt: string;
  imageCaption?: string | null;
}

/** Stories per section: World takes the 2019–2020 set, which has no Wikinews category yet. */
const QUOTA: Record<string, number> = { World: 130, Politics: 110, Business: 110 };
/** Very short items read as stubs and very long ones as documents; neither looks like a news story. */
const MIN_CHARS = 700;
const MAX_CHARS = 7000;

const source = new URL('../../shared/demo/wikinews/articles.jsonl', import.meta.url);
const records: WikinewsRecord[] = readFileSync(source, 'utf8').trim().split('\n').map((line) => JSON.parse(line));

const picked: WikinewsRecord[] = [];
for (const [section, quota] of Object.entries(QUOTA)) {
  const candidates = records
    .filter((r) => (r.section ?? 'World') === section)
    .filter((r) => r.imageCaption || (r.text.length >= MIN_CHARS && r.text.length <= MAX_CHARS))
    // Captioned stories first (they show a real figure), then newest first.
    .sort((a, b) => Number(Boolean(b.imageCaption)) - Number(Boolean(a.imageCaption)) || b.publishedAt.localeCompare(a.publishedAt));
  picked.push(...candidates.slice(0, quota));
}
picked.sort((a, b) => a.publishedAt.localeCompare(b.publishedAt) || a.id.localeCompare(b.id));
writeFileSync(new URL('./wikinews.jsonl', import.meta.url), picked.map((r) => JSON.stringify(r)).join('\n') + '\n');
console.log(`wrote ${picked.length} records to demo/wikinews.jsonl`);

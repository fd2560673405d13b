/**
 * Mozilla Readability's test pages (../shared/benchmarks/readability-pages/), read in place: our no-crash corpus
 * and the yardstick for metadata. Their expected metadata is Readability's own output, so it is scored here with
 * a few normalisations that let a cleaner answer count ("By Jane Doe\n March 25" vs "Jane Doe", "Headline | Site"
 * vs "Headline"); Readability on jsdom is scored by the same rules in the benchmark for comparison.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toIsoUtc } from './dates.ts';

export const READABILITY_PAGES_DIR = fileURLToPath(new URL('../../../../shared/benchmarks/readability-pages/', import.meta.url));

/** The document URL the upstream tests use; expected.html's absolute links are made against it. */
export const READABILITY_PAGE_URL = 'http://fakehost/test/page.html';

export interface ReadabilityPage {
  name: string;
  html: string;
  expected: ExpectedMetadata;
}

export interface ExpectedMetadata {
  title: string;
  byline: string | null;
  publishedTime: string | null;
  /** Absent (undefined) on pages whose <html> has no lang: the upstream tests skip the field there. */
  lang?: string | null;
}

/** Every page, in name order. */
export function loadReadabilityPages(dir: string = READABILITY_PAGES_DIR): ReadabilityPage[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({
      name,
      html: readFileSync(join(dir, name, 'source.html'), 'utf8'),
      expected: JSON.parse(readFileSync(join(dir, name, 'expected-metadata.json'), 'utf8')) as ExpectedMetadata,
    }));
}

/** What an extractor found on one page; null fields when it found nothing (or refused the page). */
export interface FoundMetadata {
  headline: string | null;
  byline: string | null;
  publishedAt: string | null;
  language: string | null;
}

export const METADATA_FIELDS = ['headline', 'byline', 'publishedAt', 'language'] as const;
export type MetadataField = (typeof METADATA_FIELDS)[number];

export interface MetadataAccuracy {
  /** Share of scored pages where the field matched, per field. */
  accuracy: Record<MetadataField, number>;
  /** How many pages each field was scored on (time and language only where the expected metadata has them). */
  scored: Record<MetadataField, number>;
  /** Names of the pages each field missed, for reading. */
  misses: Record<MetadataField, string[]>;
  /**
   * Pages where the field was found though the expected metadata has none: Readability reads fewer sources.
   * Not scored for time and language (as upstream); scored, as misses, for bylines.
   */
  beyond: Record<MetadataField, number>;
}

export function scoreMetadata(pages: readonly ReadabilityPage[], extract: (page: ReadabilityPage) => FoundMetadata): MetadataAccuracy {
  const hits = { headline: 0, byline: 0, publishedAt: 0, language: 0 };
  const scored = { headline: 0, byline: 0, publishedAt: 0, language: 0 };
  const misses: Record<MetadataField, string[]> = { headline: [], byline: [], publishedAt: [], language: [] };
  const beyond = { headline: 0, byline: 0, publishedAt: 0, language: 0 };
  for (const page of pages) {
    const found = extract(page);
    const checks: Array<[MetadataField, boolean | null]> = [
      ['headline', sameHeadline(page.expected.title, found.headline)],
      ['byline', sameByline(page.expected.byline, found.byline)],
      // As upstream: time and language are checked only where Readability found one (it reads fewer sources).
      ['publishedAt', page.expected.publishedTime ? toIsoUtc(page.expected.publishedTime) === toIsoUtc(found.publishedAt) : null],
      ['language', page.expected.lang ? sameLanguage(page.expected.lang, found.language) : null],
    ];
    if (!page.expected.byline && found.byline) beyond.byline++;
    if (!page.expected.publishedTime && found.publishedAt) beyond.publishedAt++;
    if (!page.expected.lang && found.language) beyond.language++;
    for (const [field, match] of checks) {
      if (match === null) continue;
      scored[field]++;
      if (match) hits[field]++;
      else misses[field].push(page.name);
    }
  }
  const accuracy = { headline: 0, byline: 0, publishedAt: 0, language: 0 };
  for (const field of METADATA_FIELDS) accuracy[field] = scored[field] === 0 ? 1 : hits[field] / scored[field];
  return { accuracy, scored, misses, beyond };
}

function collapse(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** Equal, or the expected title is ours plus the site's name after a separator ("… | eHow"), which we cut. */
function sameHeadline(expected: string, found: string | null): boolean {
  const title = collapse(expected);
  const headline = collapse(found);
  if (title === headline) return true;
  return headline !== '' && title.startsWith(headline) && /^ [|\-–—·•] /u.test(title.slice(headline.length));
}

/** Case and a leading "By" aside, the same names in any order and joined by ", " or " and ". */
const BY = /^(?:by|par|von|por)\s+/i;
function names(byline: string): string[] {
  return collapse(byline).toLowerCase().replace(BY, '').split(/\s*,\s*|\s+and\s+|\s*&\s*/).filter(Boolean).sort();
}

/** Equal names, or the expected byline box is ours followed by a date or role that we cut off. */
function sameByline(expected: string | null, found: string | null): boolean {
  if (!expected || !found) return !expected && !found;
  if (names(expected).join('|') === names(found).join('|')) return true;
  const box = collapse(expected).toLowerCase().replace(BY, '');
  const name = collapse(found).toLowerCase().replace(BY, '');
  return box.startsWith(name) && !/^[\p{L}\p{N}]/u.test(box.slice(name.length));
}

function sameLanguage(expected: string | null, found: string | null): boolean {
  const fold = (tag: string | null): string => (tag ?? '').trim().toLowerCase().replace(/_/g, '-');
  return fold(expected) === fold(found);
}

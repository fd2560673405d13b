/**
 * An editor's override of an enriched field, checked before it is stored and again when it is shown. Overrides
 * are kept as JSON (article_enrichments.overrides) and arrive from people and scripts, so their shape is never
 * taken on trust: `parseOverride` turns a value into the field's own type or says exactly what is wrong with it,
 * and `effectiveEnrichment` applies the overrides that still pass, ignoring (never showing) any that do not.
 */
import type {
  ArticleEnrichment,
  ArticleEntity,
  ArticleSummary,
  EnrichmentField,
  EntityType,
  ProposedSection,
  SummarySentence,
  TimelineFact,
} from './enrichment.ts';
import { ValidationError } from './errors.ts';
import { isSlug } from './slug.ts';

/** What each overridable field holds. `section` is a section slug: the article moves there. */
export interface EnrichmentOverrideValues {
  summary: ArticleSummary;
  sections: ProposedSection[];
  entities: ArticleEntity[];
  timeline: TimelineFact[];
  section: string;
}

export const ENRICHMENT_FIELDS: readonly EnrichmentField[] = ['summary', 'sections', 'entities', 'timeline', 'section'];

/** The short summary feeds cards and the meta description: the same limit the summariser keeps to. */
export const SHORT_SUMMARY_MAX_LENGTH = 300;

const ENTITY_TYPES: readonly EntityType[] = ['person', 'place', 'organization'];

export function isEnrichmentField(value: string): value is EnrichmentField {
  return (ENRICHMENT_FIELDS as readonly string[]).includes(value);
}

/**
 * `value` as the field's type, copied with only the keys the field has; a ValidationError naming the first
 * thing wrong ("entities[2].slug: …") otherwise.
 */
export function parseOverride<F extends EnrichmentField>(field: F, value: unknown): EnrichmentOverrideValues[F] {
  const parse = PARSERS[field] as (value: unknown, path: string) => EnrichmentOverrideValues[F];
  return parse(value, field);
}

/**
 * The enrichment as readers see it: every valid override in place of the computed value. A stored override
 * that no longer passes (written by hand, or by older code) is ignored, so the computed value shows instead.
 * `overrides` is kept as stored, for editors' tools.
 */
export function effectiveEnrichment(enrichment: ArticleEnrichment): ArticleEnrichment {
  const effective: ArticleEnrichment = { ...enrichment };
  const valid = <F extends EnrichmentField>(field: F): EnrichmentOverrideValues[F] | undefined => {
    if (enrichment.overrides[field] === undefined) return undefined;
    try {
      return parseOverride(field, enrichment.overrides[field]);
    } catch (error) {
      if (error instanceof ValidationError) return undefined;
      throw error;
    }
  };
  const summary = valid('summary');
  if (summary) effective.summary = summary;
  const sections = valid('sections');
  if (sections) effective.sections = sections;
  const entities = valid('entities');
  if (entities) effective.entities = entities;
  const timeline = valid('timeline');
  if (timeline) effective.timeline = timeline;
  const section = valid('section');
  if (section) {
    // An editor's choice is not a guess: it has no confidence to report.
    effective.suggestedSection = section;
    effective.sectionConfidence = null;
  }
  return effective;
}

type Parser<T> = (value: unknown, path: string) => T;

const PARSERS: { [F in EnrichmentField]: Parser<EnrichmentOverrideValues[F]> } = {
  summary: parseSummary,
  sections: parseSections,
  entities: parseEntities,
  timeline: parseTimeline,
  section: (value, path) => slug(value, path),
};

function parseSummary(value: unknown, path: string): ArticleSummary {
  const summary = record(value, path);
  const short = text(summary['short'], `${path}.short`);
  if (short.length > SHORT_SUMMARY_MAX_LENGTH) {
    fail(`${path}.short`, `must be at most ${SHORT_SUMMARY_MAX_LENGTH} characters (it has ${short.length})`);
  }
  // No sentences is allowed: the editor keeps the short form for cards and hides the summary box.
  const sentences = list(summary['sentences'], `${path}.sentences`, (item, at): SummarySentence => {
    const sentence = record(item, at);
    return {
      text: text(sentence['text'], `${at}.text`),
      ...span(sentence, at),
      trimmed: boolean(sentence['trimmed'], `${at}.trimmed`),
    };
  });
  return { sentences, short };
}

function parseSections(value: unknown, path: string): ProposedSection[] {
  const sections = list(value, path, (item, at): ProposedSection => {
    const section = record(item, at);
    const title = section['title'] === null ? null : text(section['title'], `${at}.title`);
    const paragraphs = list(section['paragraphs'], `${at}.paragraphs`, (index, p) => wholeNumber(index, p));
    if (paragraphs.length === 0) fail(`${at}.paragraphs`, 'must list at least one paragraph');
    return { title, paragraphs };
  });
  // The body is cut, not rearranged: sections take the paragraphs in reading order, each exactly once, from
  // the first. (That they reach the last is checked against the article where it is shown.)
  sections.flatMap((section) => section.paragraphs).forEach((index, expected) => {
    if (index !== expected) {
      fail(path, `must take paragraphs 0, 1, 2, … in order, each once (found ${index} where ${expected} belongs)`);
    }
  });
  return sections;
}

function parseEntities(value: unknown, path: string): ArticleEntity[] {
  const entities = list(value, path, (item, at): ArticleEntity => {
    const entity = record(item, at);
    const type = entity['type'];
    if (typeof type !== 'string' || !(ENTITY_TYPES as readonly string[]).includes(type)) {
      fail(`${at}.type`, `must be one of ${ENTITY_TYPES.join(', ')}`);
    }
    return {
      slug: slug(entity['slug'], `${at}.slug`),
      name: text(entity['name'], `${at}.name`),
      type: type as EntityType,
      aliases: list(entity['aliases'] ?? [], `${at}.aliases`, (alias, a) => text(alias, a)),
      mentions: wholeNumber(entity['mentions'] ?? 1, `${at}.mentions`),
    };
  });
  // Each entity is one row of the topic index: the same slug twice would be two claims about one topic.
  const seen = new Set<string>();
  entities.forEach((entity, i) => {
    if (seen.has(entity.slug)) fail(`${path}[${i}].slug`, `"${entity.slug}" is listed twice`);
    seen.add(entity.slug);
  });
  return entities;
}

/** "2003", "2020-01", "2021-12-31", or an interval of two of them: "2003/2011". */
const TIMELINE_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function parseTimeline(value: unknown, path: string): TimelineFact[] {
  return list(value, path, (item, at): TimelineFact => {
    const fact = record(item, at);
    const date = text(fact['date'], `${at}.date`);
    const ends = date.split('/');
    if (ends.length > 2) fail(`${at}.date`, `"${date}" is not a date or an interval of two`);
    const precisions = ends.map((end) => datePrecision(end, `${at}.date`));
    const precision = fact['precision'] ?? precisions[0];
    if (precision !== precisions[0]) fail(`${at}.precision`, `must be "${precisions[0]}", the precision of "${ends[0]}"`);
    const sentence = record(fact['sentence'], `${at}.sentence`);
    return {
      date,
      precision: precisions[0]!,
      label: text(fact['label'], `${at}.label`),
      figures: list(fact['figures'] ?? [], `${at}.figures`, (figure, f) => text(figure, f)),
      sentence: { text: text(sentence['text'], `${at}.sentence.text`), ...span(sentence, `${at}.sentence`) },
    };
  });
}

function datePrecision(date: string, path: string): TimelineFact['precision'] {
  const match = TIMELINE_DATE.exec(date);
  if (!match) fail(path, `"${date}" is not a date like 2003, 2020-01 or 2021-12-31`);
  const [, year, month, day] = match;
  if (month === undefined) return 'year';
  if (Number(month) < 1 || Number(month) > 12) fail(path, `"${date}" has no month ${month}`);
  if (day === undefined) return 'month';
  const daysInMonth = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  if (Number(day) < 1 || Number(day) > daysInMonth) fail(path, `"${date}" has no day ${day}`);
  return 'day';
}

/** Where a sentence stands: a paragraph index (as p-N on the page) and a character span in it. */
function span(value: Record<string, unknown>, path: string): { paragraph: number; start: number; end: number } {
  const paragraph = wholeNumber(value['paragraph'], `${path}.paragraph`);
  const start = wholeNumber(value['start'], `${path}.start`);
  const end = wholeNumber(value['end'], `${path}.end`);
  if (end < start) fail(`${path}.end`, `must not be before start (${start})`);
  return { paragraph, start, end };
}

function fail(path: string, problem: string): never {
  throw new ValidationError(`${path}: ${problem}`);
}

function record(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'must be an object');
  return value as Record<string, unknown>;
}

function list<T>(value: unknown, path: string, item: (value: unknown, path: string) => T): T[] {
  if (!Array.isArray(value)) fail(path, 'must be a list');
  return value.map((element, i) => item(element, `${path}[${i}]`));
}

/** Text a reader will see: a string with something in it besides spaces. */
function text(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.trim() === '') fail(path, 'must be non-empty text');
  return value;
}

function boolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') fail(path, 'must be true or false');
  return value;
}

function wholeNumber(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) fail(path, 'must be a whole number ≥ 0');
  return value;
}

function slug(value: unknown, path: string): string {
  if (typeof value !== 'string' || !isSlug(value)) {
    fail(path, `must be a slug: lower-case letters, digits and single hyphens (got ${JSON.stringify(value)})`);
  }
  return value;
}

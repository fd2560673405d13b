import type { RelatedLink } from './related.ts';

/**
 * What enrichment adds to an article, as stored: derived from the article's own text, recomputed when the
 * enrichment code changes (`version`), and overridable by an editor field by field (an override survives
 * re-enrichment).
 */

/** A summary sentence and where it stands: `paragraph` indexes the article's paragraphs in reading order. */
export interface SummarySentence {
  text: string;
  paragraph: number;
  start: number;
  end: number;
  /** text === paragraphs[paragraph].slice(start, end) unless trimmed; then that span with parentheticals cut. */
  trimmed: boolean;
}

export interface ArticleSummary {
  sentences: SummarySentence[];
  /** At most 300 characters, for cards and the meta description. */
  short: string;
}

export type EntityType = 'person' | 'place' | 'organization';

export interface ArticleEntity {
  /** Stable across articles: the topic page is /topic/<slug>. */
  slug: string;
  name: string;
  type: EntityType;
  aliases: string[];
  mentions: number;
}

export interface TimelineFact {
  /** ISO, as precise as the text: '2003', '2020-01', '2021-12-31'; an interval '2003/2011' for a span. */
  date: string;
  precision: 'year' | 'month' | 'day';
  /** A short phrase of the sentence's own words ("full withdrawal", "end of its combat mission"). */
  label: string;
  /** Numbers with what they count, as written ("170,000 US troops", "5,000"). */
  figures: string[];
  /** The source sentence: paragraphs[paragraph].slice(start, end) === text. */
  sentence: { text: string; paragraph: number; start: number; end: number };
}

/** A proposed cut of an untitled body: contiguous paragraph indexes under a title of their own words. */
export interface ProposedSection {
  title: string | null;
  paragraphs: number[];
}

/** Fields an editor may override; an override replaces the computed value wherever it is shown. */
export type EnrichmentField = 'summary' | 'sections' | 'entities' | 'timeline' | 'section';

export interface ArticleEnrichment {
  articleId: number;
  /** Version of the enrichment code that computed it; `reindex --enrich` recomputes older ones. */
  version: number;
  enrichedAt: string;
  summary: ArticleSummary | null;
  /** Null when the article came with titled sections of its own (they are kept). */
  sections: ProposedSection[] | null;
  entities: ArticleEntity[];
  timeline: TimelineFact[];
  /** The classifier's section (slug) and its confidence; a feed's or an editor's choice wins over it. */
  suggestedSection: string | null;
  sectionConfidence: number | null;
  /** 64-bit SimHash of the text, hex: near-duplicates differ in few bits. */
  simhash: string | null;
  storyId: string | null;
  /** The article this one is a near-duplicate of (a syndicated copy), if any. */
  nearDuplicateOf: number | null;
  /** Related articles, best first, as ranked when the article was placed in its story (read, never written, here). */
  related?: RelatedLink[];
  overrides: Partial<Record<EnrichmentField, unknown>>;
}

import { Type, type Static } from '@fastify/type-provider-typebox';
import { effectiveEnrichment, ValidationError, type Article, type ArticleEnrichment, type HeroImage } from '../../domain/index.ts';
import type { ArticleContent } from '../commands/index.ts';
import { bodyToMarkdown, markdownToBody, MAX_BODY_MARKDOWN_CHARS } from '../markdown/index.ts';

/**
 * The editor's form and the article content it stands for, both ways. The form holds text only (the body as
 * Markdown); what the form cannot change (the hero's file, the source's licence) is kept from the article.
 */

const Text = (maxLength: number) => Type.Optional(Type.String({ maxLength }));

/** Limits a little above the commands' own, so the commands (not the schema) say what is too long, in words. */
export const EditorBody = Type.Object({
  _csrf: Text(200),
  headline: Text(1_000),
  dek: Text(2_000),
  section: Text(200),
  byline: Text(1_000),
  summary: Text(10_000),
  /** The automatic summary the form was filled with: sent back unchanged, the article keeps no summary of its own. */
  summaryPrefill: Text(10_000),
  lede: Text(20_000),
  body: Text(MAX_BODY_MARKDOWN_CHARS * 2),
  heroAlt: Text(1_000),
  heroCaption: Text(4_000),
  heroCredit: Text(1_000),
  sourceName: Text(1_000),
  sourceUrl: Text(4_000),
  baseRevisionId: Text(20),
});

export type EditorFields = Required<Omit<Static<typeof EditorBody>, '_csrf'>>;

export const EMPTY_FIELDS: EditorFields = {
  headline: '',
  dek: '',
  section: '',
  byline: '',
  summary: '',
  summaryPrefill: '',
  lede: '',
  body: '',
  heroAlt: '',
  heroCaption: '',
  heroCredit: '',
  sourceName: '',
  sourceUrl: '',
  baseRevisionId: '',
};

/** What was typed, every field present (a missing one is empty). */
export function typedFields(body: Static<typeof EditorBody>): EditorFields {
  const { _csrf: _token, ...given } = body;
  return { ...EMPTY_FIELDS, ...given };
}

/** The text of the automatic summary, as the editor offers it to be kept or rewritten. */
export function automaticSummaryText(enrichment: ArticleEnrichment | undefined): string {
  const summary = enrichment ? effectiveEnrichment(enrichment).summary : null;
  if (!summary) return '';
  return summary.sentences.length > 0 ? summary.sentences.map((sentence) => sentence.text).join(' ') : summary.short;
}

/** The form as the editor opens it on the stored article. */
export function fieldsOf(article: Pick<Article, keyof ArticleContent | 'revisionId'>, automaticSummary: string): EditorFields {
  const prefill = article.summary === null ? automaticSummary : '';
  return {
    headline: article.headline,
    dek: article.dek ?? '',
    section: article.section,
    byline: article.byline ?? '',
    summary: article.summary ?? prefill,
    summaryPrefill: prefill,
    lede: article.lede ?? '',
    body: bodyToMarkdown(article.body),
    heroAlt: article.hero?.alt ?? '',
    heroCaption: article.hero?.caption ?? '',
    heroCredit: article.hero?.credit ?? '',
    sourceName: article.source?.name ?? '',
    sourceUrl: article.source?.url ?? '',
    baseRevisionId: article.revisionId === null ? '' : String(article.revisionId),
  };
}

export interface FormContent {
  content: ArticleContent;
  /** What the Markdown said that the body does not keep (formatting, links), in an editor's words. */
  notes: string[];
}

const same = (a: string, b: string) => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();

/**
 * The content the form describes. `existing` is the stored article (null for a new one): its hero file and its
 * source's licence stay. Throws ValidationError for Markdown the body cannot hold, naming the line.
 */
export function contentOf(fields: EditorFields, existing: Pick<Article, 'hero' | 'source'> | null): FormContent {
  const { body, notes } = markdownToBody(fields.body);
  const summaryKept = fields.summaryPrefill !== '' && same(fields.summary, fields.summaryPrefill);
  const source = fields.sourceName.trim()
    ? {
        name: fields.sourceName,
        url: fields.sourceUrl.trim() || null,
        attribution: existing?.source?.attribution ?? null,
        licenseName: existing?.source?.licenseName ?? null,
        licenseUrl: existing?.source?.licenseUrl ?? null,
      }
    : null;
  return {
    content: {
      headline: fields.headline,
      dek: fields.dek || null,
      section: fields.section,
      byline: fields.byline || null,
      summary: summaryKept ? null : fields.summary || null,
      lede: fields.lede || null,
      body,
      hero: heroOf(fields, existing?.hero ?? null),
      source,
    },
    notes,
  };
}

/** The photo's words from the form, on the photo already attached (its file is uploaded elsewhere). */
function heroOf(fields: EditorFields, hero: HeroImage | null): HeroImage | null {
  const words = { alt: fields.heroAlt, caption: fields.heroCaption || null, credit: fields.heroCredit || null };
  if (hero) return { url: hero.url, ...words };
  // Without a photo, words alone describe one to come (the site draws a placeholder under its caption).
  return fields.heroAlt.trim() || fields.heroCaption.trim() || fields.heroCredit.trim() ? { url: null, ...words } : null;
}

/** The revision the editor started from, as the form carries it. */
export function baseRevisionOf(fields: EditorFields): number | null {
  if (fields.baseRevisionId === '') return null;
  const id = Number(fields.baseRevisionId);
  if (!Number.isSafeInteger(id) || id <= 0) throw new ValidationError('The form names no revision it started from; reload the editor.');
  return id;
}

import type { Insertable, Selectable } from 'kysely';
import {
  slugify,
  ValidationError,
  type Article,
  type ArticleCard,
  type ArticleLink,
  type ArticleProvenance,
  type ArticleSource,
  type BodyBlock,
  type BodySection,
  type HeroImage,
  type PublishedArticle,
  type WorkflowState,
} from '../domain/index.ts';
import type { NewArticle } from './repository.ts';
import type { ArticleTable } from './schema.ts';

/** Translation between article rows and domain articles, in both directions; no queries here. */

export const ARTICLE_COLUMNS = [
  'id', 'slug', 'section', 'headline', 'dek', 'summary', 'lede', 'body',
  'hero_url', 'hero_alt', 'hero_caption', 'hero_credit', 'byline',
  'source_name', 'source_url', 'source_attribution', 'source_license_name', 'source_license_url',
  'source_key', 'content_hash', 'status', 'workflow_state', 'published_at', 'created_at', 'updated_at',
  'canonical_url', 'fetched_at', 'feed_id', 'source_modified_at', 'owner_id', 'revision_id', 'scheduled_at',
] as const satisfies readonly (keyof ArticleTable)[];

/** What a card needs: no body, byline or source, which are most of a row's bytes. */
export const CARD_COLUMNS = [
  'id', 'slug', 'section', 'headline', 'dek', 'summary', 'lede',
  'hero_url', 'hero_alt', 'hero_caption', 'hero_credit', 'published_at', 'updated_at',
] as const satisfies readonly (keyof ArticleTable)[];

/** What a headline link needs: every column less is a string fewer to copy out of SQLite per row. */
export const LINK_COLUMNS = ['id', 'slug', 'section', 'headline', 'published_at'] as const satisfies readonly (keyof ArticleTable)[];

export type ArticleRow = Pick<Selectable<ArticleTable>, (typeof ARTICLE_COLUMNS)[number]>;
export type CardRow = Pick<ArticleRow, (typeof CARD_COLUMNS)[number]>;
export type LinkRow = Pick<ArticleRow, (typeof LINK_COLUMNS)[number]>;

/** Writes every time as `2024-05-01T10:00:00.000Z`, so comparing the text compares the instants. */
export function toUtcIso(value: string, field: string): string {
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) throw new ValidationError(`${field} is not a valid time: "${value}"`);
  return time.toISOString();
}

/** The columns an insert or update writes; `slug`, `source_key` and `created_at` only on insert. */
export function contentColumns(
  article: Omit<NewArticle, 'slug' | 'sourceKey' | 'createdAt'>,
): Omit<Insertable<ArticleTable>, 'id' | 'slug' | 'source_key' | 'created_at'> {
  if (article.status === 'published' && article.publishedAt === null) {
    throw new ValidationError(`A published article needs a publishedAt time ("${article.headline}")`);
  }
  return {
    section: article.section,
    headline: article.headline,
    dek: article.dek,
    summary: article.summary,
    lede: article.lede,
    body: JSON.stringify(article.body.map((s) => ({ title: s.title, blocks: s.blocks }))),
    hero_url: article.hero?.url ?? null,
    hero_alt: article.hero?.alt ?? null,
    hero_caption: article.hero?.caption ?? null,
    hero_credit: article.hero?.credit ?? null,
    byline: article.byline,
    byline_slug: creditSlug(article.byline),
    source_name: article.source?.name ?? null,
    source_slug: creditSlug(article.source?.name ?? null),
    source_url: article.source?.url ?? null,
    source_attribution: article.source?.attribution ?? null,
    source_license_name: article.source?.licenseName ?? null,
    source_license_url: article.source?.licenseUrl ?? null,
    content_hash: article.contentHash,
    status: article.status,
    workflow_state: workflowStateFor(article),
    published_at: article.publishedAt === null ? null : toUtcIso(article.publishedAt, 'publishedAt'),
    updated_at: toUtcIso(article.updatedAt, 'updatedAt'),
    // Left out when undefined, so an edit that does not mention them keeps what is stored.
    ...(article.provenance === undefined ? {} : provenanceColumns(article.provenance)),
    ...(article.storyHash === undefined ? {} : { story_hash: article.storyHash }),
    ...(article.extraction === undefined ? {} : { extraction: article.extraction }),
    ...(article.ownerId === undefined ? {} : { owner_id: article.ownerId }),
  };
}

/**
 * The workflow state written with content: the status decides whether it is on the site (an edit that spreads
 * an article and changes its status moves it), and a hidden article keeps the reason it is hidden.
 */
function workflowStateFor({ status, workflowState }: Pick<NewArticle, 'status' | 'workflowState'>): WorkflowState {
  if (status === 'published') return 'published';
  return workflowState === undefined || workflowState === 'published' ? 'draft' : workflowState;
}

/** What /author/<slug> and /source/<slug> find a name by; null when the name has nothing to slug. */
export function creditSlug(name: string | null): string | null {
  return name === null ? null : slugify(name) || null;
}

function provenanceColumns(provenance: ArticleProvenance | null) {
  return {
    canonical_url: provenance?.canonicalUrl ?? null,
    fetched_at: provenance ? toUtcIso(provenance.fetchedAt, 'fetchedAt') : null,
    feed_id: provenance?.feedId ?? null,
    source_modified_at:
      provenance?.sourceModifiedAt ? toUtcIso(provenance.sourceModifiedAt, 'sourceModifiedAt') : null,
  };
}

export function articleFromRow(row: ArticleRow): Article {
  const stored = {
    id: row.id,
    slug: row.slug,
    section: row.section,
    headline: row.headline,
    dek: row.dek,
    summary: row.summary,
    lede: row.lede,
    body: bodyFromJson(row.id, row.body),
    hero: heroFromRow(row),
    byline: row.byline,
    source: sourceFromRow(row),
    sourceKey: row.source_key,
    contentHash: row.content_hash,
    provenance: provenanceFromRow(row),
    ownerId: row.owner_id,
    revisionId: row.revision_id,
    scheduledAt: row.scheduled_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  if (row.status === 'draft') {
    const workflowState = row.workflow_state === 'published' ? 'draft' : row.workflow_state;
    return { ...stored, status: 'draft', workflowState, publishedAt: row.published_at };
  }
  return { ...stored, status: 'published', workflowState: 'published', publishedAt: requirePublishedAt(row) };
}

/** A row selected with `status = 'published'`. */
export function publishedFromRow(row: ArticleRow): PublishedArticle {
  const article = articleFromRow(row);
  if (article.status !== 'published') throw new Error(`Article ${row.id} was selected as published but is a draft`);
  return article;
}

export function cardFromRow(row: CardRow): ArticleCard {
  return {
    id: row.id,
    slug: row.slug,
    section: row.section,
    headline: row.headline,
    dek: row.dek,
    summary: row.summary,
    lede: row.lede,
    hero: heroFromRow(row),
    publishedAt: requirePublishedAt(row),
    updatedAt: row.updated_at,
  };
}

export function linkFromRow(row: LinkRow): ArticleLink {
  return { id: row.id, slug: row.slug, section: row.section, headline: row.headline, publishedAt: requirePublishedAt(row) };
}

/** The schema forbids this; a row that breaks it was written around the store and must not reach a reader. */
function requirePublishedAt(row: Pick<ArticleRow, 'id' | 'published_at'>): string {
  if (row.published_at === null) throw new Error(`Article ${row.id} is published but has no published_at`);
  return row.published_at;
}

function heroFromRow(row: Pick<ArticleRow, 'hero_url' | 'hero_alt' | 'hero_caption' | 'hero_credit'>): HeroImage | null {
  if (row.hero_alt === null) return null;
  return { url: row.hero_url, alt: row.hero_alt, caption: row.hero_caption, credit: row.hero_credit };
}

function provenanceFromRow(row: ArticleRow): ArticleProvenance | null {
  if (row.canonical_url === null || row.fetched_at === null) return null;
  return {
    canonicalUrl: row.canonical_url,
    fetchedAt: row.fetched_at,
    feedId: row.feed_id,
    sourceModifiedAt: row.source_modified_at,
  };
}

function sourceFromRow(row: ArticleRow): ArticleSource | null {
  if (row.source_name === null) return null;
  return {
    name: row.source_name,
    url: row.source_url,
    attribution: row.source_attribution,
    licenseName: row.source_license_name,
    licenseUrl: row.source_license_url,
  };
}

function bodyFromJson(id: number, json: string): BodySection[] {
  const body: unknown = JSON.parse(json);
  if (!Array.isArray(body) || !body.every(isBodySection)) throw new Error(`Article ${id} has a malformed body`);
  return body;
}

function isBodySection(value: unknown): value is BodySection {
  if (typeof value !== 'object' || value === null) return false;
  const { title, blocks } = value as Record<string, unknown>;
  return (title === null || typeof title === 'string') && Array.isArray(blocks) && blocks.every(isBodyBlock);
}

/** Checks the shape the site relies on when it renders a block; a bad row fails loudly, not half-drawn. */
function isBodyBlock(value: unknown): value is BodyBlock {
  if (typeof value !== 'object' || value === null) return false;
  const block = value as Record<string, unknown>;
  switch (block.type) {
    case 'paragraph':
    case 'subheading':
      return typeof block.text === 'string';
    case 'list':
      return typeof block.ordered === 'boolean' && Array.isArray(block.items) && block.items.every((i) => typeof i === 'string');
    case 'quote':
      return typeof block.text === 'string' && (block.cite === null || typeof block.cite === 'string');
    case 'figure': {
      const image = block.image as Record<string, unknown> | null | undefined;
      return typeof image === 'object' && image !== null && typeof image.alt === 'string';
    }
    default:
      return false;
  }
}

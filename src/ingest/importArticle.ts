import {
  contentHash,
  FALLBACK_SECTION,
  publishBlockers,
  slugBase,
  uniqueSlug,
  ValidationError,
  type Article,
  type ArticleDraft,
  type ArticleProvenance,
  type ArticleStatus,
  type PublishRules,
} from '../domain/index.ts';
import type { Repositories } from '../store/index.ts';
import { articleText } from '../enrich/articleText.ts';
import { classifySection } from '../enrich/classify/index.ts';
import { storyHash } from './pages/storyHash.ts';
import { enrichStoredArticle } from '../newsroom/index.ts';
import { findCopyOf } from './stories/findCopy.ts';

/** `duplicate`: the same story is already stored under another address; nothing was written. */
export type ImportOutcome = 'created' | 'updated' | 'unchanged' | 'duplicate';

export interface ImportOptions {
  /** Identity of the origin (canonical URL, file path, demo record URL): a re-import finds the article by it. */
  sourceKey: string;
  /** Status of a newly created article; an existing article keeps its status. */
  status?: ArticleStatus;
  now?: Date;
  /** Where a fetched page came from; its canonical URL also finds the article on a later ingest. */
  provenance?: ArticleProvenance;
  /** JSON of the extractor's whole result, stored beside the article. */
  extraction?: string;
  /**
   * Treat a new key whose headline and text match a stored story as that story (web ingest: syndicated
   * copies, links without their canonical tag). Off for files and the demo, where the key is the identity.
   */
  dedupeByStory?: boolean;
  /** Enrich a created or changed article in the same transaction (default true). */
  enrich?: boolean;
  /** What an article needs before it may go on the site (default: DEFAULT_PUBLISH_RULES). */
  publishRules?: PublishRules;
}

export interface ImportResult {
  article: Article;
  outcome: ImportOutcome;
  /**
   * Why the article is not on the site though the import asked to publish it (see publishBlockers): a new one
   * is stored as a draft; an edit that would leave a published article without a body is not applied.
   */
  heldBack?: string[];
}

/** The stored article a web draft copies (same text under another address), found by its fingerprint. */
async function findCopy(store: Repositories, draft: ArticleDraft): Promise<Article | undefined> {
  const original = await findCopyOf(store, draft);
  return original === null ? undefined : store.articles.findById(original);
}

/** One article, other sources listed: the copy's address and source are kept on the article it copies. */
async function recordCopy(store: Repositories, original: Article, draft: ArticleDraft, options: ImportOptions, now: string): Promise<void> {
  const url = options.provenance?.canonicalUrl ?? options.sourceKey;
  if (url === original.provenance?.canonicalUrl || url === original.sourceKey) return;
  await store.stories.addCopy(original.id, { url, sourceName: draft.source?.name ?? null, headline: draft.headline.trim(), seenAt: now });
}

/**
 * The section an import files its article under. An editor's section override wins (a re-import never moves the
 * article back); then the draft's own label; an article already stored stays where it is; a new one without a
 * label goes where the classifier puts it among the site's sections as stored (the editor's list, not the demo's).
 */
async function sectionNameFor(store: Repositories, draft: ArticleDraft, existing: Article | undefined): Promise<string> {
  const stored = async (slug: string) => (await store.sections.find(slug))?.name;
  if (existing) {
    const override = (await store.enrichments.find(existing.id))?.overrides.section;
    const overridden = typeof override === 'string' ? await stored(override) : undefined;
    if (overridden) return overridden;
  }
  if (draft.sectionName) return draft.sectionName;
  const current = existing && (await stored(existing.section));
  if (current) return current;
  const sections = await store.sections.list();
  if (sections.length === 0) return FALLBACK_SECTION;
  const { headline, paragraphs } = articleText(draft);
  return classifySection({ headline, text: paragraphs.join('\n\n') }, { sections: sections.map((s) => s.name) }).section;
}

/**
 * The one path by which content enters the store (CLI imports, the demo, feeds). Idempotent: the same draft
 * under the same key changes nothing; an edited draft updates the article in place, keeping its id and slug
 * so that its URL keeps working, moving updatedAt and keeping the old version as a revision.
 */
export async function importArticle(store: Repositories, draft: ArticleDraft, options: ImportOptions): Promise<ImportResult> {
  const headline = draft.headline.trim();
  if (!headline) throw new ValidationError('an article needs a headline');
  const now = (options.now ?? new Date()).toISOString();
  const hash = contentHash(draft);

  const story = storyHash(draft);

  const existing =
    (await store.articles.findBySourceKey(options.sourceKey)) ??
    (options.provenance && (await store.articles.findByCanonicalUrl(options.provenance.canonicalUrl)));
  if (existing && existing.contentHash === hash) return { article: existing, outcome: 'unchanged' };
  if (!existing && options.dedupeByStory) {
    const same = (await store.articles.findByStoryHash(story)) ?? (await findCopy(store, draft));
    if (same) {
      await recordCopy(store, same, draft, options, now);
      return { article: same, outcome: 'duplicate' };
    }
  }

  const section = await store.sections.ensure(await sectionNameFor(store, draft, existing));
  const content = {
    section: section.slug,
    headline,
    dek: draft.dek,
    summary: draft.summary,
    lede: draft.lede,
    body: draft.body,
    hero: draft.hero,
    byline: draft.byline,
    source: draft.source,
    contentHash: hash,
    storyHash: story,
    updatedAt: now,
    ...(options.provenance && { provenance: options.provenance }),
    ...(options.extraction !== undefined && { extraction: options.extraction }),
  };

  const blockers = publishBlockers(draft, options.publishRules);
  if (existing?.status === 'published' && blockers.length > 0) {
    // The version on the site stays: an edit that empties it (a botched feed update) needs an editor.
    return { article: existing, outcome: 'unchanged', heldBack: blockers };
  }

  if (existing) {
    if (existing.section !== section.slug) {
      const taken = await store.articles.slugsLike(section.slug, existing.slug);
      if (taken.has(existing.slug)) {
        throw new ValidationError(
          `cannot move "${existing.slug}" to section ${section.name}: an article there already has that slug`,
        );
      }
    }
    const article = await store.articles.update(existing.id, {
      ...content,
      status: existing.status,
      workflowState: existing.workflowState,
      publishedAt: draft.publishedAt ?? existing.publishedAt,
    });
    if (options.enrich ?? true) await saveEnrichment(store, article);
    return { article, outcome: 'updated' };
  }

  const heldBack = (options.status ?? 'published') === 'published' && blockers.length > 0;
  const status = heldBack ? 'draft' : (options.status ?? 'published');
  const base = slugBase(headline) || 'article';
  const slug = uniqueSlug(base, await store.articles.slugsLike(section.slug, base));
  const article = await store.articles.insert({
    ...content,
    slug,
    sourceKey: options.sourceKey,
    status,
    publishedAt: draft.publishedAt ?? (status === 'published' ? now : null),
    createdAt: now,
  });
  if (options.enrich ?? true) await saveEnrichment(store, article);
  return { article, outcome: 'created', ...(heldBack && { heldBack: blockers }) };
}

/** Enrichment is derived from the stored article, so it matches what readers see; then it joins a story. */
async function saveEnrichment(store: Repositories, article: Article): Promise<void> {
  await enrichStoredArticle(store, article);
}

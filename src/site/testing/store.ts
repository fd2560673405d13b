import { contentHash, paragraphSection, slugify, type Article, type ArticleDraft, type ArticleStatus } from '../../domain/index.ts';
import { openStore, type Store } from '../../store/index.ts';
import { SEED_DRAFT } from './seedArticle.ts';

/** A fresh in-memory SQLite store, migrated: what route tests serve from. */
export function memoryStore(): Promise<Store> {
  return openStore({ databaseUrl: null, sqliteFile: ':memory:' });
}

export interface InsertOptions {
  status?: ArticleStatus;
  publishedAt?: string;
  slug?: string;
}

/** Stores a draft the way an import would: section ensured, slug from the headline, times from publishedAt. */
export async function insertArticle(store: Store, draft: ArticleDraft, options: InsertOptions = {}): Promise<Article> {
  const section = await store.sections.ensure(draft.sectionName ?? 'World');
  const publishedAt = options.publishedAt ?? draft.publishedAt ?? '2026-01-18T09:30:00.000Z';
  const { sectionName: _sectionName, publishedAt: _publishedAt, ...content } = draft;
  const slug = options.slug ?? slugify(draft.headline);
  return store.articles.insert({
    ...content,
    slug,
    section: section.slug,
    sourceKey: `test:${section.slug}/${slug}`,
    contentHash: contentHash(draft),
    status: options.status ?? 'published',
    publishedAt: options.status === 'draft' ? null : publishedAt,
    createdAt: publishedAt,
    updatedAt: publishedAt,
  });
}

/** A short story for filling lists: numbered headline, one paragraph, no photo. */
export function storyDraft(headline: string, sectionName: string): ArticleDraft {
  return {
    ...SEED_DRAFT,
    headline,
    sectionName,
    summary: `Summary of ${headline}.`,
    lede: `Lede of ${headline}.`,
    body: [paragraphSection(null, [`Body of ${headline}.`])],
    hero: null,
  };
}

/** ISO time `minutes` after a fixed start, so list order is known. */
export function minutesAfterStart(minutes: number): string {
  return new Date(Date.UTC(2026, 0, 1) + minutes * 60_000).toISOString();
}

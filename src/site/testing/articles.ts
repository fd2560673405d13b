import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  contentHash,
  sectionFromName,
  slugify,
  type ArticleCard,
  type ArticleLink,
  type ArticleDraft,
  type PublishedArticle,
} from '../../domain/index.ts';

/** A stored, published article made from a draft, for view tests that need no database. */
export function publishedFromDraft(draft: ArticleDraft, overrides: Partial<PublishedArticle> = {}): PublishedArticle {
  const publishedAt = draft.publishedAt ?? '2026-01-18T09:30:00.000Z';
  const { sectionName, ...content } = draft;
  return {
    ...content,
    id: 1,
    slug: slugify(draft.headline),
    section: sectionFromName(sectionName ?? 'World').slug,
    sourceKey: `test:${slugify(draft.headline)}`,
    contentHash: contentHash(draft),
    provenance: null,
    ownerId: null,
    revisionId: null,
    scheduledAt: null,
    status: 'published',
    workflowState: 'published',
    publishedAt,
    createdAt: publishedAt,
    updatedAt: publishedAt,
    ...overrides,
  };
}

export function cardOf(article: PublishedArticle): ArticleCard {
  const { id, slug, section, headline, dek, summary, lede, hero, publishedAt, updatedAt } = article;
  return { id, slug, section, headline, dek, summary, lede, hero, publishedAt, updatedAt };
}

export function linkOf(article: PublishedArticle): ArticleLink {
  const { id, slug, section, headline, publishedAt } = article;
  return { id, slug, section, headline, publishedAt };
}

/** The project's official check of an article page, kept beside the shared fixtures (outside this repo). */
const ANATOMY_CHECKER = fileURLToPath(new URL('../../../../shared/checks/article-anatomy.py', import.meta.url));

export const anatomyCheckerAvailable = existsSync(ANATOMY_CHECKER);

/** Runs the checker on a page; `ok` is its exit status, `report` what it printed ("anatomy 14/14" last). */
export function checkAnatomy(html: string): { ok: boolean; report: string } {
  const run = spawnSync('python3', [ANATOMY_CHECKER], { input: html, encoding: 'utf8' });
  return { ok: run.status === 0, report: `${run.stdout}${run.stderr}`.trim() };
}

import {
  actorLabel,
  actorUserId,
  NotFoundError,
  publishBlockers,
  slugBase,
  StaleRevisionError,
  uniqueSlug,
  ValidationError,
  type Article,
  type RevisionStamp,
} from '../../domain/index.ts';
import { enrichStoredArticle } from '../placement/enrichStored.ts';
import { authorize } from '../policy.ts';
import { checkedContent, hashFor, type ArticleContent } from './articleContent.ts';
import { audit } from './audit.ts';
import { announce, nowOf, type Acting, type CommandContext } from './context.ts';

function stampOf(acting: Acting, kind: RevisionStamp['kind'], baseRevisionId: number | null): RevisionStamp {
  return { kind, authorId: actorUserId(acting.actor), authorLabel: actorLabel(acting.actor), baseRevisionId };
}

/** A new draft, owned by whoever writes it, with its first revision and an audit entry. */
export async function createArticle(context: CommandContext, acting: Acting, content: ArticleContent): Promise<Article> {
  authorize(acting.actor, 'create');
  const now = nowOf(context).toISOString();
  return context.store.transaction(async (store) => {
    const checked = await checkedContent(store, content);
    const section = (await store.sections.find(checked.section))!;
    const base = slugBase(checked.headline) || 'article';
    const slug = uniqueSlug(base, await store.articles.slugsLike(section.slug, base));
    const article = await store.articles.insert(
      {
        ...checked,
        slug,
        sourceKey: `newsroom:${crypto.randomUUID()}`,
        contentHash: hashFor(undefined, checked, section.name),
        status: 'draft',
        workflowState: 'draft',
        ownerId: actorUserId(acting.actor),
        publishedAt: null,
        createdAt: now,
        updatedAt: now,
      },
      stampOf(acting, 'save', null),
    );
    await enrichStoredArticle(store, article);
    await audit(store, acting, new Date(now), { action: 'article.created', targetType: 'article', targetId: article.id, details: { headline: article.headline } });
    return article;
  });
}

export interface SaveInput {
  articleId: number;
  /** The revision the editor started from: saving over a newer one is a conflict, never an overwrite. */
  baseRevisionId: number | null;
  content: ArticleContent;
  /** 'restore' when the content is an earlier revision saved again. */
  kind?: 'save' | 'restore';
}

/** A save that lost: the newer revision is current; what was typed is kept as the conflict copy. */
export class SaveConflict extends StaleRevisionError {
  constructor(
    readonly current: Article,
    readonly conflictCopyId: number,
  ) {
    super(`Someone saved article ${current.id} while you were editing it; your text is kept as revision ${conflictCopyId}.`, current.revisionId);
  }
}

/**
 * Saves an editor's content as a new revision, if the article is still at the revision the editor started from.
 * Otherwise nothing is overwritten: the typed content is kept as a "conflict copy" revision and a SaveConflict
 * says so. A published article stays on the site only with content that passes the publish checks.
 */
export async function saveArticle(context: CommandContext, acting: Acting, input: SaveInput): Promise<Article> {
  const now = nowOf(context).toISOString();
  try {
    const saved = await context.store.transaction(async (store) => {
      const article = await store.articles.findById(input.articleId);
      if (!article) throw new NotFoundError(`There is no article ${input.articleId}.`);
      authorize(acting.actor, 'edit', article);
      const checked = await checkedContent(store, input.content);
      if (article.status === 'published') {
        const blockers = publishBlockers(checked, context.publishRules);
        if (blockers.length > 0) throw new ValidationError(`This article is on the site, so it must stay publishable: ${blockers.join('; ')}.`);
      }
      const section = (await store.sections.find(checked.section))!;
      if (section.slug !== article.section && (await store.articles.slugsLike(section.slug, article.slug)).has(article.slug)) {
        throw new ValidationError(`An article in ${section.name} already has the address …/${article.slug}; it cannot move there.`);
      }
      const { id, slug: _slug, sourceKey: _key, createdAt: _created, revisionId: _revision, scheduledAt: _scheduled, ...kept } = article;
      const updated = await store.articles.update(
        id,
        { ...kept, ...checked, contentHash: hashFor(article, checked, section.name), updatedAt: now },
        stampOf(acting, input.kind ?? 'save', input.baseRevisionId),
        input.baseRevisionId,
      );
      await enrichStoredArticle(store, updated);
      await audit(store, acting, new Date(now), {
        action: input.kind === 'restore' ? 'article.revision_restored' : 'article.saved',
        targetType: 'article',
        targetId: id,
        details: { revision: updated.revisionId, base: input.baseRevisionId },
      });
      return updated;
    });
    if (saved.status === 'published') await announce(context, [{ articleId: saved.id, section: saved.section, outcome: 'updated' }]);
    return saved;
  } catch (error) {
    if (!(error instanceof StaleRevisionError) || error instanceof SaveConflict) throw error;
    throw await keepConflictCopy(context, acting, input, now);
  }
}

/** The losing save, kept whole beside the winner so nothing typed is lost; the conflict to show both. */
async function keepConflictCopy(context: CommandContext, acting: Acting, input: SaveInput, now: string): Promise<SaveConflict> {
  return context.store.transaction(async (store) => {
    const current = await store.articles.findById(input.articleId);
    if (!current) throw new NotFoundError(`There is no article ${input.articleId}.`);
    const copyId = await store.articles.recordRevision(current.id, input.content, current.contentHash, now, stampOf(acting, 'conflict_copy', input.baseRevisionId));
    await audit(store, acting, new Date(now), {
      action: 'article.save_conflict',
      targetType: 'article',
      targetId: current.id,
      details: { base: input.baseRevisionId, current: current.revisionId, conflictCopy: copyId },
    });
    return new SaveConflict(current, copyId);
  });
}

/** Saves an earlier revision's content again, as a new revision (history is never rewritten). */
export async function restoreRevision(context: CommandContext, acting: Acting, articleId: number, revisionId: number, baseRevisionId: number | null): Promise<Article> {
  const revision = await context.store.articles.revision(articleId, revisionId);
  if (!revision) throw new NotFoundError(`Article ${articleId} has no revision ${revisionId}.`);
  return saveArticle(context, acting, { articleId, baseRevisionId, content: revision.content, kind: 'restore' });
}

import {
  NotFoundError,
  publishBlockers,
  ValidationError,
  type Article,
  type ContentChange,
  type PublishRules,
  type WorkflowState,
} from '../../domain/index.ts';
import type { Repositories } from '../../store/index.ts';
import { authorize, type ArticleAction } from '../policy.ts';
import { audit } from './audit.ts';
import { announce, nowOf, type Acting, type CommandContext } from './context.ts';

/** One workflow move, as the state-changing commands describe it. */
export interface Move {
  action: ArticleAction;
  /** The audit log's name for it: "article.published". */
  audited: string;
  /** States the move starts from; any other is refused with `refusal`. */
  from: readonly WorkflowState[];
  to: WorkflowState;
  /** Why it cannot move from `state`, in an editor's words. */
  refusal: (article: Article) => string;
  /** Checks beyond the policy and the state (the publish checks), run on the article as stored. */
  check?: (article: Article) => void;
  /** When it goes (or went) on the site: the default keeps what is stored. */
  publishedAt?: (article: Article, now: Date) => string | null;
  scheduledAt?: string | null;
  details?: Record<string, unknown>;
}

export interface MoveOutcome {
  article: Article;
  /** False when it already stood where the move leads: nothing changed, nothing logged or announced. */
  changed: boolean;
}

/**
 * The shape of every workflow command: in one transaction, find the article, ask the policy, check the state
 * and the rules, change the state, write the audit entry; after commit, announce what readers will notice.
 */
export async function moveArticle(context: CommandContext, acting: Acting, articleId: number, move: Move): Promise<MoveOutcome> {
  const now = nowOf(context);
  const outcome = await context.store.transaction(async (store) => {
    const article = await store.articles.findById(articleId);
    if (!article) throw new NotFoundError(`There is no article ${articleId}.`);
    authorize(acting.actor, move.action, article);
    if (article.workflowState === move.to && move.to !== 'scheduled') return { article, changed: false, from: article.workflowState };
    if (!move.from.includes(article.workflowState)) throw new ValidationError(move.refusal(article));
    move.check?.(article);
    const moved = await changeState(store, article, move, now);
    await audit(store, acting, now, {
      action: move.audited,
      targetType: 'article',
      targetId: article.id,
      details: { from: article.workflowState, to: move.to, headline: article.headline, ...move.details },
    });
    return { article: moved, changed: true, from: article.workflowState };
  });
  if (outcome.changed) await announce(context, contentChanges(outcome.article, outcome.from));
  return { article: outcome.article, changed: outcome.changed };
}

async function changeState(store: Repositories, article: Article, move: Move, now: Date): Promise<Article> {
  return store.articles.changeState(article.id, {
    workflowState: move.to,
    publishedAt: move.publishedAt ? move.publishedAt(article, now) : article.publishedAt,
    updatedAt: now.toISOString(),
    scheduledAt: move.scheduledAt ?? null,
    // Two processes moving the same article at once (the scheduler on two workers): the second finds it moved.
    ifState: article.workflowState,
  });
}

/** Readers notice only moves on to or off the site. */
function contentChanges(article: Article, from: WorkflowState): ContentChange[] {
  if (article.workflowState === 'published' && from !== 'published') return [{ articleId: article.id, section: article.section, outcome: 'published' }];
  if (from === 'published' && article.workflowState !== 'published') return [{ articleId: article.id, section: article.section, outcome: 'unpublished' }];
  return [];
}

/** The publish checks as a move's check: refused, with every reason, when the article would not pass them. */
export function mustPass(rules: PublishRules, verb: 'published' | 'scheduled'): (article: Article) => void {
  return (article) => {
    const blockers = publishBlockers(article, rules);
    if (blockers.length > 0) throw new ValidationError(`Article ${article.id} cannot be ${verb}: ${blockers.join('; ')}.`);
  };
}

/** "a draft", "an article in review": how refusals name a state. */
export function stateWords(state: WorkflowState): string {
  const words: Record<WorkflowState, string> = {
    draft: 'a draft',
    in_review: 'waiting for review',
    scheduled: 'scheduled',
    published: 'on the site',
    unpublished: 'unpublished',
    spiked: 'spiked',
  };
  return words[state];
}

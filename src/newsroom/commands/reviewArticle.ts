import type { Acting, CommandContext } from './context.ts';
import { moveArticle, stateWords, type MoveOutcome } from './moveArticle.ts';

/**
 * Hands a draft to the desk. The publish checks are not a condition (an editor may fix what is missing) but
 * their findings go with it, in the audit entry, so the desk sees at once what still stops publication.
 */
export async function submitForReview(context: CommandContext, acting: Acting, articleId: number, note?: string): Promise<MoveOutcome> {
  return moveArticle(context, acting, articleId, {
    action: 'submit',
    audited: 'article.submitted',
    from: ['draft'],
    to: 'in_review',
    refusal: (found) => `Only a draft can be submitted for review; article ${found.id} is ${stateWords(found.workflowState)}.`,
    details: noteDetails(note),
  });
}

/** The desk sends an article back to its writer as a draft, with a note saying what to change. */
export async function returnToDraft(context: CommandContext, acting: Acting, articleId: number, note?: string): Promise<MoveOutcome> {
  return moveArticle(context, acting, articleId, {
    action: 'review',
    audited: 'article.returned',
    from: ['in_review', 'scheduled'],
    to: 'draft',
    refusal: (found) => `Only an article waiting for review or scheduled can be sent back; article ${found.id} is ${stateWords(found.workflowState)}.`,
    details: noteDetails(note),
  });
}

function noteDetails(note: string | undefined): Record<string, unknown> {
  const text = note?.replace(/\s+/g, ' ').trim().slice(0, 1000);
  return text ? { note: text } : {};
}

import type { Actor, WorkflowState } from '../../domain/index.ts';
import { can } from '../policy.ts';
import type { DeskQuery, Store } from '../../store/index.ts';
import type { DeskList } from '../views/DeskPage.tsx';

const PER_LIST = 8;

/**
 * The desk's lists for one person: their drafts, what waits for review, what is scheduled, what went out last,
 * and (for the desk) what ingest brought in. Contributors and writers see their own articles only; the policy
 * says so (`view` reaches `own` for them), so the query is narrowed to them rather than filtered after.
 */
export async function deskLists(store: Store, actor: Actor, userId: number): Promise<DeskList[]> {
  const everyone = can(actor, 'view', { ownerId: null, workflowState: 'draft' });
  const mine: Pick<DeskQuery, 'ownerId'> = everyone ? {} : { ownerId: userId };
  const list = async (id: string, title: string, states: WorkflowState[], time: DeskList['time'], empty: string, extra: Partial<DeskQuery> = {}) => {
    const query = { workflowStates: states, ...mine, ...extra };
    const [count, articles] = await Promise.all([store.articles.countForDesk(query), store.articles.listForDesk({ ...query, limit: PER_LIST, offset: 0 })]);
    return { id, title, count, articles, time, empty };
  };
  const lists = [
    await list('mine', 'My drafts', ['draft'], 'updated', 'No drafts of yours.', { ownerId: userId }),
    await list('review', 'Waiting for review', ['in_review'], 'updated', 'Nothing waits for review.'),
    await list('scheduled', 'Scheduled', ['scheduled'], 'scheduled', 'Nothing is scheduled.'),
    await list('published', 'Recently published', ['published'], 'published', 'Nothing published yet.'),
  ];
  if (everyone) lists.push(await list('ingest', 'Drafts from feeds', ['draft'], 'updated', 'No feed drafts wait.', { fromFeeds: true }));
  return lists;
}

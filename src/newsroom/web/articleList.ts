import { Type, type Static } from '@fastify/type-provider-typebox';
import { NotFoundError, WORKFLOW_STATES, type Actor, type WorkflowState } from '../../domain/index.ts';
import type { DeskQuery, Store } from '../../store/index.ts';
import { can } from '../policy.ts';
import type { ArticleFilters, ArticlesPageProps } from '../views/ArticlesPage.tsx';

/** Lines a page: a screenful an editor scans without scrolling far. */
export const ARTICLES_PER_PAGE = 25;

export const ListQuery = Type.Object({
  state: Type.Optional(Type.String({ maxLength: 20 })),
  section: Type.Optional(Type.String({ maxLength: 200 })),
  author: Type.Optional(Type.String({ maxLength: 20 })),
  source: Type.Optional(Type.String({ maxLength: 200 })),
  q: Type.Optional(Type.String({ maxLength: 200 })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
});

const isState = (value: string): value is WorkflowState => (WORKFLOW_STATES as readonly string[]).includes(value);

/**
 * The articles list's props: the filters as given (an unknown state or author is ignored, not an error), one page
 * of lines, and the people to narrow by. Contributors and writers see their own only: the policy says so
 * (`view` reaches `own` for them), so the query is narrowed to them, as the desk's lists are. A page past the
 * end is a NotFoundError.
 */
export async function articleList(
  store: Store,
  actor: Actor,
  userId: number,
  query: Static<typeof ListQuery>,
): Promise<Omit<ArticlesPageProps, 'siteName' | 'user' | 'csrf'>> {
  const everyone = can(actor, 'view', { ownerId: null, workflowState: 'draft' });
  const filters: ArticleFilters = {
    state: query.state && isState(query.state) ? query.state : '',
    section: query.section?.trim() ?? '',
    author: everyone && query.author && /^(mine|\d{1,12})$/.test(query.author) ? query.author : '',
    source: query.source?.trim() ?? '',
    q: query.q?.trim() ?? '',
  };
  const ownerId = !everyone || filters.author === 'mine' ? userId : filters.author ? Number(filters.author) : undefined;
  const desk: Omit<DeskQuery, 'limit' | 'offset'> = {
    ...(filters.state && { workflowState: filters.state }),
    ...(filters.section && { section: filters.section }),
    ...(ownerId !== undefined && { ownerId }),
    ...(filters.source && { sourceSlug: filters.source }),
    ...(filters.q && { text: filters.q }),
  };
  const page = query.page ?? 1;
  const [total, sections, people] = await Promise.all([store.articles.countForDesk(desk), store.sections.list(), everyone ? store.users.list() : []]);
  const pageCount = Math.max(1, Math.ceil(total / ARTICLES_PER_PAGE));
  if (page > pageCount) throw new NotFoundError(`The list has ${pageCount} page${pageCount === 1 ? '' : 's'}.`);
  const articles = await store.articles.listForDesk({ ...desk, limit: ARTICLES_PER_PAGE, offset: (page - 1) * ARTICLES_PER_PAGE });
  return {
    filters,
    articles,
    total,
    page,
    pageCount,
    sections,
    authors: people.map((person) => ({ id: person.id, name: person.name })),
  };
}

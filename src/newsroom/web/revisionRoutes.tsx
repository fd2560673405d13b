import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { ForbiddenError, NotFoundError, type Actor, type Article } from '../../domain/index.ts';
import { restoreRevision, SaveConflict, type CommandContext } from '../commands/index.ts';
import { can } from '../policy.ts';
import { compareRevisions, RestoreConflictPage, RevisionsPage } from '../views/RevisionsPage.tsx';
import { requireSignIn } from './deskRoutes.tsx';
import { sendPage } from './respond.ts';

const Id = Type.Integer({ minimum: 1, maximum: 2 ** 31 - 1 });
const ArticleParams = Type.Object({ id: Id });
const RestoreParams = Type.Object({ id: Id, revisionId: Id });

/**
 * An article's history in the newsroom: every revision, any two compared word by word, and any one restored as a
 * new revision (history is never rewritten). Viewing needs the policy's `view`, restoring its `edit`.
 */
export const revisionRoutes: FastifyPluginAsync<{ context: CommandContext; siteName: string }> = async (plugin, { context, siteName }) => {
  const app = plugin.withTypeProvider<TypeBoxTypeProvider>();
  const { store } = context;
  const chrome = (request: FastifyRequest) => ({ siteName, user: request.newsroom.user, csrf: request.newsroom.csrf });

  /** The article, if this person may do `action` to it; a 404 or 403 otherwise. */
  async function articleFor(actor: Actor, id: number, action: 'view' | 'edit'): Promise<Article> {
    const article = await store.articles.findById(id);
    if (!article) throw new NotFoundError(`There is no article ${id}.`);
    if (!can(actor, action, article)) {
      throw new ForbiddenError(action === 'view' ? 'You may not open this article’s revisions.' : 'You may not restore revisions of this article.');
    }
    return article;
  }

  app.get(
    '/articles/:id/revisions',
    { schema: { params: ArticleParams, querystring: Type.Object({ from: Type.Optional(Id), to: Type.Optional(Id), restored: Type.Optional(Id) }) } },
    async (request, reply) => {
      if (!requireSignIn(request, reply)) return reply;
      const actor = request.newsroom.actor!;
      const article = await articleFor(actor, request.params.id, 'view');
      const revisions = await store.articles.revisions(article.id);
      const known = (id: number | undefined) => (id !== undefined && revisions.some((revision) => revision.id === id) ? id : undefined);
      // By default: what the last change did, i.e. the current revision against the one before it.
      const currentAt = Math.max(0, revisions.findIndex((revision) => revision.id === article.revisionId));
      const to = known(request.query.to) ?? revisions[currentAt]!.id;
      const from = known(request.query.from) ?? (revisions[currentAt + 1] ?? revisions[currentAt]!).id;
      const [before, after, sections] = await Promise.all([store.articles.revision(article.id, from), store.articles.revision(article.id, to), store.sections.list()]);
      const sectionName = (slug: string) => sections.find((section) => section.slug === slug)?.name ?? slug;
      const { restored } = request.query;
      return sendPage(
        reply,
        <RevisionsPage
          {...chrome(request)}
          article={article}
          revisions={revisions}
          from={from}
          to={to}
          comparison={compareRevisions(before!.content, after!.content, sectionName)}
          canRestore={can(actor, 'edit', article)}
          notice={restored ? `Revision ${restored} was restored: its text is now the current revision, ${article.revisionId}.` : null}
        />,
      );
    },
  );

  app.post(
    '/articles/:id/revisions/:revisionId/restore',
    { schema: { params: RestoreParams, body: Type.Object({ _csrf: Type.Optional(Type.String({ maxLength: 200 })), baseRevisionId: Type.Optional(Id) }) } },
    async (request, reply) => {
      if (!requireSignIn(request, reply)) return reply;
      const actor = request.newsroom.actor!;
      const { id, revisionId } = request.params;
      await articleFor(actor, id, 'edit');
      try {
        await restoreRevision(context, { actor, address: request.ip }, id, revisionId, request.body.baseRevisionId ?? null);
      } catch (error) {
        if (!(error instanceof SaveConflict)) throw error;
        const message = `Someone saved this article after you opened its revisions, so revision ${revisionId} was not restored; what you restored is kept as revision ${error.conflictCopyId}.`;
        return sendPage(reply, <RestoreConflictPage {...chrome(request)} articleId={id} message={message} />, 409);
      }
      return reply.redirect(`/newsroom/articles/${id}/revisions?restored=${revisionId}`, 303);
    },
  );
};

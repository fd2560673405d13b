import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError, type Article } from '../../domain/index.ts';
import type { JobQueue } from '../../ingest/jobs/index.ts';
import {
  publishArticle,
  restoreArticle,
  returnToDraft,
  scheduleArticle,
  spikeArticle,
  submitForReview,
  unpublishArticle,
  type Acting,
  type CommandContext,
} from '../commands/index.ts';
import type { EditorProps } from '../views/EditorPage.tsx';
import { editorPath } from '../views/EditorPage.tsx';
import { requireSignIn } from './deskRoutes.tsx';
import { authorize } from '../policy.ts';

/** What the article routes share with the preview and workflow routes: access, the editor page, refusals. */
export interface ArticlePages {
  /** The article, if the person may open it; NotFoundError or ForbiddenError otherwise. */
  viewable(request: FastifyRequest, id: number): Promise<Article>;
  sendEditor(request: FastifyRequest, reply: FastifyReply, article: Article, extra: Partial<EditorProps>, status?: number): Promise<FastifyReply>;
  /** A ForbiddenError as the 403 page; anything else thrown on. */
  refusal(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply;
}

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) });
const MoveBody = Type.Object({
  _csrf: Type.Optional(Type.String({ maxLength: 200 })),
  /** For the desk (submit) or the writer (send back). */
  note: Type.Optional(Type.String({ maxLength: 2_000 })),
  /** When to publish: a datetime-local value (read as UTC) or an ISO-8601 time with its zone. */
  at: Type.Optional(Type.String({ maxLength: 40 })),
});
type Move = { note?: string; at?: string };

/** A datetime-local value has no zone: the form says UTC. A time with a zone is taken as written. */
export function publishTimeOf(text: string | undefined): Date {
  const value = text?.trim() ?? '';
  if (value === '') throw new ValidationError('Say when to publish it.');
  const at = new Date(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value) ? `${value}Z` : value);
  if (Number.isNaN(at.getTime())) throw new ValidationError(`"${value}" is not a time to publish at (write it as 2026-12-24T08:00, in UTC).`);
  return at;
}

/**
 * The workflow moves, one POST each, as the editor's small forms send them: the command decides (policy, state,
 * publish checks); a refusal in words goes back to the editor (400), a policy refusal is a 403 page.
 */
export const workflowRoutes: FastifyPluginAsync<ArticlePages & { commands: CommandContext; jobs: () => Promise<JobQueue> }> = async (plugin, options) => {
  const app = plugin.withTypeProvider<TypeBoxTypeProvider>();
  const { commands, viewable, sendEditor, refusal } = options;
  const moves: Record<string, { done: string; run: (acting: Acting, id: number, body: Move) => Promise<unknown> }> = {
    submit: { done: 'submitted', run: (acting, id, body) => submitForReview(commands, acting, id, body.note) },
    return: { done: 'returned', run: (acting, id, body) => returnToDraft(commands, acting, id, body.note) },
    publish: { done: 'published', run: (acting, id) => publishArticle(commands, acting, id) },
    schedule: {
      done: 'scheduled',
      run: async (acting, id, body) => {
        // Asked before the time is read or the queue opened: who may not schedule hears that, not a detail.
        const article = await commands.store.articles.findById(id);
        if (article) authorize(acting.actor, 'schedule', article);
        const at = publishTimeOf(body.at);
        return scheduleArticle({ ...commands, jobs: await options.jobs() }, acting, id, at);
      },
    },
    unpublish: { done: 'unpublished', run: (acting, id) => unpublishArticle(commands, acting, id) },
    spike: { done: 'spiked', run: (acting, id) => spikeArticle(commands, acting, id) },
    restore: { done: 'restored', run: (acting, id) => restoreArticle(commands, acting, id) },
  };

  for (const [name, move] of Object.entries(moves)) {
    app.post(`/articles/:id/${name}`, { schema: { params: IdParams, body: MoveBody } }, async (request, reply) => {
      if (!requireSignIn(request, reply)) return reply;
      try {
        const article = await viewable(request, request.params.id);
        try {
          await move.run({ actor: request.newsroom.actor!, address: request.ip }, article.id, request.body);
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          // The article as it now stands (the move changed nothing), with the reason above the form.
          return await sendEditor(request, reply, (await commands.store.articles.findById(article.id)) ?? article, { problem: error.message }, 400);
        }
        return reply.redirect(`${editorPath(article.id)}?done=${move.done}`, 303);
      } catch (error) {
        return refusal(request, reply, error);
      }
    });
  }
};

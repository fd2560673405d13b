import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { sqliteFileOf, type Config } from '../../config.ts';
import {
  ForbiddenError,
  NotFoundError,
  publishBlockers,
  ValidationError,
  type Article,
  type ContentChanges,
} from '../../domain/index.ts';
import type { JobQueue } from '../../ingest/jobs/index.ts';
import type { Store } from '../../store/index.ts';
import { createArticle, saveArticle, SaveConflict, type Acting, type CommandContext } from '../commands/index.ts';
import { can, type ArticleAction } from '../policy.ts';
import { ConflictPage } from '../views/ConflictPage.tsx';
import { EditorPage, editorPath, type EditorProps } from '../views/EditorPage.tsx';
import { NewsroomLayout } from '../views/NewsroomLayout.tsx';
import { articleList, ListQuery } from './articleList.ts';
import { ArticlesPage } from '../views/ArticlesPage.tsx';
import { requireSignIn } from './deskRoutes.tsx';
import { automaticSummaryText, baseRevisionOf, contentOf, EditorBody, EMPTY_FIELDS, fieldsOf, typedFields, type EditorFields } from './editorForm.ts';
import { previewRoutes } from './previewRoutes.ts';
import { sendPage } from './respond.ts';
import { workflowRoutes } from './workflowRoutes.ts';

export interface ArticleRoutesOptions {
  store: Store;
  /** The plugin's settings; with DATA_DIR or DATABASE_URL (a served site has both at hand) scheduling finds the job queue. */
  config: Pick<Config, 'siteName' | 'siteUrl' | 'publishRules'> & Partial<Pick<Config, 'databaseUrl' | 'dataDir'>>;
  changes: ContentChanges;
  /** Where scheduled publications wait; when absent, the deployment's queue is opened on the first schedule. */
  jobs?: JobQueue;
}

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) });
const Done = Type.Object({ done: Type.Optional(Type.String({ maxLength: 40 })) });

/** What a redirect's `done` says happened, in words (only these: a link cannot put words in the newsroom's mouth). */
const DONE_NOTICES: Record<string, string> = {
  created: 'Draft created.',
  saved: 'Saved.',
  submitted: 'Submitted for review.',
  returned: 'Sent back to draft.',
  published: 'Published: it is on the site.',
  scheduled: 'Scheduled.',
  unpublished: 'Unpublished: it is off the site.',
  spiked: 'Spiked. Restore brings it back.',
  restored: 'Restored.',
};

/** Markdown notes of a save, carried across its redirect (a one-minute cookie on the editor's own address). */
const NOTES_COOKIE = 'newsroom-notes';
const NOTES_MAX_CHARS = 3_000;

const ARTICLE_ACTIONS: readonly ArticleAction[] = ['edit', 'submit', 'review', 'publish', 'schedule', 'unpublish', 'spike', 'restore'];

/** The person's side of a request: who acts, from where. Only for routes behind requireSignIn. */
export function actingOf(request: FastifyRequest): Acting {
  return { actor: request.newsroom.actor!, address: request.ip };
}

/** The newsroom's articles: the list, the editor (new and existing), saving and its conflicts; preview and workflow. */
export const articleRoutes: FastifyPluginAsync<ArticleRoutesOptions> = async (plugin, options) => {
  const app = plugin.withTypeProvider<TypeBoxTypeProvider>();
  const { store, config } = options;
  const siteName = config.siteName;
  const chrome = (request: FastifyRequest) => ({ siteName, user: request.newsroom.user, csrf: request.newsroom.csrf });
  const commands: CommandContext = { store, changes: options.changes, publishRules: config.publishRules };

  let opened: Promise<JobQueue> | null = null;
  const jobs = async (): Promise<JobQueue> => {
    if (options.jobs) return options.jobs;
    if (config.dataDir === undefined && !config.databaseUrl) throw new ValidationError('Scheduling is not available on this server: it has no job queue.');
    // Loaded when first needed: the queue belongs to ingest, which loads the newsroom's commands itself.
    opened ??= import('../../ingest/jobs/index.ts').then(({ openJobQueue }) =>
      openJobQueue({ databaseUrl: config.databaseUrl ?? null, sqliteFile: sqliteFileOf({ dataDir: config.dataDir ?? '.' }) }),
    );
    return opened.catch((error: unknown) => {
      opened = null;
      app.log.error({ err: error }, 'the job queue could not be opened for scheduling');
      throw new ValidationError('Scheduling is not available right now: the job queue could not be opened. Publish now, or try again later.');
    });
  };
  app.addHook('onClose', async () => {
    if (opened) await (await opened.catch(() => null))?.close();
  });

  /** The article, if this person may open it in the newsroom; a refusal as a 403 page is theirs to read. */
  const viewable = async (request: FastifyRequest, id: number): Promise<Article> => {
    const article = await store.articles.findById(id);
    if (!article) throw new NotFoundError(`There is no article ${id}.`);
    if (!can(request.newsroom.actor!, 'view', article)) throw new ForbiddenError('You are not allowed to open this article (it is not yours).');
    return article;
  };

  /** The editor page's props for `article` as stored, or with what was typed (`fields`). */
  const editorProps = async (request: FastifyRequest, article: Article, extra: Partial<EditorProps> = {}): Promise<EditorProps> => {
    const actor = request.newsroom.actor!;
    const [sections, enrichment] = await Promise.all([store.sections.list(), store.enrichments.find(article.id)]);
    return {
      ...chrome(request),
      article,
      fields: fieldsOf(article, automaticSummaryText(enrichment)),
      sections,
      editable: can(actor, 'edit', article),
      allowed: new Set(ARTICLE_ACTIONS.filter((action) => can(actor, action, article))),
      blockers: article.workflowState === 'published' ? [] : publishBlockers(article, config.publishRules),
      ...extra,
    };
  };

  /** A refusal the person can act on goes back to them on the page; anything else is the error pages' to answer. */
  const refusal = (request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply => {
    if (error instanceof ForbiddenError) return sendPage(reply, <ForbiddenPage {...chrome(request)} message={error.message} />, 403);
    throw error;
  };

  const sendEditor = async (request: FastifyRequest, reply: FastifyReply, article: Article, extra: Partial<EditorProps>, status = 200) =>
    sendPage(reply, <EditorPage {...await editorProps(request, article, extra)} />, status);

  app.get('/articles', { schema: { querystring: ListQuery } }, async (request, reply) => {
    if (!requireSignIn(request, reply)) return reply;
    const list = await articleList(store, request.newsroom.actor!, request.newsroom.user!.id, request.query);
    return sendPage(reply, <ArticlesPage {...chrome(request)} {...list} />);
  });

  app.get('/articles/new', async (request, reply) => {
    if (!requireSignIn(request, reply)) return reply;
    const sections = await store.sections.list();
    return sendPage(reply, <NewArticle {...chrome(request)} sections={sections} fields={{ ...EMPTY_FIELDS, section: sections[0]?.slug ?? '' }} />);
  });

  app.post('/articles', { schema: { body: EditorBody } }, async (request, reply) => {
    if (!requireSignIn(request, reply)) return reply;
    const fields = typedFields(request.body);
    try {
      const { content, notes } = contentOf(fields, null);
      const article = await createArticle(commands, actingOf(request), content);
      keepNotes(reply, article.id, notes);
      return reply.redirect(`${editorPath(article.id)}?done=created`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) return refusal(request, reply, error);
      const sections = await store.sections.list();
      return sendPage(reply, <NewArticle {...chrome(request)} sections={sections} fields={fields} problem={error.message} />, 400);
    }
  });

  app.get('/articles/:id', { schema: { params: IdParams, querystring: Done } }, async (request, reply) => {
    if (!requireSignIn(request, reply)) return reply;
    try {
      const article = await viewable(request, request.params.id);
      const notes = takeNotes(request, reply, article.id);
      return await sendEditor(request, reply, article, { notice: DONE_NOTICES[request.query.done ?? ''] ?? null, notes });
    } catch (error) {
      return refusal(request, reply, error);
    }
  });

  app.post('/articles/:id', { schema: { params: IdParams, body: EditorBody } }, async (request, reply) => {
    if (!requireSignIn(request, reply)) return reply;
    const fields = typedFields(request.body);
    try {
      const article = await viewable(request, request.params.id);
      try {
        const { content, notes } = contentOf(fields, article);
        await saveArticle(commands, actingOf(request), { articleId: article.id, baseRevisionId: baseRevisionOf(fields), content });
        keepNotes(reply, article.id, notes);
        return reply.redirect(`${editorPath(article.id)}?done=saved`, 303);
      } catch (error) {
        if (error instanceof ValidationError) return await sendEditor(request, reply, article, { fields, problem: error.message }, 400);
        if (error instanceof SaveConflict) return await sendConflict(request, reply, error, fields);
        throw error;
      }
    } catch (error) {
      return refusal(request, reply, error);
    }
  });

  const sendConflict = async (request: FastifyRequest, reply: FastifyReply, conflict: SaveConflict, typed: EditorFields) => {
    const { current } = conflict;
    const [sections, enrichment] = await Promise.all([store.sections.list(), store.enrichments.find(current.id)]);
    const theirs = fieldsOf(current, automaticSummaryText(enrichment));
    const yours = { ...typed, baseRevisionId: theirs.baseRevisionId };
    return sendPage(
      reply,
      <ConflictPage {...chrome(request)} current={current} theirs={theirs} yours={yours} conflictCopyId={conflict.conflictCopyId} sections={sections} />,
      409,
    );
  };

  await app.register(previewRoutes, { store, site: { name: siteName, url: config.siteUrl.replace(/\/+$/, '') }, viewable, sendEditor, refusal });
  await app.register(workflowRoutes, { commands, jobs, viewable, sendEditor, refusal });
};

function keepNotes(reply: FastifyReply, id: number, notes: readonly string[]): void {
  if (notes.length === 0) return;
  const value = JSON.stringify(notes).slice(0, NOTES_MAX_CHARS);
  reply.setCookie(NOTES_COOKIE, value, { path: editorPath(id), httpOnly: true, sameSite: 'lax', maxAge: 60 });
}

function takeNotes(request: FastifyRequest, reply: FastifyReply, id: number): string[] {
  const raw = request.cookies[NOTES_COOKIE];
  if (!raw) return [];
  reply.clearCookie(NOTES_COOKIE, { path: editorPath(id) });
  try {
    const notes: unknown = JSON.parse(raw);
    return Array.isArray(notes) ? notes.filter((note): note is string => typeof note === 'string').slice(0, 20) : [];
  } catch {
    return [];
  }
}

type NewArticleProps = Pick<EditorProps, 'siteName' | 'user' | 'csrf' | 'sections' | 'fields' | 'problem'>;

function NewArticle(props: NewArticleProps) {
  return <EditorPage {...props} article={null} editable allowed={new Set()} blockers={[]} />;
}

function ForbiddenPage(props: { siteName: string; user: EditorProps['user']; csrf: string; message: string }) {
  return (
    <NewsroomLayout {...props} title="Not allowed">
      <h1>Not allowed</h1>
      <p class="problem" role="alert">
        {props.message}
      </p>
      <p>
        <a href="/newsroom/articles">Back to the articles</a>
      </p>
    </NewsroomLayout>
  );
}

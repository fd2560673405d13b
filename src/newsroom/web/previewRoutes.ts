import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { effectiveEnrichment, ValidationError, type Article, type PublishedArticle } from '../../domain/index.ts';
import type { SiteInfo } from '../../site/index.ts';
import type { Store } from '../../store/index.ts';
import type { ArticleContent } from '../commands/index.ts';
import { previewDocument } from '../views/PreviewPage.tsx';
import { requireSignIn } from './deskRoutes.tsx';
import { contentOf, EditorBody, typedFields } from './editorForm.ts';
import type { ArticlePages } from './workflowRoutes.ts';

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) });

/**
 * The article as readers would see it, on the reader site's own page under a "not published" banner: the stored
 * version (GET), or what the editor form holds right now (POST, the form's Preview button), saving nothing.
 */
export const previewRoutes: FastifyPluginAsync<ArticlePages & { store: Store; site: SiteInfo }> = async (plugin, options) => {
  const app = plugin.withTypeProvider<TypeBoxTypeProvider>();
  const { store, site, viewable, sendEditor, refusal } = options;

  const sendPreview = async (reply: FastifyReply, article: Article, content: ArticleContent, unsaved: boolean) => {
    const [sections, enrichment] = await Promise.all([store.sections.list({ onlyWithArticles: true }), store.enrichments.find(article.id)]);
    const section = (await store.sections.find(content.section)) ?? { slug: content.section, name: content.section };
    const shown: PublishedArticle = {
      ...article,
      ...content,
      status: 'published',
      workflowState: 'published',
      publishedAt: article.publishedAt ?? new Date().toISOString(),
    };
    const automaticSummary = enrichment ? effectiveEnrichment(enrichment).summary : null;
    return reply
      .code(200)
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(previewDocument({ site, sections, section, article: shown, automaticSummary, unsaved }));
  };

  const guarded = (handler: (request: FastifyRequest<{ Params: { id: number } }>, reply: FastifyReply) => Promise<FastifyReply>) =>
    async (request: FastifyRequest<{ Params: { id: number } }>, reply: FastifyReply) => {
      if (!requireSignIn(request, reply)) return reply;
      try {
        return await handler(request, reply);
      } catch (error) {
        return refusal(request, reply, error);
      }
    };

  app.get(
    '/articles/:id/preview',
    { schema: { params: IdParams } },
    guarded(async (request, reply) => {
      const article = await viewable(request, request.params.id);
      return sendPreview(reply, article, article, false);
    }),
  );

  app.post('/articles/:id/preview', { schema: { params: IdParams, body: EditorBody } }, async (request, reply) => {
    if (!requireSignIn(request, reply)) return reply;
    const fields = typedFields(request.body);
    try {
      const article = await viewable(request, request.params.id);
      try {
        return await sendPreview(reply, article, contentOf(fields, article).content, true);
      } catch (error) {
        if (error instanceof ValidationError) return await sendEditor(request, reply, article, { fields, problem: error.message }, 400);
        throw error;
      }
    } catch (error) {
      return refusal(request, reply, error);
    }
  });
};

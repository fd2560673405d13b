import type { FastifyPluginAsync } from 'fastify';
import { isImageKey, NotFoundError, parseVariantFile } from '../../domain/index.ts';
import type { Store } from '../../store/index.ts';
import { matchesIfNoneMatch } from '../pageCache.ts';
import { parseShareCardFile, RenderQueue, RenderQueueFull, renderShareCard, shareCardKey, type ShareCardContent } from '../shareCards/index.ts';
import type { SiteInfo } from '../views/types.ts';

/** An image's address is derived from its bytes and recipe (domain/image.ts): it never changes content. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const CONTENT_TYPE = { webp: 'image/webp', jpeg: 'image/jpeg' } as const;
/**
 * Cards drawn at once per process (about a core's worth each while drawing: two leave the pages a core on a
 * small machine), and how many more may wait before a request is asked to come back: a card takes ~50 ms, so a
 * full queue clears in well under a second.
 */
const CARD_RENDERS = 2;
const CARD_QUEUE = 16;
/** Long enough for the queue to clear; crawlers that fetch og:image honour it. */
const CARD_RETRY_AFTER_SECONDS = 2;

/**
 * /media/images/<key>/<width>.webp|jpg, and the full-size /media/images/<key>/<width>x<height>.jpg that pages
 * store as the image's address: the variants newsroom/images made, read from the store.
 */
export const mediaRoutes: FastifyPluginAsync<{ store: Store; site: SiteInfo }> = async (app, { store, site }) => {
  app.get(
    '/media/images/:key/:file',
    {
      schema: {
        params: {
          type: 'object',
          properties: { key: { type: 'string', maxLength: 20 }, file: { type: 'string', maxLength: 20 } },
          required: ['key', 'file'],
        },
      },
    },
    async (request, reply) => {
      const { key, file } = request.params as { key: string; file: string };
      const variant = parseVariantFile(file);
      if (!isImageKey(key) || !variant) throw new NotFoundError('No such image');
      // The key, width and format name the bytes exactly: they are the validator, no hashing of the body needed.
      const etag = `"${key}-${variant.width}-${variant.format}"`;
      if (matchesIfNoneMatch(request.headers['if-none-match'], etag)) {
        return reply.code(304).header('cache-control', IMMUTABLE).header('etag', etag).send();
      }
      const bytes = await store.images.variant(key, variant.width, variant.format);
      if (!bytes) throw new NotFoundError('No such image');
      return reply
        .header('cache-control', IMMUTABLE)
        .header('etag', etag)
        .type(CONTENT_TYPE[variant.format])
        .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    },
  );

  const cards = new RenderQueue<Buffer>(CARD_RENDERS, CARD_QUEUE);

  /**
   * /media/cards/<article id>/<key>.png: an article's share card (site/shareCards). Served from the store when it
   * was drawn before; otherwise drawn now, if the key is the one the article's current headline, section and the
   * site's name give (any other key was never linked to, or belongs to a headline since changed), and kept.
   */
  app.get(
    '/media/cards/:article/:file',
    {
      schema: {
        params: {
          type: 'object',
          properties: { article: { type: 'string', pattern: '^[1-9][0-9]{0,9}$' }, file: { type: 'string', maxLength: 30 } },
          required: ['article', 'file'],
        },
      },
    },
    async (request, reply) => {
      const params = request.params as { article: string; file: string };
      const articleId = Number(params.article);
      const key = parseShareCardFile(params.file);
      if (!key) throw new NotFoundError('No such card');
      const etag = `"card-${key}"`;
      const headers = {
        'cache-control': IMMUTABLE,
        etag,
        // A story taken down is purged from a CDN by this, as its page is.
        'surrogate-key': `article-${articleId}`,
        'cache-tag': `article-${articleId}`,
      };
      if (matchesIfNoneMatch(request.headers['if-none-match'], etag)) return reply.code(304).headers(headers).send();
      const stored = await store.images.shareCard(articleId, key);
      if (stored) return reply.headers(headers).type('image/png').send(Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength));
      const content = await currentCardContent(store, site, articleId);
      if (!content || shareCardKey(content) !== key) throw new NotFoundError('No such card');
      let drawn: Buffer;
      try {
        drawn = await cards.run(key, async () => {
          const bytes = await renderShareCard(content);
          await store.images.saveShareCard({ articleId, key, bytes }, new Date());
          return bytes;
        });
      } catch (error) {
        if (!(error instanceof RenderQueueFull)) throw error;
        return reply.code(503).header('retry-after', String(CARD_RETRY_AFTER_SECONDS)).header('cache-control', 'no-store').send();
      }
      return reply.headers(headers).type('image/png').send(drawn);
    },
  );
};

/** What the card of a published article shows today: its headline, its section's name (as its page names it) and the site's. */
async function currentCardContent(store: Store, site: SiteInfo, articleId: number): Promise<ShareCardContent | null> {
  const article = await store.articles.findById(articleId);
  if (!article || article.status !== 'published') return null;
  const section = await store.sections.find(article.section);
  return { headline: article.headline, sectionName: section?.name ?? article.section, brand: site.name };
}

import type { FastifyPluginAsync } from 'fastify';
import { isImageKey, NotFoundError, parseVariantFile } from '../../domain/index.ts';
import type { Store } from '../../store/index.ts';
import { matchesIfNoneMatch } from '../pageCache.ts';

/** An image's address is derived from its bytes and recipe (domain/image.ts): it never changes content. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const CONTENT_TYPE = { webp: 'image/webp', jpeg: 'image/jpeg' } as const;

/**
 * /media/images/<key>/<width>.webp|jpg, and the full-size /media/images/<key>/<width>x<height>.jpg that pages
 * store as the image's address: the variants newsroom/images made, read from the store.
 */
export const mediaRoutes: FastifyPluginAsync<{ store: Store }> = async (app, { store }) => {
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
};

import type { FastifyPluginAsync } from 'fastify';
import { isSlug, NotFoundError } from '../../domain/index.ts';
import { BEACON_PATH, BEACON_SCRIPT } from '../assets/beacon.ts';
import { iconSvg, logoSvg } from '../assets/logo.ts';
import { placeholderSvg } from '../assets/placeholder.ts';
import { STYLESHEET_BODY, STYLESHEET_ETAG, STYLESHEET_HASH, STYLESHEET_PATH } from '../assets/stylesheet.ts';
import { etagOf, matchesIfNoneMatch } from '../pageCache.ts';
import { ICON_PATH, LOGO_PATH } from '../views/structuredData.ts';

/** A versioned URL never changes content, so it may be kept for a year and never revalidated. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** An unversioned or stale-versioned request gets today's CSS, but only briefly: the next deploy may change it. */
const SHORT = 'public, max-age=300';
/** Placeholders and the logo depend only on their name and this code: a day is safe, a deploy rarely changes them. */
const PLACEHOLDER_CACHE = 'public, max-age=86400';

/** The stylesheet, the logo and the placeholder images: static bytes with validators and long cache lifetimes. */
export const assetRoutes: FastifyPluginAsync<{ siteName: string }> = async (app, { siteName }) => {
  const logo = Buffer.from(logoSvg(siteName), 'utf8');
  const logoEtag = etagOf(logo);
  const beacon = Buffer.from(BEACON_SCRIPT, 'utf8');
  const beaconEtag = etagOf(beacon);
  app.get(BEACON_PATH, async (request, reply) => {
    reply.header('cache-control', SHORT).header('etag', beaconEtag);
    if (matchesIfNoneMatch(request.headers['if-none-match'], beaconEtag)) return reply.code(304).send();
    return reply.type('text/javascript; charset=utf-8').send(beacon);
  });
  const icon = Buffer.from(iconSvg(siteName), 'utf8');
  const iconEtag = etagOf(icon);
  app.get(ICON_PATH, async (request, reply) => {
    reply.header('cache-control', PLACEHOLDER_CACHE).header('etag', iconEtag);
    if (matchesIfNoneMatch(request.headers['if-none-match'], iconEtag)) return reply.code(304).send();
    return reply.type('image/svg+xml; charset=utf-8').send(icon);
  });
  // Browsers ask for /favicon.ico whatever the page links; send them to the icon rather than a 404.
  app.get('/favicon.ico', async (_request, reply) => reply.header('cache-control', PLACEHOLDER_CACHE).redirect(ICON_PATH, 301));
  app.get(LOGO_PATH, async (request, reply) => {
    reply.header('cache-control', PLACEHOLDER_CACHE).header('etag', logoEtag);
    if (matchesIfNoneMatch(request.headers['if-none-match'], logoEtag)) return reply.code(304).send();
    return reply.type('image/svg+xml; charset=utf-8').send(logo);
  });

  app.get(
    STYLESHEET_PATH,
    { schema: { querystring: { type: 'object', properties: { v: { type: 'string', maxLength: 64 } } } } },
    async (request, reply) => {
      const { v } = request.query as { v?: string };
      reply.header('cache-control', v === STYLESHEET_HASH ? IMMUTABLE : SHORT).header('etag', STYLESHEET_ETAG);
      if (matchesIfNoneMatch(request.headers['if-none-match'], STYLESHEET_ETAG)) return reply.code(304).send();
      return reply.type('text/css; charset=utf-8').send(STYLESHEET_BODY);
    },
  );

  app.get(
    '/media/placeholder/:name.svg',
    { schema: { params: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] } } },
    async (request, reply) => {
      const { name } = request.params as { name: string };
      if (!isSlug(name)) throw new NotFoundError(`no placeholder for "${name}"`);
      const body = Buffer.from(placeholderSvg(name), 'utf8');
      const etag = etagOf(body);
      reply.header('cache-control', PLACEHOLDER_CACHE).header('etag', etag);
      if (matchesIfNoneMatch(request.headers['if-none-match'], etag)) return reply.code(304).send();
      return reply.type('image/svg+xml; charset=utf-8').send(body);
    },
  );
};

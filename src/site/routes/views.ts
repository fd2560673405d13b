import type { FastifyPluginAsync } from 'fastify';
import { NotFoundError } from '../../domain/index.ts';
import type { Trending } from '../trending/trending.ts';
import type { ViewGate } from '../trending/viewGate.ts';

export function viewBeaconPath(articleId: number): string {
  return `/v/${articleId}`;
}

/**
 * The view beacon's endpoint. It answers 204 whatever it decides, so a client learns nothing by probing; a
 * hit counts only when it comes from one of our pages (its Origin is this site) and the gate lets it through.
 */
export const viewRoutes: FastifyPluginAsync<{ trending: Trending; gate: ViewGate; siteUrl: string }> = async (app, { trending, gate, siteUrl }) => {
  const siteOrigin = new URL(siteUrl).origin;
  app.post('/v/:id', { bodyLimit: 1024 }, async (request, reply) => {
    const { id } = request.params as { id: string };
    if (!/^[1-9]\d{0,15}$/.test(id)) throw new NotFoundError(`no article ${id}`);
    const origin = request.headers.origin;
    const sameSite = origin !== undefined && (origin === siteOrigin || origin === `${request.protocol}://${request.headers.host}`);
    if (sameSite && (await gate.judge({ articleId: Number(id), address: request.ip, userAgent: request.headers['user-agent'] })) === 'counted') {
      trending.count(Number(id));
    }
    return reply.code(204).header('cache-control', 'no-store').send();
  });
};

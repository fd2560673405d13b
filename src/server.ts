import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import type { ContentChanges } from './domain/index.ts';
import type { Store } from './store/index.ts';
import { securityHeaders } from './securityHeaders.ts';
import { registerErrorPages, sitePlugin } from './site/index.ts';

export interface ServerOptions {
  config: Config;
  store: Store;
  /** The app's logger (the CLI's, so all of a process's logs look alike); false silences logs (tests). */
  logger?: FastifyBaseLogger | false;
  /** Announcements of stored articles: the page cache drops its pages on each. */
  changes?: ContentChanges;
}

/**
 * Builds the web app from config and store. It does not listen, so tests drive it with app.inject() and the
 * CLI decides host and port. Closing the app closes nothing it did not open: the caller owns the store.
 */
export async function buildServer({ config, store, logger, changes }: ServerOptions): Promise<FastifyInstance> {
  const headers = securityHeaders({ https: config.siteUrl.startsWith('https://') });
  const app = Fastify({
    ...(logger === false ? { logger: false } : logger ? { loggerInstance: logger } : { logger: { level: config.logLevel } }),
    // Behind a CDN or proxy the client address comes from X-Forwarded-For, but only from proxies we name.
    trustProxy: config.trustProxy,
    // Reader URLs are short; anything longer is a probe, refused before routing.
    routerOptions: { maxParamLength: 200 },
    bodyLimit: 1024 * 1024,
    // The router's own errors (a malformed %-escape, an over-long segment) come before any hook runs: give
    // them the headers and the error pages every other response gets, not Fastify's default JSON.
    frameworkErrors: (error, request, reply) => {
      reply.headers(headers);
      reply.server.errorHandler(error, request, reply);
    },
  });

  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
  registerErrorPages(app, config.siteName);
  await app.register(sitePlugin, { store, config, ...(changes && { changes }) });
  return app;
}

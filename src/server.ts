import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import type { ContentChanges } from './domain/index.ts';
import type { Store } from './store/index.ts';
import { headersFor, securityHeaders } from './securityHeaders.ts';
import { clientErrorAnswer } from './site/clientErrors.ts';
import { registerErrorPages, sitePlugin } from './site/index.ts';
import { CSP_REPORT_PATH, cspReportRoutes } from './site/routes/cspReports.ts';
import { newsroomPlugin } from './newsroom/index.ts';
import { localContentChanges } from './store/index.ts';

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
  // Built once; each response takes the http or the https map by its own scheme (see headersFor).
  const headers = securityHeaders({ reportPath: CSP_REPORT_PATH });
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
      // Fastify hands these a request that does not consult trustProxy, so only the socket tells the scheme:
      // behind a TLS proxy such a page goes without HSTS, which every other page of the site carries.
      reply.headers(headersFor(headers, request.protocol));
      reply.server.errorHandler(error, request, reply);
    },
    // Requests Node's parser refuses (a 100 KB URL, a stalled request) never reach Fastify: they get the site's
    // page straight on the socket, not Fastify's JSON.
    clientErrorHandler: clientErrorAnswer(config.siteName, (https) => (https ? headers.https : headers.http)),
  });

  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(headersFor(headers, request.protocol));
    done();
  });
  registerErrorPages(app, config.siteName);
  await app.register(cspReportRoutes);
  const announced = changes ?? localContentChanges();
  await app.register(sitePlugin, { store, config, changes: announced });
  await app.register(newsroomPlugin, { prefix: '/newsroom', store, config, changes: announced });
  return app;
}

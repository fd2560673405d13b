import { randomBytes } from 'node:crypto';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { Config } from '../../config.ts';
import type { Actor, ContentChanges, User } from '../../domain/index.ts';
import { allowedOrigins, isSameOriginPost } from '../../site/index.ts';
import type { Store } from '../../store/index.ts';
import { NEWSROOM_CSS_BODY, NEWSROOM_CSS_HASH, NEWSROOM_CSS_PATH } from '../views/newsroomCss.ts';
import { NewsroomLayout } from '../views/NewsroomLayout.tsx';
import { articleRoutes } from './articleRoutes.tsx';
import { authRoutes } from './authRoutes.tsx';
import { deskRoutes } from './deskRoutes.tsx';
import { revisionRoutes } from './revisionRoutes.tsx';
import { adminRoutes } from './adminRoutes.tsx';
import { cookieNames, FormTokens, sessionIdHashOf } from './session.ts';
import { currentSession } from '../commands/people/index.ts';
import { openPeopleContext } from '../peopleRuntime.ts';
import { sendPage } from './respond.ts';

export interface NewsroomOptions {
  store: Store;
  config: Pick<Config, 'siteName' | 'siteUrl' | 'secret' | 'newsroom' | 'publishRules' | 'redisUrl' | 'redisPrefix'>;
  changes: ContentChanges;
}

/** Who is asking, as every newsroom route sees it. */
export interface NewsroomVisit {
  user: User | null;
  actor: Actor | null;
  sessionIdHash: string | null;
  /** The token the page's forms carry. */
  csrf: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    newsroom: NewsroomVisit;
  }
}

/**
 * The newsroom, under /newsroom: sign-in and sessions, the desk. Every response is private (no-store) and never
 * indexed; every post must come from this site (Sec-Fetch-Site / Origin) and carry the page's form token, or it
 * is refused with 403 before any route runs.
 */
export const newsroomPlugin: FastifyPluginAsync<NewsroomOptions> = async (app, options) => {
  const { config } = options;
  const names = cookieNames(config.siteUrl);
  // A server built without a secret (tests, tools) still signs its form tokens, with a key of its own: tokens
  // then hold for this process only, which is all such a server has. `serve` always has the site's secret.
  const tokens = new FormTokens(config.secret || randomBytes(32).toString('hex'));
  const context = openPeopleContext(config, options.store, options.changes, app.log);
  app.addHook('onClose', () => context.close());

  // The stylesheet is the same for everyone and cached anywhere: outside the session's hooks (no cookie, no
  // lookup) and outside no-store.
  app.get(NEWSROOM_CSS_PATH.replace('/newsroom', ''), async (_request, reply) =>
    reply
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('etag', `"${NEWSROOM_CSS_HASH}"`)
      .type('text/css; charset=utf-8')
      .send(NEWSROOM_CSS_BODY),
  );

  // Everything else: private, and run as the person the session cookie names.
  await app.register(async (scoped) => {
    await scoped.register(cookie);
    await scoped.register(formbody, { bodyLimit: 1024 * 1024 });
    scoped.decorateRequest('newsroom', null as unknown as NewsroomVisit);

    scoped.addHook('onRequest', async (_request, reply) => {
      reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex, nofollow');
    });

    scoped.addHook('preHandler', async (request, reply) => {
      const sessionIdHash = sessionIdHashOf(request, names);
      const found = sessionIdHash === null ? null : await currentSession(context, sessionIdHash);
      const signedIn = found ? sessionIdHash : null;
      request.newsroom = {
        user: found?.user ?? null,
        actor: found ? { kind: 'person', user: found.user } : null,
        sessionIdHash: signedIn,
        csrf: signedIn ? tokens.forSession(signedIn) : tokens.forVisitor(request, reply, names),
      };
      if (request.method === 'POST' && !postIsGenuine(request, signedIn)) {
        return sendPage(reply, refusedPage(config.siteName, request.newsroom), 403);
      }
    });

    function postIsGenuine(request: FastifyRequest, sessionIdHash: string | null): boolean {
      if (!isSameOriginPost(request.headers, allowedOrigins(config.siteUrl, request))) return false;
      const given = (request.body as Record<string, unknown> | undefined)?._csrf;
      return tokens.matches(request, names, sessionIdHash, given);
    }

    await scoped.register(authRoutes, { context, names });
    await scoped.register(deskRoutes, { store: options.store, siteName: config.siteName });
    await scoped.register(articleRoutes, { store: options.store, config, changes: options.changes });
    await scoped.register(revisionRoutes, { context, siteName: config.siteName });
    await scoped.register(adminRoutes, { context, siteName: config.siteName });
  });
};

function refusedPage(siteName: string, visit: NewsroomVisit): VNode {
  return (
    <NewsroomLayout siteName={siteName} user={visit.user} csrf={visit.csrf} title="Form refused">
      <h1>This form could not be accepted</h1>
      <p>It was sent from another site, or the page it came from is too old. Go back, reload the page and try again.</p>
    </NewsroomLayout>
  );
}

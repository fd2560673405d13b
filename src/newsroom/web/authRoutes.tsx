import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { ThrottledError, ValidationError } from '../../domain/index.ts';
import {
  completeSetup,
  findOpenLink,
  needsEmail,
  requestPasswordReset,
  resetPassword,
  signIn,
  signOut,
  signOutEverywhere,
  type PeopleContext,
} from '../commands/people/index.ts';
import { ForgotPage, LinkGonePage, PasswordPage, SignInPage } from '../views/AuthPages.tsx';
import { sendPage } from './respond.ts';
import { clearSessionCookie, setSessionCookie, type CookieNames } from './session.ts';

const Token = Type.Optional(Type.String({ maxLength: 200 }));
const Email = Type.String({ maxLength: 320 });
const Password = Type.String({ maxLength: 1024 });
const LinkParams = Type.Object({ token: Type.String({ maxLength: 100 }) });

/** Where sign-in may send someone back to: a newsroom page of this site, nothing else (no open redirect). */
function safeNext(next: string | undefined): string | null {
  return next && /^\/newsroom(\/[\w\-/.?=&%]*)?$/.test(next) && !next.startsWith('//') ? next : null;
}

/** A refusal a person can act on goes back to them on the form; anything else is the error pages' to answer. */
function problemOf(error: unknown): { message: string; status: number } {
  if (error instanceof ThrottledError) return { message: error.message, status: 429 };
  if (error instanceof ValidationError) return { message: error.message, status: 400 };
  throw error;
}

export const authRoutes: FastifyPluginAsync<{ context: PeopleContext; names: CookieNames }> = async (plugin, { context, names }) => {
  const app = plugin.withTypeProvider<TypeBoxTypeProvider>();
  const siteName = context.auth.siteName;
  const chrome = (request: FastifyRequest) => ({ siteName, user: request.newsroom.user, csrf: request.newsroom.csrf });
  const clientOf = (request: FastifyRequest) => ({ address: request.ip, userAgent: request.headers['user-agent']?.slice(0, 300) ?? null });

  const startSession = async (request: FastifyRequest, reply: FastifyReply, email: string, password: string, next: string | null) => {
    const { sessionId } = await signIn(context, { email, password, ...clientOf(request) });
    setSessionCookie(reply, names, sessionId);
    return reply.redirect(next ?? '/newsroom', 303);
  };

  app.get('/sign-in', { schema: { querystring: Type.Object({ next: Type.Optional(Type.String({ maxLength: 500 })), done: Type.Optional(Type.String({ maxLength: 20 })) }) } }, async (request, reply) => {
    if (request.newsroom.user) return reply.redirect('/newsroom', 303);
    const notice = request.query.done === 'signed-out' ? 'You are signed out.' : request.query.done === 'password' ? 'Your new password is set. Sign in with it.' : null;
    return sendPage(reply, <SignInPage {...chrome(request)} email="" next={safeNext(request.query.next)} notice={notice} />);
  });

  app.post('/sign-in', { schema: { body: Type.Object({ _csrf: Token, email: Email, password: Password, next: Type.Optional(Type.String({ maxLength: 500 })) }) } }, async (request, reply) => {
    const { email, password } = request.body;
    const next = safeNext(request.body.next);
    try {
      return await startSession(request, reply, email, password, next);
    } catch (error) {
      const { message, status } = problemOf(error);
      return sendPage(reply, <SignInPage {...chrome(request)} email={email} next={next} problem={message} />, status);
    }
  });

  app.post('/sign-out', { schema: { body: Type.Object({ _csrf: Token }) } }, async (request, reply) => {
    if (request.newsroom.sessionIdHash) await signOut(context, request.newsroom.sessionIdHash, request.ip);
    clearSessionCookie(reply, names);
    return reply.redirect('/newsroom/sign-in?done=signed-out', 303);
  });

  app.post('/sign-out-everywhere', { schema: { body: Type.Object({ _csrf: Token }) } }, async (request, reply) => {
    const { actor } = request.newsroom;
    if (actor) await signOutEverywhere(context, { actor, address: request.ip });
    clearSessionCookie(reply, names);
    return reply.redirect('/newsroom/sign-in?done=signed-out', 303);
  });

  app.get('/forgot', async (request, reply) => sendPage(reply, <ForgotPage {...chrome(request)} email="" />));

  app.post('/forgot', { schema: { body: Type.Object({ _csrf: Token, email: Email }) } }, async (request, reply) => {
    const { email } = request.body;
    try {
      await requestPasswordReset(context, { email, address: request.ip });
    } catch (error) {
      const { message, status } = problemOf(error);
      return sendPage(reply, <ForgotPage {...chrome(request)} email={email} problem={message} />, status);
    }
    // The same words whether or not the address has an account: the form tells nobody who works here.
    const notice = 'If that address belongs to an account, a link to choose a new password is on its way. It works once, for an hour.';
    return sendPage(reply, <ForgotPage {...chrome(request)} email="" notice={notice} />);
  });

  for (const purpose of ['setup', 'reset'] as const) {
    /** The open link's person, or null: unknown, used and expired links all read the same. */
    const holder = async (token: string) => (await findOpenLink(context, purpose, token))?.user ?? null;
    const form = (request: FastifyRequest, token: string, user: { name: string; email: string }, problem?: string) => {
      const placeholder = needsEmail(user);
      return (
        <PasswordPage
          {...chrome(request)}
          purpose={purpose}
          token={token}
          name={user.name}
          email={placeholder ? '' : user.email}
          emailEditable={placeholder}
          problem={problem ?? null}
        />
      );
    };

    app.get(`/${purpose}/:token`, { schema: { params: LinkParams } }, async (request, reply) => {
      const user = await holder(request.params.token);
      if (!user) return sendPage(reply, <LinkGonePage {...chrome(request)} purpose={purpose} />, 410);
      return sendPage(reply, form(request, request.params.token, user));
    });

    app.post(
      `/${purpose}/:token`,
      { schema: { params: LinkParams, body: Type.Object({ _csrf: Token, name: Type.Optional(Type.String({ maxLength: 200 })), email: Type.Optional(Email), password: Password, confirm: Password }) } },
      async (request, reply) => {
        const { token } = request.params;
        const user = await holder(token);
        if (!user) return sendPage(reply, <LinkGonePage {...chrome(request)} purpose={purpose} />, 410);
        const { password, confirm } = request.body;
        const typed = { name: request.body.name ?? user.name, email: request.body.email ?? user.email };
        if (password !== confirm) return sendPage(reply, form(request, token, typed, 'The two passwords differ. Type the same one twice.'), 400);
        try {
          if (purpose === 'setup') {
            const done = await completeSetup(context, { token, name: typed.name, email: typed.email, password, address: request.ip });
            return await startSession(request, reply, done.email, password, null);
          }
          await resetPassword(context, { token, password, address: request.ip });
          return reply.redirect('/newsroom/sign-in?done=password', 303);
        } catch (error) {
          const { message, status } = problemOf(error);
          return sendPage(reply, form(request, token, typed, message), status);
        }
      },
    );
  }
};

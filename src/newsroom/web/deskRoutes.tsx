import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '../../store/index.ts';
import { DeskPage } from '../views/DeskPage.tsx';
import { deskLists } from './desk.ts';
import { sendPage } from './respond.ts';

/** A page for signed-in people only: anyone else is sent to sign in, and brought back here after. */
export function requireSignIn(request: FastifyRequest, reply: FastifyReply): boolean {
  if (request.newsroom.user) return true;
  void reply.redirect(`/newsroom/sign-in?next=${encodeURIComponent(request.url)}`, 303);
  return false;
}

export const deskRoutes: FastifyPluginAsync<{ store: Store; siteName: string }> = async (app, { store, siteName }) => {
  app.get('/', async (request, reply) => {
    if (!requireSignIn(request, reply)) return reply;
    const { user, actor, csrf } = request.newsroom;
    const lists = await deskLists(store, actor!, user!.id);
    return sendPage(reply, <DeskPage siteName={siteName} user={user} csrf={csrf} lists={lists} />);
  });
};

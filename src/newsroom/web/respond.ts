import type { FastifyReply } from 'fastify';
import type { VNode } from 'preact';
import { renderDocument } from '../../site/index.ts';

/** A page as a newsroom response (the plugin's hooks have made it private and unindexed already). */
export function sendPage(reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(renderDocument(page));
}

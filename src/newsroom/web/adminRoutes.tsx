import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { ConflictError, ForbiddenError, ValidationError } from '../../domain/index.ts';
import type { AuditQuery } from '../../store/index.ts';
import { nowOf } from '../commands/context.ts';
import { addUser, changeRole, createResetLink, setUserDisabled, type PeopleContext } from '../commands/people/index.ts';
import { can, type DeskAction } from '../policy.ts';
import { AuditPage, type AuditFilters } from '../views/AuditPage.tsx';
import { NO_INVITE, PeoplePage, type HandedLink, type InviteValues } from '../views/PeoplePage.tsx';
import { requireSignIn } from './deskRoutes.tsx';
import { sendPage } from './respond.ts';

/** Fifty entries a page: a screenful to scan, few enough to render at once. */
const AUDIT_PAGE_SIZE = 50;
const MAX_AUDIT_PAGE = 1_000_000;
const DAY_MS = 86_400_000;

const Token = Type.Optional(Type.String({ maxLength: 200 }));
const Day = Type.Optional(Type.String({ pattern: '^(\\d{4}-\\d{2}-\\d{2})?$' }));
const UserParams = Type.Object({ userId: Type.Integer({ minimum: 1, maximum: 2 ** 31 - 1 }) });
const AuditQueryString = Type.Object({
  action: Type.Optional(Type.String({ maxLength: 100 })),
  actor: Type.Optional(Type.String({ pattern: '^\\d{0,10}$' })),
  targetType: Type.Optional(Type.Union([Type.Literal(''), Type.Literal('article'), Type.Literal('user')])),
  target: Type.Optional(Type.String({ maxLength: 100 })),
  since: Day,
  until: Day,
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_AUDIT_PAGE })),
});

/** What the store is asked for: each filter given, `until` taken as the whole of that day. */
export function auditQueryOf(filters: AuditFilters): Omit<AuditQuery, 'limit' | 'offset'> {
  const query: Omit<AuditQuery, 'limit' | 'offset'> = {};
  if (filters.action) query.action = filters.action;
  if (filters.actor) query.actorId = Number(filters.actor);
  if (filters.targetType) query.targetType = filters.targetType;
  if (filters.target.trim()) query.targetId = filters.target.trim();
  if (filters.since) query.since = `${filters.since}T00:00:00Z`;
  if (filters.until) {
    const end = new Date(`${filters.until}T00:00:00Z`);
    if (Number.isNaN(end.getTime())) throw new ValidationError(`"${filters.until}" is not a date.`);
    query.until = new Date(end.getTime() + DAY_MS).toISOString();
  }
  return query;
}

/** A refusal the admin can act on (last admin, a taken address, a bad role): shown on the form, 400. */
function refusalOf(error: unknown): string {
  if (error instanceof ValidationError || error instanceof ConflictError) return error.message;
  throw error;
}

/** The audit log and the people page: for admins (the policy's read_audit and manage_people). */
export const adminRoutes: FastifyPluginAsync<{ context: PeopleContext; siteName: string }> = async (plugin, { context, siteName }) => {
  const app = plugin.withTypeProvider<TypeBoxTypeProvider>();
  const { store } = context;
  const chrome = (request: FastifyRequest) => ({ siteName, user: request.newsroom.user, csrf: request.newsroom.csrf });
  const actingOf = (request: FastifyRequest) => ({ actor: request.newsroom.actor!, address: request.ip });

  /** Signed in and allowed `action`, or the answer already given (sign in, or 403). */
  function allowed(request: FastifyRequest, reply: FastifyReply, action: DeskAction): boolean {
    if (!requireSignIn(request, reply)) return false;
    if (!can(request.newsroom.actor!, action)) throw new ForbiddenError(action === 'read_audit' ? 'Only admins may read the audit log.' : 'Only admins may manage people.');
    return true;
  }

  app.get('/audit', { schema: { querystring: AuditQueryString } }, async (request, reply) => {
    if (!allowed(request, reply, 'read_audit')) return reply;
    const { query } = request;
    const filters: AuditFilters = {
      action: query.action ?? '',
      actor: query.actor ?? '',
      targetType: query.targetType ?? '',
      target: query.target ?? '',
      since: query.since ?? '',
      until: query.until ?? '',
    };
    const page = query.page ?? 1;
    const asked = auditQueryOf(filters);
    const [entries, total, actions, people] = await Promise.all([
      store.audit.list({ ...asked, limit: AUDIT_PAGE_SIZE, offset: (page - 1) * AUDIT_PAGE_SIZE }),
      store.audit.count(asked),
      store.audit.actions(),
      store.users.list(),
    ]);
    return sendPage(
      reply,
      <AuditPage {...chrome(request)} filters={filters} entries={entries} total={total} page={page} pageSize={AUDIT_PAGE_SIZE} actions={actions} people={people} />,
    );
  });

  /** The people page, with whatever this request has to say on it. */
  async function peoplePage(request: FastifyRequest, reply: FastifyReply, extra: { handed?: HandedLink; invite?: InviteValues; problem?: string; notice?: string | null }, status = 200) {
    const now = nowOf(context).toISOString();
    const [people, setups, resets] = await Promise.all([store.users.list(), store.oneTimeTokens.listOpen('setup', now), store.oneTimeTokens.listOpen('reset', now)]);
    const byId = new Map(people.map((person) => [person.id, person]));
    const pendingResets = resets.flatMap((reset) => {
      const person = byId.get(reset.userId);
      return person ? [{ name: person.name, email: person.email, createdAt: reset.createdAt, expiresAt: reset.expiresAt }] : [];
    });
    const openSetups = new Map(setups.map((setup) => [setup.userId, setup.expiresAt]));
    const page = <PeoplePage {...chrome(request)} people={people} openSetups={openSetups} pendingResets={pendingResets} {...extra} invite={extra.invite ?? NO_INVITE} />;
    return sendPage(reply, page, status);
  }

  const DONE = { role: 'The role is changed; their sessions have ended, so the new role applies from their next sign-in.', disabled: 'They are disabled: their sessions and open links have ended.', enabled: 'They are enabled again.' } as const;

  app.get('/people', { schema: { querystring: Type.Object({ done: Type.Optional(Type.Union([Type.Literal('role'), Type.Literal('disabled'), Type.Literal('enabled')])) }) } }, async (request, reply) => {
    if (!allowed(request, reply, 'manage_people')) return reply;
    const { done } = request.query;
    return peoplePage(request, reply, { notice: done ? DONE[done] : null });
  });

  app.post(
    '/people/invite',
    { schema: { body: Type.Object({ _csrf: Token, email: Type.String({ maxLength: 320 }), name: Type.String({ maxLength: 200 }), role: Type.String({ maxLength: 40 }) }) } },
    async (request, reply) => {
      if (!allowed(request, reply, 'manage_people')) return reply;
      const { email, name, role } = request.body;
      try {
        const invited = await addUser(context, actingOf(request), { email, name, role });
        const handed: HandedLink = { name: invited.user.name, purpose: 'setup', link: invited.link, expiresAt: invited.expiresAt.toISOString(), mailed: invited.mailed };
        return await peoplePage(request, reply, { handed, notice: `${invited.user.name} is invited as ${invited.user.role}.` });
      } catch (error) {
        return peoplePage(request, reply, { invite: { email, name, role }, problem: refusalOf(error) }, 400);
      }
    },
  );

  app.post('/people/:userId/role', { schema: { params: UserParams, body: Type.Object({ _csrf: Token, role: Type.String({ maxLength: 40 }) }) } }, async (request, reply) => {
    if (!allowed(request, reply, 'manage_people')) return reply;
    try {
      await changeRole(context, actingOf(request), request.params.userId, request.body.role);
    } catch (error) {
      return peoplePage(request, reply, { problem: refusalOf(error) }, 400);
    }
    return reply.redirect('/newsroom/people?done=role', 303);
  });

  app.post(
    '/people/:userId/disabled',
    { schema: { params: UserParams, body: Type.Object({ _csrf: Token, disabled: Type.Union([Type.Literal('1'), Type.Literal('0')]) }) } },
    async (request, reply) => {
      if (!allowed(request, reply, 'manage_people')) return reply;
      const disabled = request.body.disabled === '1';
      try {
        await setUserDisabled(context, actingOf(request), request.params.userId, disabled);
      } catch (error) {
        return peoplePage(request, reply, { problem: refusalOf(error) }, 400);
      }
      return reply.redirect(`/newsroom/people?done=${disabled ? 'disabled' : 'enabled'}`, 303);
    },
  );

  app.post('/people/:userId/reset-link', { schema: { params: UserParams, body: Type.Object({ _csrf: Token }) } }, async (request, reply) => {
    if (!allowed(request, reply, 'manage_people')) return reply;
    try {
      const made = await createResetLink(context, actingOf(request), request.params.userId);
      const handed: HandedLink = { name: made.user.name, purpose: made.purpose, link: made.link, expiresAt: made.expiresAt.toISOString() };
      return await peoplePage(request, reply, { handed });
    } catch (error) {
      return peoplePage(request, reply, { problem: refusalOf(error) }, 400);
    }
  });
};

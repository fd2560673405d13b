/**
 * The people of the newsroom and who acts when something changes. Roles are ordered by what they may do; what
 * each may do exactly is the policy's to say (src/newsroom/policy.ts), never a role comparison elsewhere.
 */

export type Role = 'contributor' | 'writer' | 'editor' | 'admin';

export const ROLES: readonly Role[] = ['contributor', 'writer', 'editor', 'admin'];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export interface User {
  id: number;
  /** Lower case; unique. */
  email: string;
  /** How the person is shown: bylines, audit entries, revision lists. */
  name: string;
  role: Role;
  /** A disabled person cannot sign in and has no sessions; their work and history stay. */
  disabled: boolean;
  /** Null until the person has set a password through their one-time link. */
  passwordSetAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The programs that change things on nobody's behalf in particular; each is named in the audit log. */
export type SystemActorName = 'cli' | 'ingest' | 'scheduler';

/**
 * Who is doing something: a signed-in person, or a named system actor (the operator's CLI, feed ingest, the
 * scheduler). Commands take one, ask the policy about it and record it in the audit log.
 */
export type Actor =
  | { kind: 'person'; user: User }
  | { kind: 'system'; name: SystemActorName; role: Role };

/**
 * The system actors and the role each acts with: the CLI is the operator of the machine (an admin); ingest and
 * the scheduler publish what an editor set up (a feed marked --publish, a scheduled article), so editors.
 */
export const SYSTEM_ACTORS: Readonly<Record<SystemActorName, Actor>> = {
  cli: { kind: 'system', name: 'cli', role: 'admin' },
  ingest: { kind: 'system', name: 'ingest', role: 'editor' },
  scheduler: { kind: 'system', name: 'scheduler', role: 'editor' },
};

export function actorRole(actor: Actor): Role {
  return actor.kind === 'person' ? actor.user.role : actor.role;
}

/** The user id behind an actor; null for system actors. */
export function actorUserId(actor: Actor): number | null {
  return actor.kind === 'person' ? actor.user.id : null;
}

/** How an actor is named in the audit log and revision lists: "Ada Lovelace <ada@example.org>", "system: cli". */
export function actorLabel(actor: Actor): string {
  return actor.kind === 'person' ? `${actor.user.name} <${actor.user.email}>` : `system: ${actor.name}`;
}

/** What the audit log records: who did what to what, when, and from where. */
export interface AuditEntry {
  id: number;
  at: string;
  actorId: number | null;
  actorLabel: string;
  /** Dotted, past tense: "article.published", "user.role_changed", "session.sign_in_failed". */
  action: string;
  targetType: 'article' | 'user' | 'session' | 'feed' | 'section' | 'setting' | null;
  targetId: string | null;
  /** What changed, for people reading the log: { from: 'draft', to: 'published' }, { role: 'editor' }. */
  details: Record<string, unknown>;
  /** The client address of a web request; null for the CLI and background work. */
  address: string | null;
}

export type NewAuditEntry = Omit<AuditEntry, 'id'>;

/** What a one-time link is for: setting a first password (the first admin, an invited person), or a reset. */
export type OneTimePurpose = 'setup' | 'reset';

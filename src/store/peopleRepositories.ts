import type { AuditEntry, NewAuditEntry, OneTimePurpose, Role, User } from '../domain/index.ts';

/**
 * The newsroom's people as the store keeps them: users, their sessions, one-time links, the audit log and
 * sign-in failure counters. These repositories only persist; what is allowed, and when, is decided elsewhere.
 * Every time given is written as ISO-8601 UTC text (`toUtcIso`), so text order is time order.
 */

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  createdAt: string;
}

export interface UserRepository {
  /** Adds a person (no password yet, not disabled); the email is trimmed and lower-cased; a taken one is a ConflictError. */
  insert(user: NewUser): Promise<User>;
  findById(id: number): Promise<User | undefined>;
  /** Case-insensitive and blind to surrounding space: addresses are stored trimmed and lower-cased. */
  findByEmail(email: string): Promise<User | undefined>;
  /** The stored password hash; null when the person has none yet, or there is no such person. */
  passwordHash(id: number): Promise<string | null>;
  /** Stores a new password hash, with password_set_at and updated_at `at`; a NotFoundError when there is no such person. */
  setPassword(id: number, hash: string, at: string): Promise<void>;
  /** Changes the role (updated_at `at`); a NotFoundError when there is no such person. */
  setRole(id: number, role: Role, at: string): Promise<User>;
  /** Disables (disabled_at `at`) or re-enables (disabled_at null), updated_at `at`; a NotFoundError when there is no such person. */
  setDisabled(id: number, disabled: boolean, at: string): Promise<User>;
  /** Renames (updated_at `at`); a NotFoundError when there is no such person. */
  /** Trimmed and lower-cased like insert; a taken address → ConflictError. */
  setEmail(id: number, email: string, at: string): Promise<User>;
  setName(id: number, name: string, at: string): Promise<User>;
  /** Everyone, disabled or not, by name, then id. */
  list(): Promise<User[]>;
  count(): Promise<number>;
  /** People with the admin role who are not disabled: the last one must not be demoted or disabled. */
  countActiveAdmins(): Promise<number>;
}

export interface NewSession {
  idHash: string;
  userId: number;
  createdAt: string;
  expiresAt: string;
  address: string | null;
  userAgent: string | null;
}

export interface StoredSession {
  idHash: string;
  userId: number;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  address: string | null;
  userAgent: string | null;
}

export interface SessionRepository {
  /** Stores a new session, last seen at its creation; a ConflictError when the id hash exists already. */
  insert(session: NewSession): Promise<void>;
  /**
   * The hot path of every newsroom request: session and its user in one query. Returned as stored, expired or
   * not and the user disabled or not: whether it still signs anyone in is the caller's to decide.
   */
  findWithUser(idHash: string): Promise<{ session: StoredSession; user: User } | undefined>;
  /** Sets last_seen_at to `at`; nothing when there is no such session. */
  touch(idHash: string, at: string): Promise<void>;
  /** Removes the session; nothing when there is none. */
  delete(idHash: string): Promise<void>;
  /** Removes every session of the user except `exceptIdHash` (the one in use); returns how many went. */
  deleteForUser(userId: number, exceptIdHash?: string): Promise<number>;
  /** The user's sessions, newest first (created_at desc). */
  listForUser(userId: number): Promise<StoredSession[]>;
  /**
   * Removes sessions past their absolute end (expires_at at or before `now`) or idle since before `idleBefore`
   * (last_seen_at earlier than it); returns how many went.
   */
  deleteExpired(now: string, idleBefore: string): Promise<number>;
}

export interface NewOneTimeToken {
  tokenHash: string;
  userId: number;
  purpose: OneTimePurpose;
  createdAt: string;
  expiresAt: string;
}

/** A token is open while it is unused and `now` is before its expires_at. */
export interface OneTimeTokenRepository {
  /** Stores a new, unused token; a ConflictError when the hash exists already. */
  insert(token: NewOneTimeToken): Promise<void>;
  /** The token's user if it is unused and unexpired (for showing the form), without using it. */
  peek(tokenHash: string, purpose: OneTimePurpose, now: string): Promise<{ userId: number; expiresAt: string } | undefined>;
  /** Uses the token, atomically (one conditional UPDATE … RETURNING): a second consume of the same token gets undefined. */
  consume(tokenHash: string, purpose: OneTimePurpose, now: string): Promise<{ userId: number } | undefined>;
  /** Marks every open token of the user for this purpose used (a new link replaces older ones). */
  revokeForUser(userId: number, purpose: OneTimePurpose, now: string): Promise<void>;
  /**
   * Users with an open (unused, unexpired) token of this purpose, newest first: admins see pending resets. One
   * line per user, for their newest open token.
   */
  listOpen(purpose: OneTimePurpose, now: string): Promise<{ userId: number; createdAt: string; expiresAt: string }[]>;
}

export interface AuditQuery {
  /** Exactly this action, or, ending in '.' (like 'article.'), every action starting with it. */
  action?: string;
  actorId?: number;
  targetType?: string;
  targetId?: string;
  /** Entries at or after this time. */
  since?: string;
  /** Entries before this time (the range is half-open). */
  until?: string;
  limit: number;
  offset: number;
}

export interface AuditRepository {
  /** Appends an entry, details stored as JSON; returns its id. */
  record(entry: NewAuditEntry): Promise<number>;
  /** Entries matching every filter given, newest first (at desc, id desc), a page of `limit` from `offset`. */
  list(query: AuditQuery): Promise<AuditEntry[]>;
  /** How many entries `list` would page through with the same filters. */
  count(query: Omit<AuditQuery, 'limit' | 'offset'>): Promise<number>;
  /** Distinct actions, sorted (for the filter menu). */
  actions(): Promise<string[]>;
}

export interface FailurePolicy {
  windowSeconds: number;
  maxFailures: number;
  lockSeconds: number;
}

export interface AuthFailureRepository {
  /**
   * Counts one failure for `key` in the current window (a window that began windowSeconds or more before `now`
   * starts over at `now`); from maxFailures on, sets locked_until = now + lockSeconds (a lock still running is
   * otherwise kept). Returns the count and the lock. Safe under concurrent calls (one upsert, ON CONFLICT).
   */
  recordFailure(key: string, now: string, policy: FailurePolicy): Promise<{ failures: number; lockedUntil: string | null }>;
  /** The latest locked_until after `now` among the keys, or null. */
  lockedUntil(keys: string[], now: string): Promise<string | null>;
  /** Forgets the key's failures and lock (after a successful sign-in). */
  clear(key: string): Promise<void>;
}

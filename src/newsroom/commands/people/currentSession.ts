import type { User } from '../../../domain/index.ts';
import type { StoredSession } from '../../../store/index.ts';
import { nowOf } from '../context.ts';
import { minutesAfter, type PeopleContext } from './context.ts';

/**
 * How stale last-seen may get before a request writes it: a minute, so that reading pages is not a write each, at
 * the cost of an idle session ending up to a minute early.
 */
export const LAST_SEEN_RESOLUTION_MS = 60_000;

/**
 * Who a session cookie signs in, on every newsroom request: the session and its person, or null when there is no
 * such session, it has been idle too long or reached its absolute end (it is then deleted), or its person is
 * disabled.
 */
export async function currentSession(
  context: Pick<PeopleContext, 'store' | 'auth' | 'now'>,
  sessionIdHash: string,
): Promise<{ user: User; session: StoredSession } | null> {
  const found = await context.store.sessions.findWithUser(sessionIdHash);
  if (!found) return null;
  const now = nowOf(context);
  const { session, user } = found;
  const lastSeen = new Date(session.lastSeenAt);
  const idleEnd = minutesAfter(lastSeen, context.auth.sessionIdleMinutes);
  if (now >= new Date(session.expiresAt) || now >= idleEnd || user.disabled) {
    await context.store.sessions.delete(sessionIdHash);
    return null;
  }
  if (now.getTime() - lastSeen.getTime() < LAST_SEEN_RESOLUTION_MS) return { user, session };
  await context.store.sessions.touch(sessionIdHash, now.toISOString());
  return { user, session: { ...session, lastSeenAt: now.toISOString() } };
}

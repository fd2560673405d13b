import { ValidationError } from '../../../domain/index.ts';
import { audit } from '../audit.ts';
import { nowOf, type Acting, type CommandContext } from '../context.ts';
import { asPerson } from './auditing.ts';

/** Ends one session (the one whose cookie was sent); nothing when it has already ended. */
export async function signOut(context: CommandContext, sessionIdHash: string, address: string | null = null): Promise<void> {
  const now = nowOf(context);
  const found = await context.store.sessions.findWithUser(sessionIdHash);
  if (!found) return;
  await context.store.transaction(async (store) => {
    await store.sessions.delete(sessionIdHash);
    await audit(store, asPerson(found.user, address), now, { action: 'session.signed_out', targetType: 'user', targetId: found.user.id });
  });
}

/**
 * Ends every session of the acting person, this one included: on every device they must sign in again (after a lost
 * phone, say). Returns how many ended.
 */
export async function signOutEverywhere(context: CommandContext, acting: Acting): Promise<number> {
  if (acting.actor.kind !== 'person') throw new ValidationError('Only a person who signed in has sessions to end.');
  const user = acting.actor.user;
  const now = nowOf(context);
  return context.store.transaction(async (store) => {
    const sessionsEnded = await store.sessions.deleteForUser(user.id);
    await audit(store, acting, now, { action: 'session.signed_out_everywhere', targetType: 'user', targetId: user.id, details: { sessionsEnded } });
    return sessionsEnded;
  });
}

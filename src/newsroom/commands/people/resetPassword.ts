import { ValidationError, type User } from '../../../domain/index.ts';
import { hashPassword, hashToken, passwordProblems } from '../../auth/index.ts';
import { audit } from '../audit.ts';
import { nowOf } from '../context.ts';
import { asPerson } from './auditing.ts';
import type { PeopleContext } from './context.ts';
import { linkRefused } from './links.ts';
import { signInKeys } from './throttle.ts';

export interface PasswordReset {
  /** The raw token from the reset link. */
  token: string;
  password: string;
  address: string | null;
}

/**
 * A person sets a new password through their reset link. The link works once; a refused password uses nothing up.
 * Every session of theirs ends (whoever may have had the old password is signed out), and their account's failed
 * sign-ins are forgotten, so a lock a guesser caused does not keep them out. They are not signed in by this.
 */
export async function resetPassword(context: PeopleContext, input: PasswordReset): Promise<User> {
  const now = nowOf(context);
  const at = now.toISOString();
  const tokenHash = hashToken(input.token);
  const open = await context.store.oneTimeTokens.peek(tokenHash, 'reset', at);
  const owner = open && (await context.store.users.findById(open.userId));
  if (!owner || owner.disabled) throw linkRefused('reset');
  const problems = passwordProblems(input.password, owner);
  if (problems.length > 0) throw new ValidationError(problems.join(' '));
  // Hashed before the transaction: argon2 takes tens of milliseconds, which no write lock should wait for.
  const passwordHash = await hashPassword(input.password);

  const user = await context.store.transaction(async (store) => {
    const used = await store.oneTimeTokens.consume(tokenHash, 'reset', at);
    const user = used && used.userId === owner.id ? await store.users.findById(used.userId) : undefined;
    if (!user || user.disabled) throw linkRefused('reset');
    await store.users.setPassword(user.id, passwordHash, at);
    await store.oneTimeTokens.revokeForUser(user.id, 'reset', at);
    const sessionsEnded = await store.sessions.deleteForUser(user.id);
    await audit(store, asPerson(user, input.address), now, { action: 'user.password_reset', targetType: 'user', targetId: user.id, details: { sessionsEnded } });
    return (await store.users.findById(user.id))!;
  });
  await context.limiter.succeed(signInKeys(user.email, input.address)[0]);
  return user;
}

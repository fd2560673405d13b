import { ValidationError, type User } from '../../../domain/index.ts';
import { dummyVerify, hashPassword, hashToken, needsRehash, newToken, verifyPassword } from '../../auth/index.ts';
import { audit } from '../audit.ts';
import { nowOf } from '../context.ts';
import { asPerson, auditVisitor } from './auditing.ts';
import { hoursAfter, type PeopleContext } from './context.ts';
import { signInKeys, throttled } from './throttle.ts';

export interface SignInAttempt {
  email: string;
  password: string;
  address: string | null;
  userAgent: string | null;
}

export interface SignedIn {
  /** The raw session id: it goes into the cookie and nowhere else (the store keeps its hash). */
  sessionId: string;
  user: User;
  /** The session's absolute end; it ends sooner when left idle. */
  expiresAt: Date;
}

/**
 * The one refusal for every failed sign-in, whatever failed: no account, a disabled one, one without a password yet,
 * or a wrong password. A different word or a different delay would tell a guesser which addresses have accounts.
 */
export const SIGN_IN_REFUSED = 'That email and password do not match an account.';

/**
 * Signs a person in with their email and password, into a new session with a new random id (never one the browser
 * brought: no session fixation). Failures count against the account and the address; past the policy's limit,
 * both are locked for a while and every attempt is refused unchecked.
 */
export async function signIn(context: PeopleContext, attempt: SignInAttempt): Promise<SignedIn> {
  const now = nowOf(context);
  const email = attempt.email.trim().toLowerCase();
  const keys = signInKeys(email, attempt.address);
  const locked = await context.limiter.lockedFor(keys, now);
  if (locked > 0) {
    await auditVisitor(context.store, attempt.address, now, { action: 'session.locked_out_attempt', targetType: 'session', targetId: null, details: { email } });
    throw throttled('failed sign-ins', locked);
  }

  const found = email === '' ? undefined : await context.store.users.findByEmail(email);
  const storedHash = found && !found.disabled ? await context.store.users.passwordHash(found.id) : null;
  // Without a hash to check, one nobody can match is checked instead, so every refusal takes as long.
  const matches = storedHash === null ? await dummyVerify(attempt.password) : await verifyPassword(storedHash, attempt.password);
  if (!found || storedHash === null || !matches) {
    const lock = await context.limiter.fail(keys, now);
    await context.store.transaction(async (store) => {
      const facts = { targetType: 'user' as const, targetId: found?.id ?? null };
      await auditVisitor(store, attempt.address, now, { ...facts, action: 'session.sign_in_failed', details: { email, reason: failureReason(found, storedHash) } });
      // Not locked before this attempt (checked above), so a lock now is the one this failure started.
      if (lock > 0) await auditVisitor(store, attempt.address, now, { ...facts, action: 'session.locked', details: { email, seconds: lock } });
    });
    throw new ValidationError(SIGN_IN_REFUSED);
  }

  await context.limiter.succeed(keys[0]);
  const rehashed = needsRehash(storedHash) ? await hashPassword(attempt.password) : null;
  const sessionId = newToken();
  const expiresAt = hoursAfter(now, context.auth.sessionAbsoluteHours);
  await context.store.transaction(async (store) => {
    await store.sessions.insert({
      idHash: hashToken(sessionId),
      userId: found.id,
      createdAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
      address: attempt.address,
      userAgent: attempt.userAgent,
    });
    if (rehashed !== null) await store.users.setPassword(found.id, rehashed, now.toISOString());
    await audit(store, asPerson(found, attempt.address), now, {
      action: 'session.signed_in',
      targetType: 'user',
      targetId: found.id,
      details: { userAgent: attempt.userAgent, ...(rehashed === null ? {} : { passwordRehashed: true }) },
    });
  });
  return { sessionId, user: found, expiresAt };
}

/** For the audit log only, which admins read; the person trying is told none of it. */
function failureReason(user: User | undefined, storedHash: string | null): string {
  if (!user) return 'no such account';
  if (user.disabled) return 'disabled';
  if (storedHash === null) return 'no password yet';
  return 'wrong password';
}

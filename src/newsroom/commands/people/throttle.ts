import { ThrottledError } from '../../../domain/index.ts';
import { attemptKeys } from '../../auth/index.ts';

/** The keys a sign-in counts against: the account and the client address (an IPv6 address by its /64). */
export function signInKeys(email: string, address: string | null): [account: string, address: string] {
  return attemptKeys(email, address ?? 'unknown');
}

/**
 * The keys a password-reset request counts against: the same account and address, counted apart from sign-ins, so
 * that someone locked out by failed sign-ins (theirs or a guesser's) can still ask for a reset, and asking for
 * resets locks nobody out of signing in.
 */
export function resetRequestKeys(email: string, address: string | null): string[] {
  return signInKeys(email, address).map((key) => `reset-request:${key}`);
}

/** "Too many failed sign-ins. Try again in 15 minutes." */
export function throttled(what: string, seconds: number): ThrottledError {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return new ThrottledError(`Too many ${what}. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`, seconds);
}

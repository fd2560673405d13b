import { ValidationError, type OneTimePurpose, type User } from '../../../domain/index.ts';
import type { Repositories } from '../../../store/index.ts';
import { hashToken, newToken } from '../../auth/index.ts';
import { nowOf } from '../context.ts';
import { hoursAfter, minutesAfter, type PeopleContext } from './context.ts';

/** A one-time link as handed out: the raw token exists only in it, the store keeps its hash. */
export interface IssuedLink {
  link: string;
  expiresAt: Date;
}

/**
 * Makes a new `purpose` link for the person, inside the caller's transaction; any older open link of theirs for the
 * same purpose stops working, so only the newest one handed out is live.
 */
export async function issueLink(
  repositories: Pick<Repositories, 'oneTimeTokens'>,
  context: PeopleContext,
  userId: number,
  purpose: OneTimePurpose,
  now: Date,
): Promise<IssuedLink> {
  const token = newToken();
  const expiresAt = purpose === 'setup' ? hoursAfter(now, context.auth.setupLinkHours) : minutesAfter(now, context.auth.resetLinkMinutes);
  await repositories.oneTimeTokens.revokeForUser(userId, purpose, now.toISOString());
  await repositories.oneTimeTokens.insert({
    tokenHash: hashToken(token),
    userId,
    purpose,
    createdAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
  });
  return { link: context.auth.linkFor(purpose, token), expiresAt };
}

/**
 * The person an open link is for, without using it up: what the setup and reset pages show their form for. Null
 * when the link is unknown, used, expired, or its person is disabled.
 */
export async function findOpenLink(context: PeopleContext, purpose: OneTimePurpose, token: string): Promise<{ user: User; expiresAt: string } | null> {
  const open = await context.store.oneTimeTokens.peek(hashToken(token), purpose, nowOf(context).toISOString());
  if (!open) return null;
  const user = await context.store.users.findById(open.userId);
  return user && !user.disabled ? { user, expiresAt: open.expiresAt } : null;
}

/** The one answer for a link that cannot be used, whatever the reason: the token's holder learns nothing more. */
export function linkRefused(purpose: OneTimePurpose): ValidationError {
  const askAgain = purpose === 'setup' ? 'ask an admin for a new invitation' : 'ask for a new one from the sign-in page';
  return new ValidationError(`This link has been used or has expired; ${askAgain}.`);
}

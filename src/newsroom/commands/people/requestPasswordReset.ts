import { hashToken, newToken, passwordResetMessage } from '../../auth/index.ts';
import { nowOf } from '../context.ts';
import { auditVisitor } from './auditing.ts';
import { checkedEmail } from './checks.ts';
import { minutesAfter, type PeopleContext } from './context.ts';
import { resetRequestKeys, throttled } from './throttle.ts';

export interface ResetRequest {
  email: string;
  address: string | null;
}

/**
 * Someone at the sign-in page asks for a reset link. Whether or not an account has that address, the answer is the
 * same (nothing, or the same throttling), so the form tells no one who has an account here (OWASP's forgot-password
 * advice: a consistent answer for accounts that exist and those that don't). For an enabled account with a
 * password, older reset links stop working and a new one is mailed (or, with no SMTP server, logged by the mailer).
 * The link itself never goes into the audit log. Whoever asked is not signed in, so the log names no actor, only
 * the address the request came from.
 */
export async function requestPasswordReset(context: PeopleContext, request: ResetRequest): Promise<void> {
  const now = nowOf(context);
  const keys = resetRequestKeys(request.email, request.address);
  const locked = await context.limiter.lockedFor(keys, now);
  if (locked > 0) throw throttled('password reset requests', locked);
  // Every request counts, found or not: the limit is on asking, and must not differ by whether the account exists.
  await context.limiter.fail(keys, now);

  const email = plainAddressOrNull(request.email);
  const user = email === null ? undefined : await context.store.users.findByEmail(email);
  if (!user || user.disabled || user.passwordSetAt === null) {
    await auditVisitor(context.store, request.address, now, {
      action: user ? 'user.reset_refused' : 'user.reset_requested_unknown',
      targetType: user ? 'user' : null,
      targetId: user?.id ?? null,
      details: user ? { reason: user.disabled ? 'disabled' : 'no password yet' } : {},
    });
    return;
  }

  // Mailed before it is stored, so that the audit entry, written with the link, can say whether it was delivered;
  // the link works from the commit below, a moment later (should that fail, the mailed link never works: ask again).
  const token = newToken();
  const link = context.auth.linkFor('reset', token);
  const expiresAt = minutesAfter(now, context.auth.resetLinkMinutes);
  let delivered = false;
  let mailError: string | undefined;
  try {
    ({ delivered } = await context.mailer.send({ to: user.email, ...passwordResetMessage({ siteName: context.auth.siteName, link, expiresAt }) }));
  } catch (error) {
    // Not told to the visitor: a failure only existing accounts can have would tell them the account exists.
    mailError = error instanceof Error ? error.message : String(error);
  }
  await context.store.transaction(async (store) => {
    const at = now.toISOString();
    await store.oneTimeTokens.revokeForUser(user.id, 'reset', at);
    await store.oneTimeTokens.insert({ tokenHash: hashToken(token), userId: user.id, purpose: 'reset', createdAt: at, expiresAt: expiresAt.toISOString() });
    await auditVisitor(store, request.address, now, {
      action: 'user.reset_requested',
      targetType: 'user',
      targetId: user.id,
      details: mailError === undefined ? { delivered } : { delivered, mailError },
    });
  });
}

/** The address as stored, or null when what was typed is no address (no account can have it). */
function plainAddressOrNull(email: string): string | null {
  try {
    return checkedEmail(email);
  } catch {
    return null;
  }
}

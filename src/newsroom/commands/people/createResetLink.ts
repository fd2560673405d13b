import { ValidationError, type OneTimePurpose, type User } from '../../../domain/index.ts';
import { authorize } from '../../policy.ts';
import { audit } from '../audit.ts';
import { nowOf, type Acting } from '../context.ts';
import { existingUser } from './checks.ts';
import type { PeopleContext } from './context.ts';
import { issueLink, type IssuedLink } from './links.ts';

export interface HandedLink extends IssuedLink {
  user: User;
  /** 'reset' for someone with a password; 'setup' for someone invited who never set one (their invitation lost). */
  purpose: OneTimePurpose;
}

/**
 * An admin makes a link for someone who cannot get the mail (or whose invitation ran out), to hand over themselves:
 * a reset link, or a new setup link for a person who has no password yet. Older links of the kind stop working. The
 * link is returned, never logged.
 */
export async function createResetLink(context: PeopleContext, acting: Acting, userId: number): Promise<HandedLink> {
  authorize(acting.actor, 'manage_people');
  const now = nowOf(context);
  return context.store.transaction(async (store) => {
    const user = await existingUser(store, userId);
    if (user.disabled) throw new ValidationError(`${user.name} is disabled; enable them first.`);
    const purpose: OneTimePurpose = user.passwordSetAt === null ? 'setup' : 'reset';
    const issued = await issueLink(store, context, user.id, purpose, now);
    await audit(store, acting, now, {
      action: purpose === 'setup' ? 'user.setup_link_created' : 'user.reset_link_created',
      targetType: 'user',
      targetId: user.id,
      details: { expiresAt: issued.expiresAt.toISOString() },
    });
    return { user, purpose, ...issued };
  });
}

import { ConflictError, type Actor, type User } from '../../../domain/index.ts';
import { invitationMessage } from '../../auth/index.ts';
import { authorize } from '../../policy.ts';
import { audit } from '../audit.ts';
import { nowOf, type Acting } from '../context.ts';
import { checkedEmail, checkedName, checkedRole } from './checks.ts';
import type { PeopleContext } from './context.ts';
import { issueLink } from './links.ts';

export interface NewPerson {
  email: string;
  name: string;
  role: string;
}

export interface Invitation {
  user: User;
  /** Their one-time setup link: shown to whoever invited them when it was not mailed, never stored. */
  link: string;
  expiresAt: Date;
  /** True when an SMTP server accepted the invitation; otherwise pass the link on by hand. */
  mailed: boolean;
  /** Why the SMTP server would not take it, when it refused or could not be reached. */
  mailError?: string;
}

/**
 * Invites a person: an account with the role given and no password, and a setup link with which they choose one.
 * The invitation is mailed after the account is committed; when no mail goes out the link is still good, and the
 * admin passes it on.
 */
export async function addUser(context: PeopleContext, acting: Acting, person: NewPerson): Promise<Invitation> {
  authorize(acting.actor, 'manage_people');
  const email = checkedEmail(person.email);
  const name = checkedName(person.name);
  const role = checkedRole(person.role);
  const now = nowOf(context);
  const { user, link, expiresAt } = await context.store.transaction(async (store) => {
    if (await store.users.findByEmail(email)) throw new ConflictError(`Someone already has the address ${email}.`);
    const user = await store.users.insert({ email, name, role, createdAt: now.toISOString() });
    const issued = await issueLink(store, context, user.id, 'setup', now);
    await audit(store, acting, now, { action: 'user.added', targetType: 'user', targetId: user.id, details: { role, email } });
    return { user, ...issued };
  });
  const message = invitationMessage({ siteName: context.auth.siteName, name, link, expiresAt, invitedBy: inviterName(acting.actor, context.auth.siteName) });
  try {
    const { delivered } = await context.mailer.send({ to: user.email, ...message });
    return { user, link, expiresAt, mailed: delivered };
  } catch (error) {
    // The account and its link stand: the admin is shown the link to pass on instead.
    return { user, link, expiresAt, mailed: false, mailError: error instanceof Error ? error.message : String(error) };
  }
}

/** Who the invitation says it is from: the admin by name, or, from the operator's CLI, the site's admin. */
function inviterName(actor: Actor, siteName: string): string {
  return actor.kind === 'person' ? actor.user.name : `${siteName} admin`;
}

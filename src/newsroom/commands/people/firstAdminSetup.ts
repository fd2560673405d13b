import { ConflictError, SYSTEM_ACTORS } from '../../../domain/index.ts';
import { authorize } from '../../policy.ts';
import { audit } from '../audit.ts';
import { nowOf, type Acting } from '../context.ts';
import { SETUP_PLACEHOLDER_EMAIL } from './checks.ts';
import type { PeopleContext } from './context.ts';
import { issueLink, type IssuedLink } from './links.ts';

/** The operator starting the site: the CLI's system actor, at the machine. */
const OPERATOR: Acting = { actor: SYSTEM_ACTORS.cli, address: null };

/**
 * Run at every start: a new site gets its first admin, and the operator a link (printed once) to set their address
 * and password. While that admin has not done so, a new link is made when the last one expired; otherwise null, so
 * a restart prints nothing.
 */
export async function firstAdminSetup(context: PeopleContext): Promise<IssuedLink | null> {
  authorize(OPERATOR.actor, 'manage_people');
  const now = nowOf(context);
  try {
    return await context.store.transaction(async (store) => {
      let admin = await store.users.findByEmail(SETUP_PLACEHOLDER_EMAIL);
      if (!admin) {
        if ((await store.users.count()) > 0) return null;
        admin = await store.users.insert({ email: SETUP_PLACEHOLDER_EMAIL, name: 'Administrator', role: 'admin', createdAt: now.toISOString() });
        await audit(store, OPERATOR, now, { action: 'user.added', targetType: 'user', targetId: admin.id, details: { role: 'admin', first: true } });
      } else {
        if (admin.passwordSetAt !== null || admin.disabled) return null;
        const open = await store.oneTimeTokens.listOpen('setup', now.toISOString());
        if (open.some((link) => link.userId === admin!.id)) return null;
      }
      const issued = await issueLink(store, context, admin.id, 'setup', now);
      await audit(store, OPERATOR, now, {
        action: 'user.setup_link_created',
        targetType: 'user',
        targetId: admin.id,
        details: { expiresAt: issued.expiresAt.toISOString() },
      });
      return issued;
    });
  } catch (error) {
    // Two processes starting at once on a new site: the other one created the admin, and prints the link.
    if (error instanceof ConflictError) return null;
    throw error;
  }
}

import type { User } from '../../../domain/index.ts';
import { authorize } from '../../policy.ts';
import { audit } from '../audit.ts';
import { nowOf, type Acting, type CommandContext } from '../context.ts';
import { checkedRole, existingUser, keepAnAdmin } from './checks.ts';

/**
 * Gives a person another role. Their sessions end, so the new rights (more or fewer) apply from their next sign-in
 * in a new session (OWASP's session management advice: a new session on any change of privilege). The last active
 * admin keeps the role.
 */
export async function changeRole(context: CommandContext, acting: Acting, userId: number, role: string): Promise<User> {
  authorize(acting.actor, 'manage_people');
  const to = checkedRole(role);
  const now = nowOf(context);
  return context.store.transaction(async (store) => {
    const user = await existingUser(store, userId);
    if (user.role === to) return user;
    if (to !== 'admin') await keepAnAdmin(store, user, `make them ${to === 'editor' ? 'an' : 'a'} ${to}`);
    const changed = await store.users.setRole(user.id, to, now.toISOString());
    const sessionsEnded = await store.sessions.deleteForUser(user.id);
    await audit(store, acting, now, { action: 'user.role_changed', targetType: 'user', targetId: user.id, details: { from: user.role, to, sessionsEnded } });
    return changed;
  });
}

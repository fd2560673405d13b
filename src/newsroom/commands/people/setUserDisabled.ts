import { ValidationError, actorUserId, type User } from '../../../domain/index.ts';
import { authorize } from '../../policy.ts';
import { audit } from '../audit.ts';
import { nowOf, type Acting, type CommandContext } from '../context.ts';
import { existingUser, keepAnAdmin } from './checks.ts';

/**
 * Disables a person (they cannot sign in; their sessions end and their open setup and reset links stop working;
 * their work and history stay) or enables them again. Nobody disables themselves, and the last active admin stays.
 */
export async function setUserDisabled(context: CommandContext, acting: Acting, userId: number, disabled: boolean): Promise<User> {
  authorize(acting.actor, 'manage_people');
  if (disabled && actorUserId(acting.actor) === userId) {
    throw new ValidationError('You cannot disable your own account; another admin can.');
  }
  const now = nowOf(context);
  const at = now.toISOString();
  return context.store.transaction(async (store) => {
    const user = await existingUser(store, userId);
    if (user.disabled === disabled) return user;
    if (disabled) await keepAnAdmin(store, user, 'disable them');
    const changed = await store.users.setDisabled(user.id, disabled, at);
    let sessionsEnded = 0;
    if (disabled) {
      sessionsEnded = await store.sessions.deleteForUser(user.id);
      await store.oneTimeTokens.revokeForUser(user.id, 'setup', at);
      await store.oneTimeTokens.revokeForUser(user.id, 'reset', at);
    }
    await audit(store, acting, now, {
      action: disabled ? 'user.disabled' : 'user.enabled',
      targetType: 'user',
      targetId: user.id,
      details: disabled ? { sessionsEnded } : {},
    });
    return changed;
  });
}

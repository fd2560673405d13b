import { isRole, NotFoundError, ROLES, ValidationError, type Role, type User } from '../../../domain/index.ts';
import type { Repositories } from '../../../store/index.ts';

/** RFC 5321's limit on a whole address (the path is 256 with its angle brackets). */
const MAX_EMAIL_LENGTH = 254;
const MAX_NAME_LENGTH = 100;

/**
 * One plain address: no display name, no list, no quoting or comments, a domain with a dot. The same characters
 * are refused as the mailer refuses, so an address taken here is one the mailer will send to.
 */
const PLAIN_ADDRESS = /^[^\s@,;:<>()"[\]\\]+@[^\s@,;:<>()"[\]\\.]+(\.[^\s@,;:<>()"[\]\\.]+)+$/u;

/**
 * The address the first admin is created with, which their setup form replaces. `.invalid` is reserved (RFC 2606):
 * no mail can reach it, and no one can be given it (`checkedEmail` refuses the domain).
 */
export const SETUP_PLACEHOLDER_EMAIL = 'admin@setup.invalid';

/** Whether the person still has the placeholder address, so their setup form must ask for a real one. */
export function needsEmail(user: Pick<User, 'email'>): boolean {
  return user.email === SETUP_PLACEHOLDER_EMAIL;
}

/** The address as stored (trimmed, lower case), or a ValidationError saying what is wrong with it. */
export function checkedEmail(email: string): string {
  const address = email.trim().toLowerCase();
  if (address === '') throw new ValidationError('Give an email address.');
  if (address.length > MAX_EMAIL_LENGTH) throw new ValidationError(`An email address can have at most ${MAX_EMAIL_LENGTH} characters.`);
  if (!PLAIN_ADDRESS.test(address)) {
    throw new ValidationError(`"${email.trim()}" is not an email address: give one plain address, like name@example.org.`);
  }
  if (address.endsWith('.invalid')) throw new ValidationError('An address ending in .invalid cannot receive mail; give a real one.');
  return address;
}

/** The name as shown (trimmed), or a ValidationError. */
export function checkedName(name: string): string {
  const shown = name.trim();
  if (shown === '') throw new ValidationError('Give a name: it is shown on bylines and in the audit log.');
  if ([...shown].length > MAX_NAME_LENGTH) throw new ValidationError(`A name can have at most ${MAX_NAME_LENGTH} characters.`);
  return shown;
}

export function checkedRole(role: string): Role {
  if (!isRole(role)) throw new ValidationError(`"${role}" is not a role; the roles are ${ROLES.join(', ')}.`);
  return role;
}

export async function existingUser(repositories: Pick<Repositories, 'users'>, userId: number): Promise<User> {
  const user = await repositories.users.findById(userId);
  if (!user) throw new NotFoundError(`There is no person with id ${userId}.`);
  return user;
}

/** Refuses a change that would leave the newsroom with no admin who can sign in and manage people. */
export async function keepAnAdmin(repositories: Pick<Repositories, 'users'>, user: User, doing: string): Promise<void> {
  if (user.role !== 'admin' || user.disabled) return;
  if ((await repositories.users.countActiveAdmins()) > 1) return;
  throw new ValidationError(`${user.name} is the only active admin, so you cannot ${doing}: make someone else an admin first.`);
}

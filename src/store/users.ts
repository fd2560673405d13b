import type { Kysely, Selectable } from 'kysely';
import { ConflictError, NotFoundError, type User } from '../domain/index.ts';
import type { UserRepository } from './peopleRepositories.ts';
import { toUtcIso } from './rows.ts';
import type { Database, UserTable } from './schema.ts';
import { violatedConstraint } from './errors.ts';

/** Every column but the password hash, which leaves the store only through `passwordHash`. */
export const USER_COLUMNS = [
  'id', 'email', 'name', 'role', 'password_set_at', 'disabled_at', 'created_at', 'updated_at',
] as const satisfies readonly (keyof UserTable)[];

export type UserRow = Pick<Selectable<UserTable>, (typeof USER_COLUMNS)[number]>;

/** How addresses are stored and looked up: trimmed, lower case. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The newsroom's people over any Kysely handle: the database itself, or a transaction. */
export function userRepository(db: Kysely<Database>): UserRepository {
  const select = () => db.selectFrom('users').select(USER_COLUMNS);

  /** An update of one person, returned as it is now; a NotFoundError when there is none. */
  async function change(id: number, set: Partial<Omit<Selectable<UserTable>, 'id'>>): Promise<User> {
    const row = await db.updateTable('users').set(set).where('id', '=', id).returning(USER_COLUMNS).executeTakeFirst();
    if (!row) throw new NotFoundError(`No user with id ${id}`);
    return userFromRow(row);
  }

  /** A write that gives someone `email`: a taken address is a ConflictError in plain words. */
  async function withAddress(email: string, write: () => Promise<User>): Promise<User> {
    try {
      return await write();
    } catch (error) {
      if (violatedConstraint(error) === 'unique') throw new ConflictError(`someone already has the address ${email}`, { cause: error });
      throw error;
    }
  }

  return {
    async insert(user) {
      const email = normalizeEmail(user.email);
      const at = toUtcIso(user.createdAt, 'createdAt');
      return withAddress(email, async () => {
        const row = await db
          .insertInto('users')
          .values({ email, name: user.name, role: user.role, created_at: at, updated_at: at })
          .returning(USER_COLUMNS)
          .executeTakeFirstOrThrow();
        return userFromRow(row);
      });
    },

    async findById(id) {
      const row = await select().where('id', '=', id).executeTakeFirst();
      return row && userFromRow(row);
    },

    async findByEmail(email) {
      const row = await select().where('email', '=', normalizeEmail(email)).executeTakeFirst();
      return row && userFromRow(row);
    },

    async passwordHash(id) {
      const row = await db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirst();
      return row?.password_hash ?? null;
    },

    async setPassword(id, hash, at) {
      const time = toUtcIso(at, 'at');
      await change(id, { password_hash: hash, password_set_at: time, updated_at: time });
    },

    async setRole(id, role, at) {
      return change(id, { role, updated_at: toUtcIso(at, 'at') });
    },

    async setDisabled(id, disabled, at) {
      const time = toUtcIso(at, 'at');
      return change(id, { disabled_at: disabled ? time : null, updated_at: time });
    },

    async setEmail(id, email, at) {
      const address = normalizeEmail(email);
      return withAddress(address, () => change(id, { email: address, updated_at: toUtcIso(at, 'at') }));
    },

    async setName(id, name, at) {
      return change(id, { name, updated_at: toUtcIso(at, 'at') });
    },

    async list() {
      return (await select().orderBy('name').orderBy('id').execute()).map(userFromRow);
    },

    async count() {
      const row = await db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async countActiveAdmins() {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('role', '=', 'admin')
        .where('disabled_at', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}

export function userFromRow(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    disabled: row.disabled_at !== null,
    passwordSetAt: row.password_set_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

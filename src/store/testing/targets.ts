import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe } from 'node:test';
import { sql } from 'kysely';
import { connectPostgres } from '../postgres.ts';
import { openStore, type Store } from '../index.ts';

/** Storage suites run on both dialects: what passes on SQLite must pass on PostgreSQL. */
export interface Target {
  dialect: 'sqlite' | 'postgres';
  open(options?: { migrate?: boolean }): Promise<Store>;
  cleanup(): Promise<void>;
}

const PG_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://127.0.0.1:5432/test';

export function sqliteTarget(): Target {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-store-'));
  // A folder that does not exist yet: openStore must create it.
  const sqliteFile = join(dir, 'data', 'newsdesk.db');
  return {
    dialect: 'sqlite',
    open: (options) => openStore({ databaseUrl: null, sqliteFile, ...options }),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function postgresTarget(): Target {
  const pgSchema = `newsdesk_test_${randomBytes(6).toString('hex')}`;
  return {
    dialect: 'postgres',
    async open(options) {
      try {
        return await openStore({ databaseUrl: PG_URL, sqliteFile: '', pgSchema, ...options });
      } catch (error) {
        throw new Error(
          `PostgreSQL tests need a server at ${PG_URL} (set TEST_DATABASE_URL, or start PostgreSQL): ${String(error)}`,
          { cause: error },
        );
      }
    },
    async cleanup() {
      const db = await connectPostgres(PG_URL, undefined).catch(() => undefined);
      if (!db) return; // unreachable: open() has already failed the suite with the reason
      await sql`drop schema if exists ${sql.id(pgSchema)} cascade`.execute(db);
      await db.destroy();
    },
  };
}

/**
 * A suite run once per dialect on a migrated store: `suite` reads the store through `store()` inside its tests.
 * The store is opened before the suite's tests and closed, with its database dropped, after them.
 */
export function describeOnBothDialects(name: string, suite: (store: () => Store) => void): void {
  for (const target of [sqliteTarget(), postgresTarget()]) {
    describe(`${name} on ${target.dialect}`, () => {
      let opened: Store | undefined;
      before(async () => {
        opened = await target.open();
      });
      after(async () => {
        await opened?.close();
        await target.cleanup();
      });
      suite(() => opened!);
    });
  }
}

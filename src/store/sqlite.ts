import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  Kysely,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  type SqliteDialectConfig,
  type SqliteDatabase,
} from 'kysely';
import type { Database } from './schema.ts';

/** How long a SQLite writer waits for another process's lock before giving up. */
const SQLITE_BUSY_TIMEOUT_MS = 5000;
/**
 * Prepared statements kept per SQL text. The app issues a few dozen distinct statements; the bound only guards
 * against a caller that builds SQL with values inlined, which would otherwise grow the map without end.
 */
const SQLITE_STATEMENT_CACHE_SIZE = 500;

/**
 * SQLite does roll back DDL, but Kysely's adapter says it does not, which would make the Migrator run
 * migrations outside a transaction; this one lets a failed migration leave nothing behind.
 */
class TransactionalSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

/**
 * Every transaction of ours writes, so it takes the write lock when it begins. A deferred one (SQLite's default)
 * reads first and asks for the lock at its first write; if another process (a CLI import beside a running site)
 * committed in between, SQLite refuses that upgrade at once with "database is locked", busy timeout or not.
 * Taking it up front makes such a writer wait its turn instead.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class NewsdeskSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalSqliteAdapter();
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

export function connectSqlite(file: string): Kysely<Database> {
  if (!isInMemory(file)) mkdirSync(dirname(resolve(file)), { recursive: true });
  const database = new BetterSqlite3(file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  // WAL lets readers run while one writer writes; NORMAL sync is durable across application crashes and
  // loses at most the last commits on power loss, which WAL keeps consistent.
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  database.pragma('synchronous = NORMAL');
  return new Kysely<Database>({ dialect: new NewsdeskSqliteDialect({ database: withStatementCache(database) }) });
}

/**
 * better-sqlite3 compiles SQL on every prepare(), and Kysely prepares for every query; reusing the statement
 * for the same text skips that (it was an eighth of the article page's time). Safe because better-sqlite3
 * runs a statement to completion synchronously and Kysely never leaves one iterating across an await.
 */
function withStatementCache(database: BetterSqlite3.Database): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => database.close(),
    prepare(sqlText: string) {
      let statement = statements.get(sqlText);
      if (!statement) {
        statement = database.prepare(sqlText);
        if (statements.size >= SQLITE_STATEMENT_CACHE_SIZE) statements.clear();
        statements.set(sqlText, statement);
      }
      return statement;
    },
  };
}

/** Runs one read statement and returns its rows, synchronously. */
export interface ReadConnection {
  all(sqlText: string, parameters: readonly unknown[]): unknown[];
  close(): void;
}

/**
 * A second, read-only SQLite connection for the reader site's hot reads (the role a read replica plays on
 * PostgreSQL). WAL gives it its own snapshot per statement, so it never sees another transaction's uncommitted
 * rows, and it is called synchronously: no Kysely connection mutex, no promise per query. On the article page
 * that halved the time spent reading. An in-memory database cannot be shared by two connections: null there.
 */
export function openSqliteReader(file: string): ReadConnection | null {
  if (isInMemory(file)) return null;
  const database = new BetterSqlite3(file, { readonly: true, fileMustExist: true, timeout: SQLITE_BUSY_TIMEOUT_MS });
  const cached = withStatementCache(database);
  const readers = new Map<BetterSqlite3.Statement, (parameters: readonly unknown[]) => unknown[]>();
  return {
    all(sqlText, parameters) {
      const statement = cached.prepare(sqlText) as unknown as BetterSqlite3.Statement;
      let read = readers.get(statement);
      if (!read) {
        read = rowReader(statement);
        if (readers.size >= SQLITE_STATEMENT_CACHE_SIZE) readers.clear();
        readers.set(statement, read);
      }
      return read(parameters);
    },
    close: () => database.close(),
  };
}

/**
 * Rows as plain objects, built here from better-sqlite3's raw arrays: building them in JavaScript, with the
 * column names known once per statement, is a quarter faster than the driver's own objects.
 */
function rowReader(statement: BetterSqlite3.Statement): (parameters: readonly unknown[]) => unknown[] {
  const names = statement.columns().map((column) => column.name);
  const raw = statement.raw(true);
  return (parameters) =>
    (raw.all(...parameters) as unknown[][]).map((values) => {
      const row: Record<string, unknown> = {};
      for (let i = 0; i < names.length; i++) row[names[i]!] = values[i];
      return row;
    });
}

function isInMemory(file: string): boolean {
  return file === ':memory:' || file.startsWith('file:');
}

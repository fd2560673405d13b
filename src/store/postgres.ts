import { userInfo } from 'node:os';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { ConfigError } from '../domain/index.ts';
import type { Database } from './schema.ts';

/** Enough for one web process: more connections than this mostly queue inside PostgreSQL instead of here. */
const PG_POOL_SIZE = 10;
/** Schema names go into a connection option unquoted, so only plain identifiers are accepted. */
const PG_SCHEMA_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * ids are int4 and come back as numbers already; counts and row numbers are int8, which pg returns as strings
 * to be safe beyond 2^53. No count or id of ours gets near that, so they are parsed as numbers.
 */
const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  }) as typeof pg.types.getTypeParser,
};

export async function connectPostgres(url: string, schema: string | undefined): Promise<Kysely<Database>> {
  if (schema !== undefined && !PG_SCHEMA_PATTERN.test(schema)) {
    throw new ConfigError(`PostgreSQL schema name "${schema}" must be lower-case letters, digits and _`);
  }
  const pool = new pg.Pool({
    connectionString: withDefaultUser(url),
    max: PG_POOL_SIZE,
    types: pgTypes,
    // Set at connection start-up, so every pooled connection sees only this schema before its first query.
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    if (schema === undefined) await sql`select 1`.execute(db);
    else await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  } catch (error) {
    await db.destroy();
    const reason = error instanceof Error ? error.message || error.name : String(error);
    throw new ConfigError(`Cannot use PostgreSQL at ${redactPassword(url)}: ${reason}`, { cause: error });
  }
  return db;
}

/**
 * Like libpq (psql), connect as the operating-system user when the URL names none. pg falls back to $USER
 * only, which is unset in containers and cron jobs.
 */
export function withDefaultUser(url: string): string {
  if (process.env['PGUSER'] || process.env['USER']) return url;
  try {
    const parsed = new URL(url);
    if (parsed.username || !parsed.host) return url;
    parsed.username = encodeURIComponent(userInfo().username);
    return parsed.toString();
  } catch {
    return url;
  }
}

export function redactPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

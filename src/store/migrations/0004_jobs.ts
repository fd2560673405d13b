import type { Kysely } from 'kysely';

/** The SQLite job queue's table (PostgreSQL keeps jobs in pg-boss's own schema). Filled in with the job queue. */
export async function up(_db: Kysely<any>): Promise<void> {}

export async function down(_db: Kysely<any>): Promise<void> {}

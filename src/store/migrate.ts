import { type Kysely, type MigrationProvider, Migrator } from 'kysely';
import { migrations } from './migrations/index.ts';
import type { Database } from './schema.ts';

const provider: MigrationProvider = { getMigrations: async () => ({ ...migrations }) };

/**
 * Applies every pending migration and returns the names applied (none when the schema is current). Pending
 * migrations run in one transaction with their bookkeeping rows, under Kysely's migration lock, so a failure
 * leaves the database as it was and two processes starting together do not both migrate.
 */
export async function migrateToLatest(db: Kysely<Database>, pgSchema?: string): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider,
    // Kysely looks for its bookkeeping tables by schema; name it so another schema's tables are not mistaken
    // for ours when search_path points at an isolated schema.
    ...(pgSchema === undefined ? {} : { migrationTableSchema: pgSchema }),
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName ?? 'setup';
    throw new Error(`Migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

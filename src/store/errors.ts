import { ConflictError, ValidationError } from '../domain/index.ts';

/** SQLite (better-sqlite3) and PostgreSQL (pg) name the same constraint failures differently. */
const UNIQUE_VIOLATION = new Set(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY', '23505']);
const FOREIGN_KEY_VIOLATION = new Set(['SQLITE_CONSTRAINT_FOREIGNKEY', '23503']);

/** Which constraint a driver's error says a write broke, in either dialect; null for any other error. */
export function violatedConstraint(error: unknown): 'unique' | 'foreign-key' | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (UNIQUE_VIOLATION.has(code)) return 'unique';
  if (FOREIGN_KEY_VIOLATION.has(code)) return 'foreign-key';
  return null;
}

/**
 * Turns a driver's constraint error into one a caller can act on; anything else is returned unchanged.
 * `what` names the row being written ("article \"x\" in security").
 */
export function writeError(error: unknown, what: string, section: string): unknown {
  const violated = violatedConstraint(error);
  const detail = error instanceof Error ? error.message : String(error);
  if (violated === 'unique') {
    return new ConflictError(`Cannot store ${what}: an article with the same source key or slug exists (${detail})`, {
      cause: error,
    });
  }
  if (violated === 'foreign-key') {
    return new ValidationError(`Cannot store ${what}: section "${section}" does not exist (ensure it first)`, {
      cause: error,
    });
  }
  return error;
}

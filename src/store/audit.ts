import { sql, type Kysely, type Selectable } from 'kysely';
import type { AuditEntry } from '../domain/index.ts';
import type { AuditQuery, AuditRepository } from './peopleRepositories.ts';
import { toUtcIso } from './rows.ts';
import type { AuditLogTable, Database } from './schema.ts';

type AuditFilter = Omit<AuditQuery, 'limit' | 'offset'>;

/** The audit log over any Kysely handle: the database itself, or a transaction (with the change it records). */
export function auditRepository(db: Kysely<Database>): AuditRepository {
  /** The entries matching every filter given. */
  function matching({ action, actorId, targetType, targetId, since, until }: AuditFilter) {
    let query = db.selectFrom('audit_log');
    if (action !== undefined) {
      // A prefix is compared exactly (no LIKE: its wildcards and SQLite's case folding would widen it).
      query = action.endsWith('.')
        ? query.where(sql<string>`substr(${sql.ref('action')}, 1, ${action.length})`, '=', action)
        : query.where('action', '=', action);
    }
    if (actorId !== undefined) query = query.where('actor_id', '=', actorId);
    if (targetType !== undefined) query = query.where('target_type', '=', targetType);
    if (targetId !== undefined) query = query.where('target_id', '=', targetId);
    if (since !== undefined) query = query.where('at', '>=', toUtcIso(since, 'since'));
    if (until !== undefined) query = query.where('at', '<', toUtcIso(until, 'until'));
    return query;
  }

  return {
    async record(entry) {
      const row = await db
        .insertInto('audit_log')
        .values({
          at: toUtcIso(entry.at, 'at'),
          actor_id: entry.actorId,
          actor_label: entry.actorLabel,
          action: entry.action,
          target_type: entry.targetType,
          target_id: entry.targetId,
          details: JSON.stringify(entry.details),
          address: entry.address,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async list(query) {
      const rows = await matching(query)
        .selectAll()
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(query.limit)
        .offset(query.offset)
        .execute();
      return rows.map(auditFromRow);
    },

    async count(query) {
      const row = await matching(query).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async actions() {
      const rows = await db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute();
      return rows.map((row) => row.action);
    },
  };
}

function auditFromRow(row: Selectable<AuditLogTable>): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    action: row.action,
    targetType: row.target_type as AuditEntry['targetType'],
    targetId: row.target_id,
    details: detailsFromJson(row.id, row.details),
    address: row.address,
  };
}

function detailsFromJson(id: number, json: string): Record<string, unknown> {
  const details: unknown = JSON.parse(json);
  if (typeof details !== 'object' || details === null || Array.isArray(details)) {
    throw new Error(`Audit entry ${id} has malformed details`);
  }
  return details as Record<string, unknown>;
}

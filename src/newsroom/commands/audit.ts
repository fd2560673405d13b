import { actorLabel, actorUserId, type AuditEntry } from '../../domain/index.ts';
import type { Repositories } from '../../store/index.ts';
import type { Acting } from './context.ts';

/** What a command says happened, for the audit log; the actor, time and address are filled in. */
export interface AuditFacts {
  action: string;
  targetType: AuditEntry['targetType'];
  targetId: string | number | null;
  details?: Record<string, unknown>;
}

/** Writes the audit entry inside the command's transaction: the log has a line exactly when the change happened. */
export async function audit(repositories: Repositories, acting: Acting, at: Date, facts: AuditFacts): Promise<void> {
  await repositories.audit.record({
    at: at.toISOString(),
    actorId: actorUserId(acting.actor),
    actorLabel: actorLabel(acting.actor),
    action: facts.action,
    targetType: facts.targetType,
    targetId: facts.targetId === null ? null : String(facts.targetId),
    details: facts.details ?? {},
    address: acting.address,
  });
}

import type { User } from '../../../domain/index.ts';
import type { Repositories } from '../../../store/index.ts';
import type { AuditFacts } from '../audit.ts';
import type { Acting } from '../context.ts';

/** A person acting for themselves: signing in, setting their password through their link. */
export function asPerson(user: User, address: string | null): Acting {
  return { actor: { kind: 'person', user }, address };
}

/** How the audit log names someone who is not signed in (a failed sign-in, a reset request). */
export const VISITOR_LABEL = 'visitor';

/**
 * An audit entry for something a visitor did: no one is signed in, so there is no actor, only the address the
 * request came from.
 */
export async function auditVisitor(repositories: Pick<Repositories, 'audit'>, address: string | null, at: Date, facts: AuditFacts): Promise<void> {
  await repositories.audit.record({
    at: at.toISOString(),
    actorId: null,
    actorLabel: VISITOR_LABEL,
    action: facts.action,
    targetType: facts.targetType,
    targetId: facts.targetId === null ? null : String(facts.targetId),
    details: facts.details ?? {},
    address,
  });
}

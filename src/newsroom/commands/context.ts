import type { Actor, ContentChange, ContentChanges, PublishRules } from '../../domain/index.ts';
import type { JobQueue } from '../../ingest/jobs/index.ts';
import type { Store } from '../../store/index.ts';

/** What every command works with: the store, where changes are announced, the site's rules and the clock. */
export interface CommandContext {
  store: Store;
  /** Told after each commit, so page caches (in this process and, through Redis or the change log, others) drop. */
  changes: ContentChanges;
  publishRules: PublishRules;
  /** Where scheduled publications wait (the ingest job queue); scheduling is refused without one. */
  jobs?: JobQueue;
  /** The clock; tests pin it. */
  now?: () => Date;
}

/** Who asks, and from where: every command takes one, asks the policy about it and writes it to the audit log. */
export interface Acting {
  actor: Actor;
  /** The client address of a web request; null for the CLI and background work. */
  address: string | null;
}

export function nowOf(context: Pick<CommandContext, 'now'>): Date {
  return context.now?.() ?? new Date();
}

/** Announces changes after their transaction committed (never before: a listener would read the old rows). */
export async function announce(context: CommandContext, changes: readonly ContentChange[]): Promise<void> {
  for (const change of changes) await context.changes.publish(change);
}

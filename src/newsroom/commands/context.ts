import type { ContentChanges, PublishRules } from '../../domain/index.ts';
import type { Store } from '../../store/index.ts';

/** What every command works with: the store, where changes are announced, the site's rules and the clock. */
export interface CommandContext {
  store: Store;
  /** Told after each commit, so page caches (in this process and, through Redis or the change log, others) drop. */
  changes: ContentChanges;
  publishRules: PublishRules;
  /** The clock; tests pin it. */
  now?: () => Date;
}

export function nowOf(context: Pick<CommandContext, 'now'>): Date {
  return context.now?.() ?? new Date();
}

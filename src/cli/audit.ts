import { InvalidArgumentError, type Command } from 'commander';
import { NotFoundError, type AuditEntry } from '../domain/index.ts';
import { commandContext, withStore } from './context.ts';
import { inertJson, terminalSafe } from './feedback.ts';
import { parseCount } from './optionParsers.ts';

interface AuditOptions {
  action?: string;
  actor?: string;
  since?: Date;
  limit: number;
  json?: boolean;
}

const HELP = `
Actions are dotted, past tense: user.added, user.role_changed, session.sign_in_failed, article.published…
--action with a trailing dot (--action session.) shows every action that starts with it.

Some entries hold what visitors typed (the address tried at a failed sign-in, a browser's name): the listing drops
characters a terminal would act on, and JSON escapes them.`;

/** `newsdesk audit`: who did what in the newsroom, newest first. */
export function configureAudit(command: Command): void {
  command
    .description('the audit log: who did what in the newsroom, when and from where, newest first')
    .option('--action <action>', 'only this action (or, ending in ".", every action starting with it)')
    .option('--actor <email>', 'only what this person did')
    .option('--since <time>', 'only entries at or after this time (ISO-8601: 2026-03-01 or 2026-03-01T08:00:00Z)', parseSince)
    .option('--limit <n>', 'how many entries', parseCount, 50)
    .option('--json', 'print JSON')
    .addHelpText('after', HELP)
    .action(async (options: AuditOptions) => {
      const { config } = commandContext();
      await withStore(config, async (store) => {
        let actorId: number | undefined;
        if (options.actor !== undefined) {
          const actor = await store.users.findByEmail(options.actor);
          if (!actor) throw new NotFoundError(`no one has the address ${options.actor.trim().toLowerCase()} (see \`newsdesk user list\`)`);
          actorId = actor.id;
        }
        const entries = await store.audit.list({ action: options.action, actorId, since: options.since?.toISOString(), limit: options.limit, offset: 0 });
        if (options.json) console.log(inertJson(entries));
        else console.log(entries.length ? auditTable(entries) : 'no audit entries match');
      });
    });
}

function parseSince(value: string): Date {
  const at = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/u.test(value) || Number.isNaN(at.getTime())) {
    throw new InvalidArgumentError('give a time as 2026-03-01 or 2026-03-01T08:00:00Z (or with an offset, +01:00)');
  }
  return at;
}

function auditTable(entries: readonly AuditEntry[]): string {
  const rows = entries.map((entry) => [
    `${entry.at.slice(0, 19).replace('T', ' ')}`,
    terminalSafe(entry.actorLabel),
    entry.action,
    entry.targetType === null ? '' : `${entry.targetType} ${entry.targetId ?? ''}`.trim(),
    terminalSafe(entry.address ?? ''),
    Object.keys(entry.details).length === 0 ? '' : terminalSafe(JSON.stringify(entry.details)),
  ]);
  const header = ['at (UTC)', 'actor', 'action', 'target', 'address', 'details'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

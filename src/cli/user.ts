import type { Command } from 'commander';
import type { Logger } from 'pino';
import { NotFoundError, ROLES, SYSTEM_ACTORS, type User } from '../domain/index.ts';
import type { Acting } from '../newsroom/index.ts';
import type { PeopleContext } from '../newsroom/commands/people/index.ts';
import type { Store } from '../store/index.ts';
import { commandContext, withStore } from './context.ts';
import { inertJson, terminalSafe } from './feedback.ts';

/** The operator at the machine: an admin, named in the audit log as the CLI. */
const CLI_ACTING: Acting = { actor: SYSTEM_ACTORS.cli, address: null };

const HELP = `
Roles: ${ROLES.join(', ')} (what each may do: the README's roles table).

add makes an account without a password and prints a one-time setup link, with which the person chooses theirs
(and mailed, when SMTP_URL names a mail server). reset-link prints a link for someone who cannot get
mail: a reset link, or a new setup link for someone who never set a password. Links are printed once and stored
only as hashes: copy them now.

role and disable end the person's sessions; the last active admin can be neither demoted nor disabled.`;

export function configureUser(command: Command): void {
  command.description('invite people, list them, change roles, disable and enable them, make reset links').addHelpText('after', HELP);

  command
    .command('add')
    .argument('<email>', 'their email address')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--name <name>', 'how they are shown (they can change it when they set up); default: the address before the @')
    .description('invite a person: prints their one-time setup link and when it expires')
    .action(async (email: string, options: { role: string; name?: string }) => {
      await withPeople(async (context, log) => {
        const { addUser } = await import('../newsroom/commands/people/index.ts');
        const name = options.name ?? email.trim().split('@')[0] ?? '';
        const invited = await addUser(context, CLI_ACTING, { email, name, role: options.role });
        log.info({ user: invited.user.id, role: invited.user.role }, 'person invited');
        console.log(`invited ${invited.user.email} as ${invited.user.role} (user ${invited.user.id})`);
        console.log(`setup link, works once until ${utcTime(invited.expiresAt)}:\n  ${invited.link}`);
        console.log(mailWords(invited.mailed, invited.user.email, invited.mailError));
      });
    });

  command
    .command('list')
    .option('--json', 'print JSON')
    .description('everyone, by name: role, and whether active, disabled or invited and not yet set up')
    .action(async (options: { json?: boolean }) => {
      const { config } = commandContext();
      await withStore(config, async (store) => {
        const now = new Date().toISOString();
        const people = await store.users.list();
        const pending = new Map((await store.oneTimeTokens.listOpen('setup', now)).map((link) => [link.userId, link.expiresAt]));
        const listed = people.map((user) => ({ ...user, status: statusOf(user, pending.get(user.id)), setupLinkExpiresAt: pending.get(user.id) ?? null }));
        if (options.json) console.log(inertJson(listed));
        else console.log(listed.length ? peopleTable(listed) : 'no one yet: `newsdesk serve` makes the first admin, or `newsdesk user add EMAIL --role admin`');
      });
    });

  command
    .command('role')
    .argument('<email>', 'their email address')
    .argument('<role>', `one of ${ROLES.join(', ')}`)
    .description("change a person's role (their sessions end: they sign in again with the new rights)")
    .action(async (email: string, role: string) => {
      await withPeople(async (context) => {
        const { store } = context;
        const { changeRole } = await import('../newsroom/commands/people/index.ts');
        const user = await personByEmail(store, email);
        const changed = await changeRole(context, CLI_ACTING, user.id, role);
        console.log(changed.role === user.role ? `${user.email} is already ${article(role)} ${role}` : `${user.email} is now ${article(changed.role)} ${changed.role} (was ${user.role}); their sessions ended`);
      });
    });

  for (const [name, disabled] of [['disable', true], ['enable', false]] as const) {
    command
      .command(name)
      .argument('<email>', 'their email address')
      .description(disabled ? 'stop a person signing in: their sessions end and their open links stop working; their work stays' : 'let a disabled person sign in again')
      .action(async (email: string) => {
        await withPeople(async (context) => {
          const { store } = context;
          const { setUserDisabled } = await import('../newsroom/commands/people/index.ts');
          const user = await personByEmail(store, email);
          await setUserDisabled(context, CLI_ACTING, user.id, disabled);
          const done = disabled ? 'disabled' : 'enabled';
          console.log(user.disabled === disabled ? `${user.email} was already ${done}` : `${user.email} ${done}${disabled ? '; their sessions ended' : ''}`);
        });
      });
  }

  command
    .command('reset-link')
    .argument('<email>', 'their email address')
    .description('print a one-time link to hand to someone who cannot get mail: a reset link, or a setup link if they never set a password')
    .action(async (email: string) => {
      await withPeople(async (context) => {
        const { store } = context;
        const { createResetLink } = await import('../newsroom/commands/people/index.ts');
        const user = await personByEmail(store, email);
        const handed = await createResetLink(context, CLI_ACTING, user.id);
        const kind = handed.purpose === 'reset' ? 'password reset link' : 'setup link (they have no password yet)';
        console.log(`${kind} for ${user.email}, works once until ${utcTime(handed.expiresAt)}:\n  ${handed.link}`);
      });
    });
}

/**
 * Runs `work` with what the people commands need, built as the site builds it (mail through SMTP_URL when set).
 * The CLI prints every link itself, so mail that could not be sent is logged only at debug, not printed twice.
 */
async function withPeople(work: (context: PeopleContext, log: Logger) => Promise<void>): Promise<void> {
  const { config, log } = commandContext();
  const { openPeopleContext } = await import('../newsroom/peopleRuntime.ts');
  const { localContentChanges } = await import('../store/index.ts');
  await withStore(config, async (store) => {
    // People commands change no published content, so there is nothing to announce to other processes.
    const context = openPeopleContext(config, store, localContentChanges(), { info: (obj, msg) => log.debug(obj, msg) });
    try {
      await work(context, log);
    } finally {
      await context.close();
    }
  });
}

async function personByEmail(store: Store, email: string): Promise<User> {
  const user = await store.users.findByEmail(email);
  if (!user) throw new NotFoundError(`no one has the address ${email.trim().toLowerCase()} (see \`newsdesk user list\`)`);
  return user;
}

function mailWords(mailed: boolean, email: string, mailError: string | undefined): string {
  if (mailed) return `mailed to ${email}`;
  if (mailError) return `not mailed (the mail server refused: ${mailError}): pass the link on yourself`;
  return 'not mailed (no mail server is configured: SMTP_URL): pass the link on yourself';
}

function statusOf(user: User, setupLinkExpiresAt: string | undefined): string {
  if (user.disabled) return 'disabled';
  if (user.passwordSetAt !== null) return 'active';
  return setupLinkExpiresAt ? `invited (link until ${utcTime(new Date(setupLinkExpiresAt))})` : 'invited (link expired: `user reset-link`)';
}

function peopleTable(people: (User & { status: string })[]): string {
  const rows = people.map((user) => [String(user.id), user.email, terminalSafe(user.name), user.role, user.status]);
  const header = ['id', 'email', 'name', 'role', 'status'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/** "2026-03-04 12:00 UTC". */
function utcTime(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function article(role: string): string {
  return /^[aeiou]/u.test(role) ? 'an' : 'a';
}

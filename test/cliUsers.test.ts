/** `newsdesk user …` and `newsdesk audit` as an operator runs them: real processes on a SQLite DATA_DIR. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { sqliteFileOf } from '../src/config.ts';
import { hashPassword, hashToken } from '../src/newsroom/auth/index.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { CLI, newsdesk, type CliRun } from './helpers/cli.ts';

const SITE_URL = 'https://news.example';
let dataDir: string;
const run = (...args: string[]) => newsdesk(args, { DATA_DIR: dataDir, SITE_URL });

async function withTestStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore({ databaseUrl: null, sqliteFile: sqliteFileOf({ dataDir }) });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** The one-time link a command printed, and its token. */
function printedLink(stdout: string, purpose: 'setup' | 'reset'): { link: string; token: string } {
  const link = new RegExp(`${SITE_URL}/newsroom/${purpose}/([\\w-]{43})`).exec(stdout);
  assert.ok(link, stdout);
  return { link: link[0], token: link[1]! };
}

before(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-cli-users-'));
});
after(() => rmSync(dataDir, { recursive: true, force: true }));

test('user add prints a working one-time setup link, when it expires, and that it was not mailed', async () => {
  const added = run('user', 'add', ' Grace@Example.org ', '--role', 'admin', '--name', 'Grace Hopper');
  assert.equal(added.code, 0, added.stderr);
  assert.match(added.stdout, /^invited grace@example\.org as admin \(user 1\)$/m);
  assert.match(added.stdout, /^setup link, works once until \d{4}-\d\d-\d\d \d\d:\d\d UTC:$/m);
  assert.match(added.stdout, /^not mailed \(no mail server is configured: SMTP_URL\): pass the link on yourself$/m);
  const { token } = printedLink(added.stdout, 'setup');
  await withTestStore(async (store) => {
    assert.equal((await store.oneTimeTokens.peek(hashToken(token), 'setup', new Date().toISOString()))?.userId, 1);
    assert.equal(await store.users.passwordHash(1), null);
  });

  const writer = run('user', 'add', 'ada@example.org', '--role', 'writer');
  assert.equal(writer.code, 0, writer.stderr);
  assert.match(writer.stdout, /invited ada@example\.org as writer \(user 2\)/);

  const again = run('user', 'add', 'ADA@example.org', '--role', 'editor');
  assert.equal(again.code, 2);
  assert.match(again.stderr, /Someone already has the address ada@example\.org\./);
  const role = run('user', 'add', 'bob@example.org', '--role', 'boss');
  assert.equal(role.code, 2);
  assert.match(role.stderr, /"boss" is not a role; the roles are contributor, writer, editor, admin/);
  const address = run('user', 'add', 'bob', '--role', 'writer');
  assert.equal(address.code, 2);
  assert.match(address.stderr, /"bob" is not an email address/);
  const noRole = run('user', 'add', 'bob@example.org');
  assert.equal(noRole.code, 2);
  assert.match(noRole.stderr, /--role/);
});

test('user list shows everyone with their role and status, as text or JSON', () => {
  const listed = run('user', 'list');
  assert.equal(listed.code, 0, listed.stderr);
  assert.match(listed.stdout, /^id +email +name +role +status$/m);
  assert.match(listed.stdout, /^2 +ada@example\.org +ada +writer +invited \(link until .* UTC\)$/m);
  assert.match(listed.stdout, /^1 +grace@example\.org +Grace Hopper +admin +invited/m);
  const json = JSON.parse(run('user', 'list', '--json').stdout);
  assert.deepEqual(json.map((user: { email: string; role: string; disabled: boolean }) => [user.email, user.role, user.disabled]).sort(), [
    ['ada@example.org', 'writer', false],
    ['grace@example.org', 'admin', false],
  ]);
  assert.equal('passwordHash' in json[0], false);
});

test('user role changes a role and ends the person’s sessions; the last admin stays one', async () => {
  await withTestStore((store) =>
    store.sessions.insert({ idHash: 'a'.repeat(64), userId: 2, createdAt: new Date().toISOString(), expiresAt: new Date(Date.now() + 3_600_000).toISOString(), address: null, userAgent: null }),
  );
  const changed = run('user', 'role', 'ada@example.org', 'editor');
  assert.equal(changed.code, 0, changed.stderr);
  assert.equal(changed.stdout, 'ada@example.org is now an editor (was writer); their sessions ended');
  await withTestStore(async (store) => assert.deepEqual(await store.sessions.listForUser(2), []));
  assert.equal(run('user', 'role', 'ada@example.org', 'editor').stdout, 'ada@example.org is already an editor');

  const lastAdmin = run('user', 'role', 'grace@example.org', 'editor');
  assert.equal(lastAdmin.code, 2);
  assert.match(lastAdmin.stderr, /Grace Hopper is the only active admin, so you cannot make them an editor: make someone else an admin first\./);
  const nobody = run('user', 'role', 'nobody@example.org', 'editor');
  assert.equal(nobody.code, 2);
  assert.match(nobody.stderr, /no one has the address nobody@example\.org/);
});

test('user disable and enable; the last active admin cannot be disabled', async () => {
  const disabled = run('user', 'disable', 'ada@example.org');
  assert.equal(disabled.code, 0, disabled.stderr);
  assert.equal(disabled.stdout, 'ada@example.org disabled; their sessions ended');
  assert.match(run('user', 'list').stdout, /ada@example\.org +ada +editor +disabled/);
  assert.equal(run('user', 'disable', 'ada@example.org').stdout, 'ada@example.org was already disabled');
  const enabled = run('user', 'enable', 'ada@example.org');
  assert.equal(enabled.code, 0, enabled.stderr);
  assert.equal(enabled.stdout, 'ada@example.org enabled');

  const lastAdmin = run('user', 'disable', 'grace@example.org');
  assert.equal(lastAdmin.code, 2);
  assert.match(lastAdmin.stderr, /only active admin, so you cannot disable them/);
});

test('user reset-link prints a reset link for someone with a password, a setup link for someone without', async () => {
  await withTestStore(async (store) => store.users.setPassword(2, await hashPassword('correct horse battery staple'), new Date().toISOString()));
  const reset = run('user', 'reset-link', 'ada@example.org');
  assert.equal(reset.code, 0, reset.stderr);
  assert.match(reset.stdout, /^password reset link for ada@example\.org, works once until .* UTC:$/m);
  const { token } = printedLink(reset.stdout, 'reset');
  await withTestStore(async (store) => assert.equal((await store.oneTimeTokens.peek(hashToken(token), 'reset', new Date().toISOString()))?.userId, 2));

  const setup = run('user', 'reset-link', 'grace@example.org');
  assert.equal(setup.code, 0, setup.stderr);
  assert.match(setup.stdout, /^setup link \(they have no password yet\) for grace@example\.org/);
  printedLink(setup.stdout, 'setup');
});

test('audit lists what happened, newest first, filtered by action, actor and time, as text or JSON; no link is in it', async () => {
  const listed = run('audit');
  assert.equal(listed.code, 0, listed.stderr);
  assert.match(listed.stdout, /^at \(UTC\) +actor +action +target +address +details$/m);
  assert.match(listed.stdout, /system: cli +user\.role_changed +user 2 +\{"from":"writer","to":"editor","sessionsEnded":1\}/);
  assert.doesNotMatch(listed.stdout, /newsroom\/(setup|reset)\//);
  const lines = listed.stdout.split('\n');
  assert.match(lines[1]!, /user\.setup_link_created/, 'newest first');

  const roles = JSON.parse(run('audit', '--action', 'user.role_changed', '--json').stdout);
  assert.deepEqual(roles.map((entry: { details: unknown }) => entry.details), [{ from: 'writer', to: 'editor', sessionsEnded: 1 }]);
  const users = JSON.parse(run('audit', '--action', 'user.', '--limit', '2', '--json').stdout);
  assert.equal(users.length, 2);

  // What a visitor typed is printed inert: no escape sequence reaches the terminal.
  await withTestStore(async (store) => {
    await store.audit.record({ at: new Date().toISOString(), actorId: 2, actorLabel: 'Ada <ada@example.org>', action: 'session.signed_in', targetType: 'user', targetId: '2', details: { userAgent: 'evil\u001b[2J' }, address: '192.0.2.1' });
  });
  const byAda = run('audit', '--actor', 'ADA@example.org');
  assert.equal(byAda.code, 0, byAda.stderr);
  assert.equal(byAda.stdout.split('\n').length, 2);
  assert.match(byAda.stdout, /Ada <ada@example\.org> +session\.signed_in +user 2 +192\.0\.2\.1/);
  assert.doesNotMatch(byAda.stdout, /\u001b/);

  assert.equal(run('audit', '--since', '2999-01-01').stdout, 'no audit entries match');
  const unknown = run('audit', '--actor', 'nobody@example.org');
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /no one has the address nobody@example\.org/);
  const badTime = run('audit', '--since', 'yesterday');
  assert.equal(badTime.code, 2);
  assert.match(badTime.stderr, /give a time as 2026-03-01/);
});

test('with SMTP_URL, user add mails the invitation and says so', async () => {
  const received: { to: string[]; raw: string }[] = [];
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const smtpUrl = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
    const added = await newsdeskBeside(['user', 'add', 'carol@example.org', '--role', 'contributor', '--name', 'Carol'], { SMTP_URL: smtpUrl });
    assert.equal(added.code, 0, added.stderr);
    assert.match(added.stdout, /^mailed to carol@example\.org$/m);
    const { link } = printedLink(added.stdout, 'setup');
    assert.equal(received.length, 1);
    assert.deepEqual(received[0]!.to, ['carol@example.org']);
    assert.ok(received[0]!.raw.replace(/=\r?\n/g, '').includes(link.slice(-20)), 'the mail holds the link');
  } finally {
    await new Promise<void>((resolve) => server.close(resolve));
  }
});

/** `newsdesk ARGS` in a child process without blocking this one, whose SMTP server must keep answering. */
function newsdeskBeside(args: string[], env: Record<string, string>): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, LOG_LEVEL: 'warn', DATA_DIR: dataDir, SITE_URL, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => resolve({ code, stdout: stdout.trim(), stderr: stderr.trim() }));
  });
}

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConflictError, ForbiddenError, ValidationError } from '../../../domain/index.ts';
import { hashToken } from '../../auth/index.ts';
import { CLI, personActing } from '../testing.ts';
import { addUser } from './addUser.ts';
import { auditOf, peopleTestContext, tokenOf } from './testing.ts';

test('an admin invites a person: no password, a setup link stored only as its hash, mailed, audited', async () => {
  const { context, store, sent } = await peopleTestContext();
  const admin = await personActing(store, 'admin');
  const invited = await addUser(context, admin, { email: ' Grace.Hopper@Example.ORG ', name: '  Grace Hopper ', role: 'editor' });

  assert.equal(invited.user.email, 'grace.hopper@example.org');
  assert.equal(invited.user.name, 'Grace Hopper');
  assert.equal(invited.user.role, 'editor');
  assert.equal(invited.user.passwordSetAt, null);
  assert.equal(await store.users.passwordHash(invited.user.id), null);
  assert.match(invited.link, /^https:\/\/news\.example\.org\/newsroom\/setup\/[\w-]{43}$/);
  assert.equal(invited.expiresAt.toISOString(), '2026-03-04T12:00:00.000Z', 'three days');
  assert.equal(invited.mailed, true);

  const token = tokenOf(invited.link);
  const now = '2026-03-01T12:00:00.000Z';
  assert.deepEqual(await store.oneTimeTokens.peek(hashToken(token), 'setup', now), { userId: invited.user.id, expiresAt: '2026-03-04T12:00:00.000Z' });
  assert.equal(await store.oneTimeTokens.peek(token, 'setup', now), undefined, 'the raw token is not what is stored');

  assert.equal(sent.length, 1);
  assert.equal(sent[0]!.to, 'grace.hopper@example.org');
  assert.equal(sent[0]!.subject, 'Admin invited you to the CRBC News newsroom');
  assert.ok(sent[0]!.text.includes(invited.link));

  const [entry, ...more] = await auditOf(store, 'user.added');
  assert.equal(more.length, 0);
  assert.equal(entry!.actorLabel, 'Admin <admin@example.org>');
  assert.equal(entry!.targetId, String(invited.user.id));
  assert.deepEqual(entry!.details, { role: 'editor', email: 'grace.hopper@example.org' });
  assert.ok(!JSON.stringify(entry).includes(token), 'the audit log holds no live link');
  await store.close();
});

test('without an SMTP server, or when it refuses, the person is still invited and the link is for the admin to pass on', async () => {
  const { context, store, mail } = await peopleTestContext();
  mail.outcome = 'logged';
  const logged = await addUser(context, CLI, { email: 'a@example.org', name: 'A', role: 'writer' });
  assert.equal(logged.mailed, false);
  assert.equal(logged.mailError, undefined);

  mail.outcome = 'refused';
  const refused = await addUser(context, CLI, { email: 'b@example.org', name: 'B', role: 'writer' });
  assert.equal(refused.mailed, false);
  assert.match(refused.mailError ?? '', /550/);
  assert.ok(await store.users.findByEmail('b@example.org'));
  await store.close();
});

test('from the CLI, the invitation comes from the site admin', async () => {
  const { context, store, sent } = await peopleTestContext();
  await addUser(context, CLI, { email: 'c@example.org', name: 'C', role: 'contributor' });
  assert.equal(sent[0]!.subject, 'CRBC News admin invited you to the CRBC News newsroom');
  assert.equal((await auditOf(store, 'user.added'))[0]!.actorLabel, 'system: cli');
  await store.close();
});

test('only admins invite people', async () => {
  const { context, store } = await peopleTestContext();
  const editor = await personActing(store, 'editor');
  await assert.rejects(addUser(context, editor, { email: 'd@example.org', name: 'D', role: 'writer' }), ForbiddenError);
  assert.equal(await store.users.findByEmail('d@example.org'), undefined);
  assert.deepEqual(await auditOf(store, 'user.added'), []);
  await store.close();
});

test('addresses, names and roles are checked, and a taken address is refused in plain words', async () => {
  const { context, store } = await peopleTestContext();
  const refusals: [Record<string, string>, RegExp][] = [
    [{ email: '' }, /Give an email address/],
    [{ email: 'someone' }, /not an email address/],
    [{ email: 'someone@localhost' }, /not an email address/],
    [{ email: 'two words@example.org' }, /not an email address/],
    [{ email: 'a@example.org, b@example.org' }, /one plain address/],
    [{ email: 'Ada <ada@example.org>' }, /one plain address/],
    [{ email: `${'a'.repeat(250)}@example.org` }, /at most 254 characters/],
    [{ email: 'admin@setup.invalid' }, /\.invalid cannot receive mail/],
    [{ name: '   ' }, /Give a name/],
    [{ name: 'n'.repeat(101) }, /at most 100 characters/],
    [{ role: 'chief' }, /"chief" is not a role; the roles are contributor, writer, editor, admin/],
  ];
  for (const [change, message] of refusals) {
    await assert.rejects(addUser(context, CLI, { email: 'ok@example.org', name: 'Ok', role: 'writer', ...change }), (error: unknown) => {
      assert.ok(error instanceof ValidationError, JSON.stringify(change));
      assert.match(error.message, message);
      return true;
    });
  }
  assert.equal(await store.users.count(), 0);

  await addUser(context, CLI, { email: 'taken@example.org', name: 'First', role: 'writer' });
  await assert.rejects(addUser(context, CLI, { email: 'TAKEN@example.org', name: 'Second', role: 'editor' }), (error: unknown) => {
    assert.ok(error instanceof ConflictError);
    assert.equal(error.message, 'Someone already has the address taken@example.org.');
    return true;
  });
  assert.equal(await store.users.count(), 1);
  await store.close();
});

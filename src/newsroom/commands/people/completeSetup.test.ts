import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConflictError, ValidationError } from '../../../domain/index.ts';
import { hashToken, verifyPassword } from '../../auth/index.ts';
import { CLI } from '../testing.ts';
import { addUser } from './addUser.ts';
import { SETUP_PLACEHOLDER_EMAIL } from './checks.ts';
import { completeSetup } from './completeSetup.ts';
import { firstAdminSetup } from './firstAdminSetup.ts';
import { findOpenLink } from './links.ts';
import { setUserDisabled } from './setUserDisabled.ts';
import { auditOf, GOOD_PASSWORD, peopleTestContext, tokenOf, type PeopleTest } from './testing.ts';

async function invite(test: PeopleTest) {
  const { user, link } = await addUser(test.context, CLI, { email: 'ada@example.org', name: 'Ada', role: 'writer' });
  return { user, token: tokenOf(link) };
}

test('an invited person sets their name and password through the link, which then works no more', async () => {
  const people = await peopleTestContext();
  const { context, store } = people;
  const { user, token } = await invite(people);
  assert.equal((await findOpenLink(context, 'setup', token))?.user.id, user.id, 'the form is shown');

  const done = await completeSetup(context, { token, name: ' Ada Lovelace ', email: 'someone.else@example.org', password: GOOD_PASSWORD, address: '203.0.113.5' });
  assert.equal(done.name, 'Ada Lovelace');
  assert.equal(done.email, 'ada@example.org', 'an invited person keeps the address they were invited with');
  assert.equal(done.passwordSetAt, '2026-03-01T12:00:00.000Z');
  assert.ok(await verifyPassword((await store.users.passwordHash(user.id))!, GOOD_PASSWORD));
  assert.deepEqual(await store.sessions.listForUser(user.id), [], 'not signed in by this');

  const [entry] = await auditOf(store, 'user.password_set');
  assert.equal(entry!.actorLabel, 'Ada Lovelace <ada@example.org>');
  assert.equal(entry!.address, '203.0.113.5');
  assert.deepEqual(entry!.details, {});

  assert.equal(await findOpenLink(context, 'setup', token), null);
  await assert.rejects(completeSetup(context, { token, name: 'Mallory', email: '', password: 'another long passphrase', address: null }), (error: unknown) => {
    assert.ok(error instanceof ValidationError);
    assert.equal(error.message, 'This link has been used or has expired; ask an admin for a new invitation.');
    return true;
  });
  assert.equal((await store.users.findById(user.id))?.name, 'Ada Lovelace');
  await store.close();
});

test('a refused password lists what is wrong and uses nothing up', async () => {
  const people = await peopleTestContext();
  const { context, store } = people;
  const { user, token } = await invite(people);
  await assert.rejects(completeSetup(context, { token, name: 'Ada', email: '', password: 'ada', address: null }), (error: unknown) => {
    assert.ok(error instanceof ValidationError);
    assert.match(error.message, /at least 12 characters; this one has 3/);
    assert.match(error.message, /should not be your email address/);
    return true;
  });
  await assert.rejects(completeSetup(context, { token, name: '', email: '', password: GOOD_PASSWORD, address: null }), /Give a name/);
  assert.equal(await store.users.passwordHash(user.id), null);
  assert.ok(await store.oneTimeTokens.peek(hashToken(token), 'setup', '2026-03-01T12:00:00Z'), 'the link still works');
  await completeSetup(context, { token, name: 'Ada', email: '', password: GOOD_PASSWORD, address: null });
  await store.close();
});

test('an expired link, a made-up one, and a disabled person’s are refused alike', async () => {
  const people = await peopleTestContext();
  const { context, store, clock } = people;
  const input = { name: 'Ada', email: '', password: GOOD_PASSWORD, address: null };
  await assert.rejects(completeSetup(context, { ...input, token: 'made-up' }), /used or has expired/);

  const { token } = await invite(people);
  clock.advanceMinutes(72 * 60);
  await assert.rejects(completeSetup(context, { ...input, token }), /used or has expired/);

  clock.advanceMinutes(-72 * 60);
  const other = await addUser(context, CLI, { email: 'b@example.org', name: 'B', role: 'writer' });
  await setUserDisabled(context, CLI, other.user.id, true);
  await setUserDisabled(context, CLI, other.user.id, false);
  await assert.rejects(completeSetup(context, { ...input, token: tokenOf(other.link) }), /used or has expired/, 'disabling revoked it');
  await store.close();
});

test('the first admin checks the address they give (nothing used up when it is refused)', async () => {
  const { context, store } = await peopleTestContext();
  const token = tokenOf((await firstAdminSetup(context))!.link);
  await addUser(context, CLI, { email: 'taken@example.org', name: 'T', role: 'writer' });
  const input = { token, name: 'Chief', password: GOOD_PASSWORD, address: null };
  await assert.rejects(completeSetup(context, { ...input, email: 'not an address' }), ValidationError);
  await assert.rejects(completeSetup(context, { ...input, email: SETUP_PLACEHOLDER_EMAIL }), /\.invalid/);
  await assert.rejects(completeSetup(context, { ...input, email: 'Taken@example.org' }), ConflictError);
  assert.ok(await findOpenLink(context, 'setup', token));
  await store.close();
});

test('the first admin replaces the placeholder address with theirs', async () => {
  const { context, store } = await peopleTestContext();
  const token = tokenOf((await firstAdminSetup(context))!.link);
  const admin = await completeSetup(context, { token, name: 'Chief Editor', email: ' Chief@Example.org ', password: GOOD_PASSWORD, address: '203.0.113.5' });
  assert.equal(admin.email, 'chief@example.org');
  assert.equal(admin.name, 'Chief Editor');
  assert.equal(admin.role, 'admin');
  assert.notEqual(admin.passwordSetAt, null);
  assert.equal(await store.users.findByEmail(SETUP_PLACEHOLDER_EMAIL), undefined);
  const [entry] = await auditOf(store, 'user.password_set');
  assert.equal(entry!.actorLabel, 'Chief Editor <chief@example.org>');
  assert.deepEqual(entry!.details, { email: 'chief@example.org' });
  assert.equal(await firstAdminSetup(context), null, 'set up: no link at the next start');
  await store.close();
});

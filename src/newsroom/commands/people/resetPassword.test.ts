import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ValidationError } from '../../../domain/index.ts';
import { verifyPassword } from '../../auth/index.ts';
import { CLI, personActing } from '../testing.ts';
import { addUser } from './addUser.ts';
import { findOpenLink } from './links.ts';
import { requestPasswordReset } from './requestPasswordReset.ts';
import { resetPassword } from './resetPassword.ts';
import { signIn } from './signIn.ts';
import { auditOf, givePassword, peopleTestContext, sessionFor, tokenOf, type PeopleTest } from './testing.ts';

const NEW_PASSWORD = 'a brand new long passphrase';

async function resetLinkFor(people: PeopleTest, email: string): Promise<string> {
  const before = people.sent.length;
  await requestPasswordReset(people.context, { email, address: '203.0.113.9' });
  const text = people.sent.slice(before).at(-1)?.text ?? '';
  return tokenOf(/https:\/\/\S+\/newsroom\/reset\/\S+/.exec(text)![0]);
}

test('a reset sets the password, ends every session, works once, and is audited', async () => {
  const people = await peopleTestContext();
  const { context, store } = people;
  const writer = await personActing(store, 'writer');
  await givePassword(store, writer.user.id);
  await sessionFor(store, writer.user.id);
  await sessionFor(store, writer.user.id);
  const token = await resetLinkFor(people, 'writer@example.org');
  assert.equal((await findOpenLink(context, 'reset', token))?.user.id, writer.user.id);

  const user = await resetPassword(context, { token, password: NEW_PASSWORD, address: '203.0.113.9' });
  assert.equal(user.id, writer.user.id);
  assert.ok(await verifyPassword((await store.users.passwordHash(user.id))!, NEW_PASSWORD));
  assert.deepEqual(await store.sessions.listForUser(user.id), [], 'whoever had the old password is signed out');

  const [entry] = await auditOf(store, 'user.password_reset');
  assert.equal(entry!.actorLabel, 'Writer <writer@example.org>');
  assert.deepEqual(entry!.details, { sessionsEnded: 2 });

  await assert.rejects(resetPassword(context, { token, password: 'yet another long passphrase', address: null }), (error: unknown) => {
    assert.ok(error instanceof ValidationError);
    assert.equal(error.message, 'This link has been used or has expired; ask for a new one from the sign-in page.');
    return true;
  });
  assert.ok(await verifyPassword((await store.users.passwordHash(user.id))!, NEW_PASSWORD));
  await store.close();
});

test('a refused password uses nothing up', async () => {
  const people = await peopleTestContext();
  const { context, store } = people;
  const writer = await personActing(store, 'writer');
  await givePassword(store, writer.user.id);
  const session = await sessionFor(store, writer.user.id);
  const token = await resetLinkFor(people, 'writer@example.org');
  await assert.rejects(resetPassword(context, { token, password: 'password', address: null }), /at least 12 characters.*most common passwords/s);
  await assert.rejects(resetPassword(context, { token, password: 'writer@example.org', address: null }), /not be your email address/);
  assert.ok(await findOpenLink(context, 'reset', token));
  assert.ok(await store.sessions.findWithUser(session), 'nothing ended either');
  await resetPassword(context, { token, password: NEW_PASSWORD, address: null });
  await store.close();
});

test('a reset link expires after an hour, and a setup link is no reset link', async () => {
  const people = await peopleTestContext();
  const { context, store, clock } = people;
  const writer = await personActing(store, 'writer');
  await givePassword(store, writer.user.id);
  const token = await resetLinkFor(people, 'writer@example.org');
  clock.advanceMinutes(60);
  await assert.rejects(resetPassword(context, { token, password: NEW_PASSWORD, address: null }), /used or has expired/);

  const { link } = await addUser(context, CLI, { email: 'new@example.org', name: 'New', role: 'writer' });
  await assert.rejects(resetPassword(context, { token: tokenOf(link), password: NEW_PASSWORD, address: null }), /used or has expired/);
  await store.close();
});

test('a reset lifts a lock on the account that failed sign-ins put on it', async () => {
  const people = await peopleTestContext();
  const { context, store } = people;
  const writer = await personActing(store, 'writer');
  await givePassword(store, writer.user.id);
  for (let i = 0; i < 3; i++) {
    await assert.rejects(signIn(context, { email: 'writer@example.org', password: `guess number ${i}`, address: `198.51.100.${i}`, userAgent: null }), ValidationError);
  }
  await assert.rejects(signIn(context, { email: 'writer@example.org', password: NEW_PASSWORD, address: '203.0.113.9', userAgent: null }), /Too many failed sign-ins/);
  const token = await resetLinkFor(people, 'writer@example.org');
  await resetPassword(context, { token, password: NEW_PASSWORD, address: '203.0.113.9' });
  const signedIn = await signIn(context, { email: 'writer@example.org', password: NEW_PASSWORD, address: '203.0.113.9', userAgent: null });
  assert.equal(signedIn.user.id, writer.user.id);
  await store.close();
});

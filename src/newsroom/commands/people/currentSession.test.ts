import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ValidationError } from '../../../domain/index.ts';
import { hashToken } from '../../auth/index.ts';
import { CLI, personActing } from '../testing.ts';
import { currentSession } from './currentSession.ts';
import { setUserDisabled } from './setUserDisabled.ts';
import { signIn } from './signIn.ts';
import { signOut, signOutEverywhere } from './signOut.ts';
import { auditOf, GOOD_PASSWORD, givePassword, peopleTestContext } from './testing.ts';

async function signedIn() {
  const people = await peopleTestContext();
  const writer = await personActing(people.store, 'writer');
  await givePassword(people.store, writer.user.id);
  const attempt = { email: 'writer@example.org', password: GOOD_PASSWORD, address: '192.0.2.1', userAgent: null };
  const { sessionId } = await signIn(people.context, attempt);
  return { ...people, writer, idHash: hashToken(sessionId), signInAgain: async () => hashToken((await signIn(people.context, attempt)).sessionId) };
}

test('a session signs its person in, and last-seen is written at most once a minute', async () => {
  const { context, store, clock, writer, idHash } = await signedIn();
  assert.equal(await currentSession(context, 'no-such-session'), null);
  const first = await currentSession(context, idHash);
  assert.equal(first?.user.id, writer.user.id);
  assert.equal(first?.session.lastSeenAt, '2026-03-01T12:00:00.000Z');

  clock.now = new Date('2026-03-01T12:00:59Z');
  assert.equal((await currentSession(context, idHash))?.session.lastSeenAt, '2026-03-01T12:00:00.000Z', 'a page view is not a write');
  clock.now = new Date('2026-03-01T12:01:00Z');
  assert.equal((await currentSession(context, idHash))?.session.lastSeenAt, '2026-03-01T12:01:00.000Z');
  assert.equal((await store.sessions.findWithUser(idHash))?.session.lastSeenAt, '2026-03-01T12:01:00.000Z');
  await store.close();
});

test('thirty minutes idle end a session, and it is deleted', async () => {
  const { context, store, clock, idHash } = await signedIn();
  clock.advanceMinutes(29);
  assert.ok(await currentSession(context, idHash));
  clock.advanceMinutes(29);
  assert.ok(await currentSession(context, idHash), 'in use, it lives on');
  clock.advanceMinutes(30);
  assert.equal(await currentSession(context, idHash), null);
  assert.equal(await store.sessions.findWithUser(idHash), undefined);
  await store.close();
});

test('twelve hours end a session however busy it is', async () => {
  const { context, store, clock, idHash } = await signedIn();
  for (let minutes = 10; minutes < 12 * 60; minutes += 10) {
    clock.advanceMinutes(10);
    assert.ok(await currentSession(context, idHash), `after ${minutes} minutes`);
  }
  clock.advanceMinutes(10);
  assert.equal(await currentSession(context, idHash), null);
  assert.equal(await store.sessions.findWithUser(idHash), undefined);
  await store.close();
});

test('a disabled person’s session signs no one in', async () => {
  const { context, store, writer, idHash } = await signedIn();
  // Disabling deletes the sessions; one that survives (written in a race) still signs no one in.
  await store.users.setDisabled(writer.user.id, true, '2026-03-01T12:00:00Z');
  assert.equal(await currentSession(context, idHash), null);
  assert.equal(await store.sessions.findWithUser(idHash), undefined);
  await setUserDisabled(context, CLI, writer.user.id, false);
  await store.close();
});

test('signing out ends that session; signing out everywhere ends all of them', async () => {
  const { context, store, writer, idHash, signInAgain } = await signedIn();
  const other = await signInAgain();
  await signOut(context, idHash, '192.0.2.1');
  assert.equal(await currentSession(context, idHash), null);
  assert.ok(await currentSession(context, other));
  assert.equal((await auditOf(store, 'session.signed_out'))[0]!.actorLabel, 'Writer <writer@example.org>');
  await signOut(context, idHash);
  assert.equal((await auditOf(store, 'session.signed_out')).length, 1, 'an ended session ends once');

  await signInAgain();
  assert.equal(await signOutEverywhere(context, writer), 2);
  assert.deepEqual(await store.sessions.listForUser(writer.user.id), []);
  assert.deepEqual((await auditOf(store, 'session.signed_out_everywhere'))[0]!.details, { sessionsEnded: 2 });
  await assert.rejects(signOutEverywhere(context, CLI), ValidationError);
  await store.close();
});

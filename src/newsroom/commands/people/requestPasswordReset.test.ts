import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ThrottledError } from '../../../domain/index.ts';
import { hashToken } from '../../auth/index.ts';
import { CLI, personActing } from '../testing.ts';
import { addUser } from './addUser.ts';
import { requestPasswordReset } from './requestPasswordReset.ts';
import { setUserDisabled } from './setUserDisabled.ts';
import { auditOf, givePassword, peopleTestContext, tokenOf } from './testing.ts';
import { signInKeys } from './throttle.ts';

const AT = '2026-03-01T12:00:00.000Z';

test('a person with a password is mailed a reset link; an older one stops working; the log holds no link', async () => {
  const { context, store, sent } = await peopleTestContext();
  const writer = await personActing(store, 'writer');
  await givePassword(store, writer.user.id);

  assert.equal(await requestPasswordReset(context, { email: ' WRITER@example.org', address: '203.0.113.9' }), undefined);
  assert.equal(sent.length, 1);
  assert.equal(sent[0]!.to, 'writer@example.org');
  assert.equal(sent[0]!.subject, 'Reset your CRBC News password');
  const link = /https:\/\/news\.example\.org\/newsroom\/reset\/\S+/.exec(sent[0]!.text)?.[0];
  assert.ok(link);
  assert.deepEqual(await store.oneTimeTokens.peek(hashToken(tokenOf(link)), 'reset', AT), { userId: writer.user.id, expiresAt: '2026-03-01T13:00:00.000Z' });

  const [entry] = await auditOf(store, 'user.reset_requested');
  assert.equal(entry!.actorId, null, 'whoever asked is not signed in');
  assert.equal(entry!.actorLabel, 'visitor');
  assert.equal(entry!.address, '203.0.113.9');
  assert.equal(entry!.targetId, String(writer.user.id));
  assert.deepEqual(entry!.details, { delivered: true });
  assert.ok(!JSON.stringify(entry).includes(tokenOf(link)));

  await requestPasswordReset(context, { email: 'writer@example.org', address: '203.0.113.9' });
  assert.equal(await store.oneTimeTokens.peek(hashToken(tokenOf(link)), 'reset', AT), undefined, 'the newer link replaces it');
  await store.close();
});

test('an unknown address gets the same answer, and no mail; the log keeps only the address it came from', async () => {
  const { context, store, sent } = await peopleTestContext();
  const writer = await personActing(store, 'writer');
  await givePassword(store, writer.user.id);
  const known = await requestPasswordReset(context, { email: 'writer@example.org', address: '203.0.113.9' }).then((value) => ({ value }), (error) => ({ error }));
  const unknown = await requestPasswordReset(context, { email: 'nobody@example.org', address: '203.0.113.9' }).then((value) => ({ value }), (error) => ({ error }));
  const notAnAddress = await requestPasswordReset(context, { email: 'nobody', address: '203.0.113.10' }).then((value) => ({ value }), (error) => ({ error }));
  assert.deepEqual(unknown, known);
  assert.deepEqual(notAnAddress, known);
  assert.equal(sent.length, 1);

  const entries = await auditOf(store, 'user.reset_requested_unknown');
  assert.equal(entries.length, 2);
  assert.deepEqual(entries.map((entry) => [entry.address, entry.targetId, entry.details]), [['203.0.113.10', null, {}], ['203.0.113.9', null, {}]]);
  assert.ok(!JSON.stringify(entries).includes('nobody'));
  await store.close();
});

test('someone disabled, or invited and not yet set up, is mailed nothing', async () => {
  const { context, store, sent } = await peopleTestContext();
  const writer = await personActing(store, 'writer');
  await givePassword(store, writer.user.id);
  await setUserDisabled(context, CLI, writer.user.id, true);
  await addUser(context, CLI, { email: 'new@example.org', name: 'New', role: 'writer' });
  sent.length = 0;
  await requestPasswordReset(context, { email: 'writer@example.org', address: '203.0.113.9' });
  await requestPasswordReset(context, { email: 'new@example.org', address: '203.0.113.9' });
  assert.deepEqual(sent, []);
  assert.deepEqual((await auditOf(store, 'user.reset_refused')).map((entry) => entry.details.reason), ['no password yet', 'disabled']);
  await store.close();
});

test('with no SMTP server the link is logged by the mailer, and a refusing server is not the visitor’s business', async () => {
  const { context, store, mail } = await peopleTestContext();
  const writer = await personActing(store, 'writer');
  await givePassword(store, writer.user.id);
  mail.outcome = 'logged';
  await requestPasswordReset(context, { email: 'writer@example.org', address: '203.0.113.9' });
  mail.outcome = 'refused';
  await requestPasswordReset(context, { email: 'writer@example.org', address: '203.0.113.9' });
  const [refused, logged] = await auditOf(store, 'user.reset_requested');
  assert.deepEqual(logged!.details, { delivered: false });
  assert.deepEqual(refused!.details, { delivered: false, mailError: '550 mailbox unavailable' });
  await store.close();
});

test('requests are throttled per account and address alike, found or not, and lock nobody out of signing in', async () => {
  const { context, store, clock } = await peopleTestContext();
  const writer = await personActing(store, 'writer');
  await givePassword(store, writer.user.id);
  for (const email of ['writer@example.org', 'nobody@example.org']) {
    for (let i = 0; i < 3; i++) await requestPasswordReset(context, { email, address: `198.51.100.${i}` });
    await assert.rejects(requestPasswordReset(context, { email, address: '198.51.100.99' }), (error: unknown) => {
      assert.ok(error instanceof ThrottledError);
      assert.equal(error.message, 'Too many password reset requests. Try again in 10 minutes.');
      assert.equal(error.retryAfterSeconds, 600);
      return true;
    });
  }
  assert.equal(await context.limiter.lockedFor(signInKeys('writer@example.org', '198.51.100.99'), clock.now), 0);
  clock.advanceMinutes(10);
  await requestPasswordReset(context, { email: 'writer@example.org', address: '198.51.100.99' });
  await store.close();
});

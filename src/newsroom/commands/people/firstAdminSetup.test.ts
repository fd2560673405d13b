import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hashToken } from '../../auth/index.ts';
import { personActing } from '../testing.ts';
import { SETUP_PLACEHOLDER_EMAIL } from './checks.ts';
import { firstAdminSetup } from './firstAdminSetup.ts';
import { auditOf, givePassword, peopleTestContext, tokenOf } from './testing.ts';

test('a new site gets its first admin, without a password, and one setup link, printed once', async () => {
  const { context, store } = await peopleTestContext();
  const first = await firstAdminSetup(context);
  assert.ok(first);
  assert.match(first.link, /^https:\/\/news\.example\.org\/newsroom\/setup\/[\w-]{43}$/);
  assert.equal(first.expiresAt.toISOString(), '2026-03-04T12:00:00.000Z');

  const [admin, ...others] = await store.users.list();
  assert.equal(others.length, 0);
  assert.equal(admin!.email, SETUP_PLACEHOLDER_EMAIL);
  assert.equal(admin!.name, 'Administrator');
  assert.equal(admin!.role, 'admin');
  assert.equal(admin!.passwordSetAt, null);
  assert.equal((await store.oneTimeTokens.peek(hashToken(tokenOf(first.link)), 'setup', '2026-03-01T12:00:00Z'))?.userId, admin!.id);

  const [created] = await auditOf(store, 'user.setup_link_created');
  assert.equal(created!.actorLabel, 'system: cli');
  assert.equal(created!.address, null);
  assert.equal(created!.targetId, String(admin!.id));
  assert.deepEqual((await auditOf(store, 'user.added'))[0]!.details, { role: 'admin', first: true });

  assert.equal(await firstAdminSetup(context), null, 'a restart prints nothing while the link is open');
  assert.equal(await store.users.count(), 1);
  await store.close();
});

test('when the link expired before the admin used it, the next start makes a new one', async () => {
  const { context, store, clock } = await peopleTestContext();
  const first = (await firstAdminSetup(context))!;
  clock.advanceMinutes(72 * 60);
  const second = await firstAdminSetup(context);
  assert.ok(second);
  assert.notEqual(second.link, first.link);
  assert.equal(await firstAdminSetup(context), null);
  assert.equal((await auditOf(store, 'user.setup_link_created')).length, 2);

  // Once the admin has a password, there is nothing to set up, expired link or not.
  const [admin] = await store.users.list();
  await givePassword(store, admin!.id);
  clock.advanceMinutes(72 * 60);
  assert.equal(await firstAdminSetup(context), null);
  await store.close();
});

test('a site that already has people gets no first admin', async () => {
  const { context, store } = await peopleTestContext();
  await personActing(store, 'admin');
  assert.equal(await firstAdminSetup(context), null);
  assert.equal(await store.users.count(), 1);
  await store.close();
});

test('two processes starting at once make one admin and one link', async () => {
  const { context, store } = await peopleTestContext();
  const results = await Promise.all([firstAdminSetup(context), firstAdminSetup(context)]);
  assert.equal(results.filter(Boolean).length, 1);
  assert.equal(await store.users.count(), 1);
  await store.close();
});

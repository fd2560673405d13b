import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ForbiddenError, ValidationError } from '../../../domain/index.ts';
import { CLI, personActing } from '../testing.ts';
import { addUser } from './addUser.ts';
import { createResetLink } from './createResetLink.ts';
import { findOpenLink } from './links.ts';
import { setUserDisabled } from './setUserDisabled.ts';
import { auditOf, givePassword, peopleTestContext, tokenOf } from './testing.ts';

test('an admin makes a reset link to hand over; the older one stops working; the log holds no link', async () => {
  const { context, store, sent } = await peopleTestContext();
  const writer = await personActing(store, 'writer');
  await givePassword(store, writer.user.id);
  const first = await createResetLink(context, CLI, writer.user.id);
  assert.equal(first.purpose, 'reset');
  assert.match(first.link, /^https:\/\/news\.example\.org\/newsroom\/reset\//);
  assert.equal(first.expiresAt.toISOString(), '2026-03-01T13:00:00.000Z');
  assert.deepEqual(sent, [], 'handed over, not mailed');

  const second = await createResetLink(context, CLI, writer.user.id);
  assert.equal(await findOpenLink(context, 'reset', tokenOf(first.link)), null);
  assert.equal((await findOpenLink(context, 'reset', tokenOf(second.link)))?.user.id, writer.user.id);
  const entries = await auditOf(store, 'user.reset_link_created');
  assert.equal(entries.length, 2);
  assert.ok(!JSON.stringify(entries).includes(tokenOf(second.link)));
  await store.close();
});

test('for someone invited who never set a password, it is a new setup link', async () => {
  const { context, store } = await peopleTestContext();
  const invited = await addUser(context, CLI, { email: 'new@example.org', name: 'New', role: 'writer' });
  const handed = await createResetLink(context, CLI, invited.user.id);
  assert.equal(handed.purpose, 'setup');
  assert.equal(handed.expiresAt.toISOString(), '2026-03-04T12:00:00.000Z');
  assert.equal(await findOpenLink(context, 'setup', tokenOf(invited.link)), null, 'the lost invitation stops working');
  assert.equal((await auditOf(store, 'user.setup_link_created')).length, 1);
  await store.close();
});

test('only admins make links, and not for someone disabled', async () => {
  const { context, store } = await peopleTestContext();
  const editor = await personActing(store, 'editor');
  const writer = await personActing(store, 'writer');
  await assert.rejects(createResetLink(context, editor, writer.user.id), ForbiddenError);
  await setUserDisabled(context, CLI, writer.user.id, true);
  await assert.rejects(createResetLink(context, CLI, writer.user.id), ValidationError);
  await store.close();
});

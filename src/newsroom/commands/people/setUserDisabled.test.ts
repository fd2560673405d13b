import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ForbiddenError, NotFoundError, ValidationError } from '../../../domain/index.ts';
import { hashToken } from '../../auth/index.ts';
import { CLI, personActing } from '../testing.ts';
import { addUser } from './addUser.ts';
import { setUserDisabled } from './setUserDisabled.ts';
import { auditOf, peopleTestContext, sessionFor, tokenOf } from './testing.ts';

test('disabling ends the person’s sessions and revokes their open links; enabling lets them back', async () => {
  const { context, store } = await peopleTestContext();
  const admin = await personActing(store, 'admin');
  const { user, link } = await addUser(context, admin, { email: 'w@example.org', name: 'W', role: 'writer' });
  await sessionFor(store, user.id);
  await sessionFor(store, user.id);

  const disabled = await setUserDisabled(context, admin, user.id, true);
  assert.equal(disabled.disabled, true);
  assert.deepEqual(await store.sessions.listForUser(user.id), []);
  assert.equal(await store.oneTimeTokens.peek(hashToken(tokenOf(link)), 'setup', '2026-03-01T12:00:00.000Z'), undefined);
  assert.deepEqual((await auditOf(store, 'user.disabled'))[0]!.details, { sessionsEnded: 2 });

  const again = await setUserDisabled(context, admin, user.id, true);
  assert.equal(again.disabled, true);
  assert.equal((await auditOf(store, 'user.disabled')).length, 1, 'nothing changed, nothing logged');

  const enabled = await setUserDisabled(context, admin, user.id, false);
  assert.equal(enabled.disabled, false);
  assert.equal((await auditOf(store, 'user.enabled'))[0]!.actorLabel, 'Admin <admin@example.org>');
  await store.close();
});

test('nobody disables themselves, and the last active admin stays enabled', async () => {
  const { context, store } = await peopleTestContext();
  const admin = await personActing(store, 'admin');
  await assert.rejects(setUserDisabled(context, admin, admin.user.id, true), /cannot disable your own account/);
  await assert.rejects(setUserDisabled(context, CLI, admin.user.id, true), (error: unknown) => {
    assert.ok(error instanceof ValidationError);
    assert.match(error.message, /only active admin, so you cannot disable them/);
    return true;
  });
  assert.equal((await store.users.findById(admin.user.id))?.disabled, false);

  const second = await personActing(store, 'admin', 'second@example.org');
  assert.equal((await setUserDisabled(context, second, admin.user.id, true)).disabled, true);
  await store.close();
});

test('only admins disable people; unknown people are not found', async () => {
  const { context, store } = await peopleTestContext();
  const editor = await personActing(store, 'editor');
  const writer = await personActing(store, 'writer');
  await assert.rejects(setUserDisabled(context, editor, writer.user.id, true), ForbiddenError);
  await assert.rejects(setUserDisabled(context, CLI, 999, true), NotFoundError);
  assert.equal((await store.users.findById(writer.user.id))?.disabled, false);
  await store.close();
});

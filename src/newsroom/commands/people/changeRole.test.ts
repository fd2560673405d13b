import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ForbiddenError, NotFoundError, ValidationError } from '../../../domain/index.ts';
import { CLI, personActing } from '../testing.ts';
import { changeRole } from './changeRole.ts';
import { auditOf, peopleTestContext, sessionFor } from './testing.ts';

test('a role change ends all the person’s sessions and is audited with from and to', async () => {
  const { context, store } = await peopleTestContext();
  const admin = await personActing(store, 'admin');
  const writer = await personActing(store, 'writer');
  await sessionFor(store, writer.user.id);
  await sessionFor(store, writer.user.id);
  const kept = await sessionFor(store, admin.user.id);

  const changed = await changeRole(context, admin, writer.user.id, 'editor');
  assert.equal(changed.role, 'editor');
  assert.equal((await store.users.findById(writer.user.id))?.role, 'editor');
  assert.deepEqual(await store.sessions.listForUser(writer.user.id), [], 'they sign in again, with the new rights');
  assert.ok(await store.sessions.findWithUser(kept), "others' sessions stay");

  const [entry] = await auditOf(store, 'user.role_changed');
  assert.equal(entry!.actorLabel, 'Admin <admin@example.org>');
  assert.equal(entry!.targetId, String(writer.user.id));
  assert.deepEqual(entry!.details, { from: 'writer', to: 'editor', sessionsEnded: 2 });
  await store.close();
});

test('the same role again changes nothing: no sessions end, nothing is logged', async () => {
  const { context, store } = await peopleTestContext();
  const writer = await personActing(store, 'writer');
  await sessionFor(store, writer.user.id);
  await changeRole(context, CLI, writer.user.id, 'writer');
  assert.equal((await store.sessions.listForUser(writer.user.id)).length, 1);
  assert.deepEqual(await auditOf(store, 'user.role_changed'), []);
  await store.close();
});

test('the last active admin cannot be demoted; with a second admin they can', async () => {
  const { context, store } = await peopleTestContext();
  const admin = await personActing(store, 'admin');
  await assert.rejects(changeRole(context, CLI, admin.user.id, 'editor'), (error: unknown) => {
    assert.ok(error instanceof ValidationError);
    assert.equal(error.message, 'Admin is the only active admin, so you cannot make them an editor: make someone else an admin first.');
    return true;
  });
  assert.equal((await store.users.findById(admin.user.id))?.role, 'admin');

  // A disabled admin does not count: they cannot sign in to manage anyone.
  const second = await personActing(store, 'admin', 'second@example.org');
  await store.users.setDisabled(second.user.id, true, '2026-03-01T10:00:00Z');
  await assert.rejects(changeRole(context, CLI, admin.user.id, 'writer'), ValidationError);

  await store.users.setDisabled(second.user.id, false, '2026-03-01T10:00:00Z');
  assert.equal((await changeRole(context, admin, admin.user.id, 'writer')).role, 'writer');
  await store.close();
});

test('only admins change roles; roles are checked; unknown people are not found', async () => {
  const { context, store } = await peopleTestContext();
  const editor = await personActing(store, 'editor');
  const writer = await personActing(store, 'writer');
  await assert.rejects(changeRole(context, editor, writer.user.id, 'editor'), ForbiddenError);
  await assert.rejects(changeRole(context, CLI, writer.user.id, 'boss'), ValidationError);
  await assert.rejects(changeRole(context, CLI, 999, 'editor'), NotFoundError);
  assert.equal((await store.users.findById(writer.user.id))?.role, 'writer');
  await store.close();
});

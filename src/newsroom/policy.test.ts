import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ForbiddenError, ROLES, SYSTEM_ACTORS, type Actor, type Role, type User, type WorkflowState } from '../domain/index.ts';
import { authorize, can, policyTable, type Action } from './policy.ts';

function person(id: number, role: Role, disabled = false): Actor {
  const user: User = { id, email: `p${id}@example.org`, name: `P${id}`, role, disabled, passwordSetAt: null, createdAt: '', updatedAt: '' };
  return { kind: 'person', user };
}

const article = (ownerId: number | null, workflowState: WorkflowState) => ({ ownerId, workflowState });

test('the table of the issue, cell by cell: own drafts for contributors and writers, everything for editors', () => {
  const mine = (state: WorkflowState) => article(1, state);
  const theirs = (state: WorkflowState) => article(2, state);
  for (const role of ROLES) {
    const me = person(1, role);
    const desk = role === 'editor' || role === 'admin';
    assert.equal(can(me, 'create'), true, `${role} creates`);
    assert.equal(can(me, 'edit', mine('draft')), true, `${role} edits own draft`);
    assert.equal(can(me, 'submit', mine('draft')), true, `${role} submits own draft`);
    assert.equal(can(me, 'edit', theirs('draft')), desk, `${role} edits others' drafts`);
    assert.equal(can(me, 'review', theirs('in_review')), desk, `${role} reviews`);
    for (const action of ['publish', 'schedule', 'unpublish'] as const) {
      assert.equal(can(me, action, mine('in_review')), desk, `${role} may ${action} even their own only as desk`);
    }
    assert.equal(can(me, 'spike', mine('draft')), true, `${role} spikes own draft`);
    assert.equal(can(me, 'spike', mine('published')), desk, `${role} spikes own published article`);
    assert.equal(can(me, 'spike', theirs('draft')), desk, `${role} spikes others' drafts`);
    assert.equal(can(me, 'restore', mine('spiked')), true, `${role} restores own spiked`);
    assert.equal(can(me, 'restore', theirs('spiked')), desk, `${role} restores others' spiked`);
    for (const action of ['manage_people', 'manage_sections', 'manage_feeds', 'manage_settings', 'read_audit'] as const) {
      assert.equal(can(me, action), role === 'admin', `${role} may ${action}`);
    }
  }
});

test('a writer keeps editing while an article waits for review; a contributor hands it over', () => {
  assert.equal(can(person(1, 'writer'), 'edit', article(1, 'in_review')), true);
  assert.equal(can(person(1, 'contributor'), 'edit', article(1, 'in_review')), false);
  assert.equal(can(person(1, 'writer'), 'edit', article(1, 'published')), false, 'a published article is the desk’s');
});

test('nobody owns an ingested article: only the desk works on it; a disabled person may do nothing', () => {
  for (const role of ROLES) {
    const expected = role === 'editor' || role === 'admin';
    assert.equal(can(person(1, role), 'edit', article(null, 'draft')), expected, role);
    assert.equal(can(person(1, role), 'view', article(null, 'draft')), expected, role);
  }
  assert.equal(can(person(1, 'admin', true), 'create'), false);
});

test('system actors act with their role: the CLI as an admin, ingest and the scheduler as editors', () => {
  assert.equal(can(SYSTEM_ACTORS.cli, 'manage_people'), true);
  assert.equal(can(SYSTEM_ACTORS.scheduler, 'publish', article(3, 'scheduled')), true);
  assert.equal(can(SYSTEM_ACTORS.ingest, 'manage_people'), false);
});

test('a refusal says what was refused and how far the role reaches', () => {
  assert.throws(
    () => authorize(person(1, 'writer'), 'publish', article(1, 'draft')),
    (error: unknown) => error instanceof ForbiddenError && /not allowed to publish, schedule, unpublish here\./.test(error.message),
  );
  assert.throws(
    () => authorize(person(1, 'contributor'), 'edit', article(2, 'draft')),
    (error: unknown) => error instanceof ForbiddenError && /a contributor may do that only to their own drafts/.test(error.message),
  );
  assert.doesNotThrow(() => authorize(person(1, 'editor'), 'publish' satisfies Action, article(2, 'in_review')));
});

test('the roles table renders every rule with a column per role', () => {
  const table = policyTable().split('\n');
  assert.equal(table[0], '| action | contributor | writer | editor | admin |');
  assert.ok(table.includes('| publish, schedule, unpublish | — | — | ✓ | ✓ |'));
  assert.ok(table.includes('| submit a draft for review | own drafts | own drafts | ✓ | ✓ |'));
});

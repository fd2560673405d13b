import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { Migrator, sql, type Kysely } from 'kysely';
import { ConflictError, NotFoundError, type NewAuditEntry } from '../domain/index.ts';
import type { FailurePolicy, NewSession, NewUser, Store } from './index.ts';
import { migrations } from './migrations/index.ts';
import { connectPostgres } from './postgres.ts';
import { connectSqlite } from './sqlite.ts';
import { describeOnBothDialects } from './testing/targets.ts';

/** Minutes after a fixed instant, in the stored form. */
function at(minutes: number): string {
  return new Date(Date.UTC(2024, 4, 1, 10, 0) + minutes * 60_000).toISOString();
}

let serial = 0;
/** A new person with an address of their own. */
function newUser(overrides: Partial<NewUser> = {}): NewUser {
  serial += 1;
  return { email: `person-${serial}@example.org`, name: `Person ${serial}`, role: 'writer', createdAt: at(0), ...overrides };
}

function hash(label: string): string {
  serial += 1;
  return `${label}-${serial}-${'0'.repeat(40)}`;
}

function session(userId: number, overrides: Partial<NewSession> = {}): NewSession {
  return {
    idHash: hash('session'),
    userId,
    createdAt: at(0),
    expiresAt: at(60 * 24),
    address: '203.0.113.7',
    userAgent: 'Mozilla/5.0',
    ...overrides,
  };
}

describeOnBothDialects('people', (store) => {
  // ——— users ———

  test('users: insert trims and lower-cases the address, and finds it whatever its case', async () => {
    const user = await store().users.insert(newUser({ email: '  Ada.Lovelace@Example.ORG ', name: 'Ada Lovelace', role: 'editor', createdAt: '2024-05-01T12:00:00+02:00' }));
    assert.deepEqual(user, {
      id: user.id,
      email: 'ada.lovelace@example.org',
      name: 'Ada Lovelace',
      role: 'editor',
      disabled: false,
      passwordSetAt: null,
      createdAt: '2024-05-01T10:00:00.000Z',
      updatedAt: '2024-05-01T10:00:00.000Z',
    });
    assert.deepEqual(await store().users.findById(user.id), user);
    assert.deepEqual(await store().users.findByEmail('ADA.LOVELACE@example.org'), user);
    assert.deepEqual(await store().users.findByEmail(' ada.lovelace@example.org\n'), user);
    assert.equal(await store().users.findByEmail('nobody@example.org'), undefined);
    assert.equal(await store().users.findById(999_999), undefined);
    assert.equal(await store().users.passwordHash(user.id), null);
  });

  test('users: an address already taken, in another case, is a ConflictError and nothing is stored', async () => {
    const before = await store().users.count();
    await store().users.insert(newUser({ email: 'grace@example.org' }));
    await assert.rejects(store().users.insert(newUser({ email: ' GRACE@Example.org' })), (error: unknown) => {
      assert.ok(error instanceof ConflictError);
      assert.match(error.message, /^someone already has the address grace@example\.org/);
      return true;
    });
    assert.equal(await store().users.count(), before + 1);
  });

  test('users: a role outside the four is refused by the database itself', async () => {
    await assert.rejects(store().users.insert(newUser({ role: 'owner' as never })));
  });

  test('users: setEmail stores the address as insert does; a taken one is a conflict and changes nothing', async () => {
    const first = await store().users.insert(newUser({ email: 'first@example.org' }));
    const second = await store().users.insert(newUser({ email: 'second@example.org' }));
    const moved = await store().users.setEmail(first.id, '  New@Example.ORG ', at(3));
    assert.equal(moved.email, 'new@example.org');
    assert.equal(moved.updatedAt, at(3));
    await assert.rejects(store().users.setEmail(second.id, 'NEW@example.org', at(4)), (error: unknown) => error instanceof ConflictError && /new@example\.org/.test(error.message));
    assert.equal((await store().users.findById(second.id))?.email, 'second@example.org');
    await assert.rejects(store().users.setEmail(999_999, 'x@example.org', at(4)), NotFoundError);
  });

  test('users: setPassword stores the hash with its time; setRole, setName and setDisabled return the person as now', async () => {
    const user = await store().users.insert(newUser());
    await store().users.setPassword(user.id, '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA', at(5));
    assert.equal(await store().users.passwordHash(user.id), '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA');
    const withPassword = await store().users.findById(user.id);
    assert.equal(withPassword?.passwordSetAt, at(5));
    assert.equal(withPassword?.updatedAt, at(5));
    assert.ok(!('passwordHash' in withPassword!) && !('password_hash' in withPassword!), 'the hash never rides along');

    assert.deepEqual(await store().users.setRole(user.id, 'admin', at(6)), { ...withPassword, role: 'admin', updatedAt: at(6) });
    assert.deepEqual(await store().users.setName(user.id, 'Renamed', at(7)), { ...withPassword, role: 'admin', name: 'Renamed', updatedAt: at(7) });
    const disabled = await store().users.setDisabled(user.id, true, at(8));
    assert.equal(disabled.disabled, true);
    assert.equal(disabled.updatedAt, at(8));
    const enabled = await store().users.setDisabled(user.id, false, at(9));
    assert.equal(enabled.disabled, false);
    assert.deepEqual(await store().users.findById(user.id), enabled);
    assert.equal(enabled.passwordSetAt, at(5), 'other changes leave the password alone');
  });

  test('users: changing someone who does not exist is a NotFoundError', async () => {
    await assert.rejects(store().users.setPassword(999_999, 'x', at(1)), NotFoundError);
    await assert.rejects(store().users.setRole(999_999, 'admin', at(1)), NotFoundError);
    await assert.rejects(store().users.setDisabled(999_999, true, at(1)), NotFoundError);
    await assert.rejects(store().users.setName(999_999, 'x', at(1)), NotFoundError);
    assert.equal(await store().users.passwordHash(999_999), null);
  });

  test('users: list by name then id, count, and countActiveAdmins leaves out disabled admins and other roles', async () => {
    const before = await store().users.list();
    const adminsBefore = await store().users.countActiveAdmins();
    const zed = await store().users.insert(newUser({ name: 'Zed Zulu', role: 'admin' }));
    const first = await store().users.insert(newUser({ name: 'Amy Able', role: 'admin' }));
    const second = await store().users.insert(newUser({ name: 'Amy Able', role: 'editor' }));
    const gone = await store().users.insert(newUser({ name: 'Bob Baker', role: 'admin' }));
    await store().users.setDisabled(gone.id, true, at(1));

    const listed = await store().users.list();
    assert.equal(listed.length, before.length + 4);
    assert.equal(await store().users.count(), before.length + 4);
    const ours = listed.filter((u) => [zed.id, first.id, second.id, gone.id].includes(u.id)).map((u) => u.id);
    assert.deepEqual(ours, [first.id, second.id, gone.id, zed.id]);
    const names = listed.map((u) => u.name);
    assert.deepEqual(names, [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    assert.equal(await store().users.countActiveAdmins(), adminsBefore + 2);
  });

  // ——— sessions ———

  test('sessions: findWithUser returns the session and its own user in one piece; touch and delete', async () => {
    const ada = await store().users.insert(newUser({ name: 'Ada' }));
    const bob = await store().users.insert(newUser({ name: 'Bob', role: 'editor' }));
    const adas = session(ada.id, { createdAt: at(1) });
    const bobs = session(bob.id, { createdAt: at(2), address: null, userAgent: null });
    await store().sessions.insert(adas);
    await store().sessions.insert(bobs);

    const found = await store().sessions.findWithUser(bobs.idHash);
    assert.deepEqual(found, {
      session: { idHash: bobs.idHash, userId: bob.id, createdAt: at(2), lastSeenAt: at(2), expiresAt: bobs.expiresAt, address: null, userAgent: null },
      user: bob,
    });
    assert.deepEqual((await store().sessions.findWithUser(adas.idHash))?.user, ada);
    assert.equal(await store().sessions.findWithUser('no-such-hash'), undefined);

    await store().sessions.touch(adas.idHash, at(30));
    assert.equal((await store().sessions.findWithUser(adas.idHash))?.session.lastSeenAt, at(30));
    await store().sessions.touch('no-such-hash', at(30));

    await store().sessions.delete(adas.idHash);
    assert.equal(await store().sessions.findWithUser(adas.idHash), undefined);
    assert.ok(await store().sessions.findWithUser(bobs.idHash), 'only that one');
    await store().sessions.delete(adas.idHash);
  });

  test('sessions: a disabled user still comes back with the session, marked disabled (the caller decides)', async () => {
    const user = await store().users.insert(newUser());
    const s = session(user.id);
    await store().sessions.insert(s);
    await store().users.setDisabled(user.id, true, at(3));
    assert.equal((await store().sessions.findWithUser(s.idHash))?.user.disabled, true);
  });

  test('sessions: a session for nobody is a NotFoundError; the same id hash twice a ConflictError', async () => {
    await assert.rejects(store().sessions.insert(session(999_999)), NotFoundError);
    const user = await store().users.insert(newUser());
    const s = session(user.id);
    await store().sessions.insert(s);
    await assert.rejects(store().sessions.insert(s), ConflictError);
  });

  test('sessions: listForUser newest first; deleteForUser keeps the excepted one and counts the rest', async () => {
    const user = await store().users.insert(newUser());
    const other = await store().users.insert(newUser());
    const old = session(user.id, { createdAt: at(1) });
    const current = session(user.id, { createdAt: at(2) });
    const newest = session(user.id, { createdAt: at(3) });
    const theirs = session(other.id, { createdAt: at(4) });
    for (const s of [old, newest, current, theirs]) await store().sessions.insert(s);

    assert.deepEqual((await store().sessions.listForUser(user.id)).map((s) => s.idHash), [newest.idHash, current.idHash, old.idHash]);
    assert.deepEqual(await store().sessions.listForUser(999_999), []);

    assert.equal(await store().sessions.deleteForUser(user.id, current.idHash), 2);
    assert.deepEqual((await store().sessions.listForUser(user.id)).map((s) => s.idHash), [current.idHash]);
    assert.equal((await store().sessions.listForUser(other.id)).length, 1, "another's sessions stay");
    assert.equal(await store().sessions.deleteForUser(user.id), 1);
    assert.deepEqual(await store().sessions.listForUser(user.id), []);
  });

  test('sessions: deleteExpired removes those past their absolute end and those idle too long, and no others', async () => {
    const user = await store().users.insert(newUser());
    const now = at(1000);
    const idleBefore = at(900);
    const pastEnd = session(user.id, { createdAt: at(950), expiresAt: at(999) });
    const atEnd = session(user.id, { createdAt: at(950), expiresAt: now });
    const idle = session(user.id, { createdAt: at(800), expiresAt: at(5000) });
    const touched = session(user.id, { createdAt: at(800), expiresAt: at(5000) });
    const justIdle = session(user.id, { createdAt: idleBefore, expiresAt: at(5000) });
    const fresh = session(user.id, { createdAt: at(990), expiresAt: at(1001) });
    for (const s of [pastEnd, atEnd, idle, touched, justIdle, fresh]) await store().sessions.insert(s);
    await store().sessions.touch(touched.idHash, at(950));

    // Other tests' sessions (last seen at minutes 0 to 30) are idle by then as well, hence "at least".
    const removed = await store().sessions.deleteExpired(now, idleBefore);
    const left = (await store().sessions.listForUser(user.id)).map((s) => s.idHash).sort();
    assert.deepEqual(left, [touched.idHash, justIdle.idHash, fresh.idHash].sort());
    assert.ok(removed >= 3);
    assert.equal(await store().sessions.deleteExpired(now, idleBefore), 0, 'nothing left to remove');
  });

  // ——— one-time links ———

  test('one-time links: peek does not use a token; consume uses it once; a second consume gets undefined', async () => {
    const user = await store().users.insert(newUser());
    const tokenHash = hash('token');
    await store().oneTimeTokens.insert({ tokenHash, userId: user.id, purpose: 'setup', createdAt: at(0), expiresAt: at(60) });

    assert.deepEqual(await store().oneTimeTokens.peek(tokenHash, 'setup', at(10)), { userId: user.id, expiresAt: at(60) });
    assert.deepEqual(await store().oneTimeTokens.peek(tokenHash, 'setup', at(10)), { userId: user.id, expiresAt: at(60) });
    assert.equal(await store().oneTimeTokens.peek(tokenHash, 'reset', at(10)), undefined, 'the purpose must match');
    assert.equal(await store().oneTimeTokens.consume(tokenHash, 'reset', at(10)), undefined, 'the purpose must match');

    assert.deepEqual(await store().oneTimeTokens.consume(tokenHash, 'setup', at(11)), { userId: user.id });
    assert.equal(await store().oneTimeTokens.consume(tokenHash, 'setup', at(12)), undefined);
    assert.equal(await store().oneTimeTokens.peek(tokenHash, 'setup', at(12)), undefined);
    assert.equal(await store().oneTimeTokens.consume('no-such-token', 'setup', at(12)), undefined);
  });

  test('one-time links: two consumes at once, one wins', async () => {
    const user = await store().users.insert(newUser());
    const tokenHash = hash('token');
    await store().oneTimeTokens.insert({ tokenHash, userId: user.id, purpose: 'reset', createdAt: at(0), expiresAt: at(60) });
    const results = await Promise.all(Array.from({ length: 5 }, () => store().oneTimeTokens.consume(tokenHash, 'reset', at(1))));
    assert.deepEqual(results.filter((r) => r !== undefined), [{ userId: user.id }]);
  });

  test('one-time links: an expired token is neither peeked nor consumed', async () => {
    const user = await store().users.insert(newUser());
    const tokenHash = hash('token');
    await store().oneTimeTokens.insert({ tokenHash, userId: user.id, purpose: 'reset', createdAt: at(0), expiresAt: at(60) });
    assert.equal(await store().oneTimeTokens.peek(tokenHash, 'reset', at(60)), undefined, 'at its end it is over');
    assert.equal(await store().oneTimeTokens.consume(tokenHash, 'reset', at(61)), undefined);
    assert.deepEqual(await store().oneTimeTokens.peek(tokenHash, 'reset', at(59)), { userId: user.id, expiresAt: at(60) }, 'and was never used');
  });

  test('one-time links: a duplicate hash is a ConflictError; a token for nobody a NotFoundError', async () => {
    const user = await store().users.insert(newUser());
    const token = { tokenHash: hash('token'), userId: user.id, purpose: 'setup' as const, createdAt: at(0), expiresAt: at(60) };
    await store().oneTimeTokens.insert(token);
    await assert.rejects(store().oneTimeTokens.insert(token), ConflictError);
    await assert.rejects(store().oneTimeTokens.insert({ ...token, tokenHash: hash('token'), userId: 999_999 }), NotFoundError);
  });

  test('one-time links: revokeForUser closes that user’s open tokens of that purpose only; listOpen shows who has one', async () => {
    const ada = await store().users.insert(newUser());
    const bob = await store().users.insert(newUser());
    const cy = await store().users.insert(newUser());
    const now = at(2000);
    const adaOld = hash('token');
    const adaNew = hash('token');
    const adaSetup = hash('token');
    const bobs = hash('token');
    const cyExpired = hash('token');
    const tokens = [
      { tokenHash: adaOld, userId: ada.id, purpose: 'reset' as const, createdAt: at(1990), expiresAt: at(2060) },
      { tokenHash: adaNew, userId: ada.id, purpose: 'reset' as const, createdAt: at(1995), expiresAt: at(2065) },
      { tokenHash: adaSetup, userId: ada.id, purpose: 'setup' as const, createdAt: at(1991), expiresAt: at(2060) },
      { tokenHash: bobs, userId: bob.id, purpose: 'reset' as const, createdAt: at(1992), expiresAt: at(2060) },
      { tokenHash: cyExpired, userId: cy.id, purpose: 'reset' as const, createdAt: at(1900), expiresAt: at(1999) },
    ];
    for (const token of tokens) await store().oneTimeTokens.insert(token);

    const open = (await store().oneTimeTokens.listOpen('reset', now)).filter((o) => [ada.id, bob.id, cy.id].includes(o.userId));
    assert.deepEqual(open, [
      { userId: ada.id, createdAt: at(1995), expiresAt: at(2065) },
      { userId: bob.id, createdAt: at(1992), expiresAt: at(2060) },
    ]);

    await store().oneTimeTokens.revokeForUser(ada.id, 'reset', now);
    assert.equal(await store().oneTimeTokens.peek(adaOld, 'reset', now), undefined);
    assert.equal(await store().oneTimeTokens.consume(adaNew, 'reset', now), undefined);
    assert.deepEqual(await store().oneTimeTokens.peek(adaSetup, 'setup', now), { userId: ada.id, expiresAt: at(2060) }, 'other purpose stays');
    assert.deepEqual(await store().oneTimeTokens.peek(bobs, 'reset', now), { userId: bob.id, expiresAt: at(2060) }, "other user's stays");
    const after = (await store().oneTimeTokens.listOpen('reset', now)).filter((o) => [ada.id, bob.id, cy.id].includes(o.userId));
    assert.deepEqual(after.map((o) => o.userId), [bob.id]);
    assert.deepEqual(
      (await store().oneTimeTokens.listOpen('setup', now)).filter((o) => o.userId === ada.id),
      [{ userId: ada.id, createdAt: at(1991), expiresAt: at(2060) }],
    );
  });

  // ——— audit log ———

  test('audit: record round-trips every field, details as JSON; list filters, orders and pages; count agrees', async () => {
    const actor = await store().users.insert(newUser({ name: 'Auditor' }));
    const other = await store().users.insert(newUser({ name: 'Other' }));
    const base = 10_000;
    const entry = (minute: number, overrides: Partial<NewAuditEntry> = {}): NewAuditEntry => ({
      at: at(base + minute),
      actorId: actor.id,
      actorLabel: `Auditor <${actor.email}>`,
      action: 'article.published',
      targetType: 'article',
      targetId: '42',
      details: {},
      address: '198.51.100.4',
      ...overrides,
    });
    const details = { from: 'draft', to: 'published', nested: { list: [1, 'two', null], flag: true }, text: 'ünïcödé "quoted" <b>' };
    const published = entry(1, { details });
    const ids = {
      published: await store().audit.record(published),
      edited: await store().audit.record(entry(2, { action: 'article.edited', targetId: '43' })),
      role: await store().audit.record(entry(3, { action: 'user.role_changed', targetType: 'user', targetId: String(other.id), details: { role: 'editor' } })),
      system: await store().audit.record(entry(4, { action: 'article.published', actorId: null, actorLabel: 'system: scheduler', address: null, targetId: '43' })),
      lookalike: await store().audit.record(entry(5, { action: 'articles.purged', targetType: null, targetId: null })),
      sameTime: await store().audit.record(entry(5, { action: 'article.edited' })),
    };
    const since = at(base);
    const page = { since, limit: 100, offset: 0 };

    const all = await store().audit.list(page);
    assert.deepEqual(all.map((e) => e.id), [ids.sameTime, ids.lookalike, ids.system, ids.role, ids.edited, ids.published], 'at desc, then id desc');
    assert.deepEqual(all.at(-1), { id: ids.published, ...published });
    assert.deepEqual(all.find((e) => e.id === ids.lookalike)?.targetType, null);
    assert.equal(await store().audit.count({ since }), 6);

    const ofArticles = await store().audit.list({ ...page, action: 'article.' });
    assert.deepEqual(ofArticles.map((e) => e.id), [ids.sameTime, ids.system, ids.edited, ids.published], "a prefix ending in '.' (not 'articles.')");
    assert.equal(await store().audit.count({ since, action: 'article.' }), 4);
    assert.deepEqual((await store().audit.list({ ...page, action: 'article.published' })).map((e) => e.id), [ids.system, ids.published]);
    assert.deepEqual(await store().audit.list({ ...page, action: 'article' }), [], 'without the dot it is exact');
    assert.deepEqual(await store().audit.list({ ...page, action: 'ARTICLE.' }), [], 'case counts');
    assert.deepEqual(await store().audit.list({ ...page, action: 'a%.' }), [], 'no wildcards');

    assert.deepEqual((await store().audit.list({ ...page, actorId: actor.id })).map((e) => e.id).includes(ids.system), false);
    assert.equal(await store().audit.count({ since, actorId: actor.id }), 5);
    assert.deepEqual(
      (await store().audit.list({ ...page, targetType: 'user', targetId: String(other.id) })).map((e) => e.id),
      [ids.role],
    );
    assert.deepEqual((await store().audit.list({ ...page, targetType: 'article', targetId: '43' })).map((e) => e.id), [ids.system, ids.edited]);
    assert.deepEqual(
      (await store().audit.list({ since: at(base + 2), until: at(base + 4), limit: 100, offset: 0 })).map((e) => e.id),
      [ids.role, ids.edited],
      'since inclusive, until exclusive',
    );
    assert.equal(await store().audit.count({ since: at(base + 2), until: at(base + 4) }), 2);
    assert.deepEqual(
      (await store().audit.list({ ...page, action: 'article.', actorId: actor.id, targetId: '43' })).map((e) => e.id),
      [ids.edited],
      'filters combine',
    );

    assert.deepEqual((await store().audit.list({ ...page, limit: 2, offset: 1 })).map((e) => e.id), [ids.lookalike, ids.system]);
    assert.equal(await store().audit.count({ since, until: at(base + 1) }), 0);
  });

  test('audit: actions lists each action once, sorted', async () => {
    await store().audit.record({ at: at(1), actorId: null, actorLabel: 'system: cli', action: 'user.created', targetType: 'user', targetId: '1', details: {}, address: null });
    await store().audit.record({ at: at(2), actorId: null, actorLabel: 'system: cli', action: 'user.created', targetType: 'user', targetId: '2', details: {}, address: null });
    const actions = await store().audit.actions();
    assert.equal(new Set(actions).size, actions.length);
    assert.ok(actions.includes('user.created'));
    assert.deepEqual(actions, [...actions].sort());
  });

  // ——— sign-in failures ———

  const policy: FailurePolicy = { windowSeconds: 15 * 60, maxFailures: 3, lockSeconds: 60 * 60 };

  test('sign-in failures: counted per key, locked at the max, lockedUntil across keys, clear', async () => {
    const key = `account:${hash('x')}@example.org`;
    const address = `address:${hash('ip')}`;
    assert.deepEqual(await store().authFailures.recordFailure(key, at(0), policy), { failures: 1, lockedUntil: null });
    assert.deepEqual(await store().authFailures.recordFailure(key, at(1), policy), { failures: 2, lockedUntil: null });
    assert.deepEqual(await store().authFailures.recordFailure(address, at(1), policy), { failures: 1, lockedUntil: null });
    assert.equal(await store().authFailures.lockedUntil([key, address], at(1)), null);
    assert.deepEqual(await store().authFailures.recordFailure(key, at(2), policy), { failures: 3, lockedUntil: at(62) });

    assert.equal(await store().authFailures.lockedUntil([key], at(2)), at(62));
    assert.equal(await store().authFailures.lockedUntil([address, key, 'no-such-key'], at(30)), at(62));
    assert.equal(await store().authFailures.lockedUntil([address], at(30)), null);
    assert.equal(await store().authFailures.lockedUntil([key], at(62)), null, 'over at its end');
    assert.equal(await store().authFailures.lockedUntil([], at(2)), null);

    // Another key locked later: the latest lock wins.
    for (const minute of [10, 11, 12]) await store().authFailures.recordFailure(address, at(minute), policy);
    assert.equal(await store().authFailures.lockedUntil([key, address], at(30)), at(72));

    await store().authFailures.clear(key);
    assert.equal(await store().authFailures.lockedUntil([key], at(30)), null);
    assert.deepEqual(await store().authFailures.recordFailure(key, at(31), policy), { failures: 1, lockedUntil: null }, 'cleared counts from one');
    await store().authFailures.clear('no-such-key');
  });

  test('sign-in failures: a window past its length starts the count over; a running lock is kept, a spent one dropped', async () => {
    const key = `account:${hash('x')}`;
    await store().authFailures.recordFailure(key, at(0), policy);
    await store().authFailures.recordFailure(key, at(14), policy);
    assert.deepEqual(await store().authFailures.recordFailure(key, at(15), policy), { failures: 1, lockedUntil: null }, 'the window began 15 minutes before');
    assert.deepEqual(await store().authFailures.recordFailure(key, at(16), policy), { failures: 2, lockedUntil: null });
    assert.deepEqual(await store().authFailures.recordFailure(key, at(17), policy), { failures: 3, lockedUntil: at(77) });
    assert.deepEqual(await store().authFailures.recordFailure(key, at(18), policy), { failures: 4, lockedUntil: at(78) }, 'past the max each failure locks anew');

    // Locked longer than the window: a failure in a new window does not lift the lock.
    assert.deepEqual(await store().authFailures.recordFailure(key, at(40), policy), { failures: 1, lockedUntil: at(78) });
    assert.deepEqual(await store().authFailures.recordFailure(key, at(100), policy), { failures: 1, lockedUntil: null });
  });

  test('sign-in failures: a policy of one failure locks at the first', async () => {
    const key = `account:${hash('x')}`;
    assert.deepEqual(await store().authFailures.recordFailure(key, at(0), { ...policy, maxFailures: 1 }), { failures: 1, lockedUntil: at(60) });
  });

  test('sign-in failures: ten at once all count', async () => {
    const key = `address:${hash('ip')}`;
    const results = await Promise.all(Array.from({ length: 10 }, () => store().authFailures.recordFailure(key, at(5), { ...policy, maxFailures: 10 })));
    assert.deepEqual(results.map((r) => r.failures).sort((a, b) => a - b), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assert.equal(results.find((r) => r.failures === 10)?.lockedUntil, at(65));
    assert.equal(await store().authFailures.lockedUntil([key], at(5)), at(65));
  });

  // ——— transactions ———

  test('transactions: the people repositories are bound to the transaction and roll back with it', async () => {
    const email = `${hash('rollback')}@example.org`;
    await assert.rejects(
      store().transaction(async (trx: Omit<Store, 'transaction' | 'close' | 'migrate'>) => {
        const user = await trx.users.insert(newUser({ email }));
        await trx.audit.record({ at: at(1), actorId: user.id, actorLabel: 'x', action: 'test.rolled_back', targetType: 'user', targetId: String(user.id), details: {}, address: null });
        assert.ok(await trx.users.findByEmail(email));
        throw new Error('undo');
      }),
      /undo/,
    );
    assert.equal(await store().users.findByEmail(email), undefined);
    assert.equal(await store().audit.count({ action: 'test.rolled_back' }), 0);
  });
});

// ——— migration 0016 on existing articles ———

const PG_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://127.0.0.1:5432/test';
const names = Object.keys(migrations);
const NEWSROOM = '0016_newsroom';
const BEFORE = names[names.indexOf(NEWSROOM) - 1]!;

function migrator(db: Kysely<any>, schema?: string): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => ({ ...migrations }) }, ...(schema ? { migrationTableSchema: schema } : {}) });
}

/** Articles stored before 0016 (one ingested, one not) each get a current revision holding what they hold. */
async function recordsCurrentVersions(db: Kysely<any>, schema?: string): Promise<void> {
  assert.equal((await migrator(db, schema).migrateTo(BEFORE)).error, undefined);
  const feed = await db
    .insertInto('feeds')
    .values({ url: 'https://example.org/feed.xml', section: 'world', publish_status: 'draft', poll_interval_seconds: 900, next_poll_at: at(0), created_at: at(0) })
    .returning('id')
    .executeTakeFirstOrThrow();
  const body = JSON.stringify([{ title: null, blocks: [{ type: 'paragraph', text: 'Text.' }] }]);
  const row = (n: number, feedId: number | null) => ({
    slug: `before-${n}`, section: 'world', headline: `Before ${n}`, body, byline: 'Zoë Adler', source_name: null,
    source_key: `before:${n}`, content_hash: `h${n}`, status: 'published', feed_id: feedId,
    canonical_url: feedId === null ? null : `https://example.org/${n}`, fetched_at: feedId === null ? null : at(n),
    published_at: at(n), created_at: at(n), updated_at: at(n + 1),
  });
  await db.insertInto('articles').values([row(1, null), row(2, feed.id)]).execute();
  assert.equal((await migrator(db, schema).migrateTo(NEWSROOM)).error, undefined);

  const articles = await db.selectFrom('articles').select(['id', 'revision_id', 'content_hash', 'feed_id']).orderBy('id').execute();
  const revisions = await db.selectFrom('article_revisions').selectAll().orderBy('id').execute();
  assert.equal(revisions.length, 2);
  for (const article of articles) {
    const revision = revisions.find((r) => r.id === article.revision_id);
    assert.ok(revision, `article ${article.id} names its current revision`);
    assert.equal(revision.article_id, article.id);
    assert.equal(revision.kind, 'import');
    assert.equal(revision.content_hash, article.content_hash);
    assert.equal(revision.author_label, article.feed_id === null ? 'system: import' : 'system: ingest');
    const snapshot = JSON.parse(revision.snapshot);
    assert.equal(snapshot.headline, `Before ${article.id === articles[0]!.id ? 1 : 2}`);
    assert.deepEqual(snapshot.body, JSON.parse(body));
    assert.equal(snapshot.byline, 'Zoë Adler');
  }
}

test('migration 0016 records every existing article as its current revision, on SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-people-'));
  const db = connectSqlite(join(dir, 'newsdesk.db'));
  try {
    await recordsCurrentVersions(db);
  } finally {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('migration 0016 records every existing article as its current revision, on PostgreSQL', async () => {
  const schema = `newsdesk_people_${randomBytes(6).toString('hex')}`;
  const db = await connectPostgres(PG_URL, schema);
  try {
    await recordsCurrentVersions(db, schema);
  } finally {
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(db);
    await db.destroy();
  }
});

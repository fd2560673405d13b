/** The sign-in rules, run on an in-memory SQLite store and on PostgreSQL: both must count, lock and store alike. */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import { ThrottledError, ValidationError } from '../../../domain/index.ts';
import { openStore, type Store } from '../../../store/index.ts';
import { postgresTarget } from '../../../store/testing/targets.ts';
import { hashToken, needsRehash, verifyPassword } from '../../auth/index.ts';
import { CLI, personActing } from '../testing.ts';
import { setUserDisabled } from './setUserDisabled.ts';
import { SIGN_IN_REFUSED, signIn, type SignInAttempt } from './signIn.ts';
import { GOOD_PASSWORD, givePassword, peopleTestContext } from './testing.ts';

const targets = [
  { dialect: 'sqlite', open: () => openStore({ databaseUrl: null, sqliteFile: ':memory:' }), cleanup: async () => {} },
  (() => {
    const target = postgresTarget();
    return { dialect: 'postgres', open: () => target.open(), cleanup: () => target.cleanup() };
  })(),
];

for (const target of targets) {
  describe(`sign-in on ${target.dialect}`, () => {
    let store: Store;
    before(async () => {
      store = await target.open();
    });
    after(async () => {
      await store.close();
      await target.cleanup();
    });

    // The store is shared by the tests: each has people and client addresses of its own, so no count or lock of
    // one test reaches another.
    let serial = 0;
    async function setting(role: 'writer' | 'admin' = 'writer') {
      const n = ++serial;
      const people = await peopleTestContext(store);
      const person = await personActing(store, role, `person${n}@example.org`);
      await givePassword(store, person.user.id);
      const attempt = (overrides: Partial<SignInAttempt> = {}): SignInAttempt => ({
        email: person.user.email,
        password: GOOD_PASSWORD,
        address: `192.0.2.${n}`,
        userAgent: 'Mozilla/5.0 (test)',
        ...overrides,
      });
      const audited = async (action: string) =>
        (await store.audit.list({ action, limit: 100, offset: 0 })).filter((entry) => entry.address?.startsWith(`192.0.2.${n}`) || entry.targetId === String(person.user.id));
      return { ...people, n, person, attempt, audited };
    }

    test('the right password opens a new session: the raw id is returned, only its hash is stored', async () => {
      const { context, person, attempt, audited } = await setting();
      const signedIn = await signIn(context, attempt({ email: ` ${person.user.email.toUpperCase()} ` }));
      assert.match(signedIn.sessionId, /^[\w-]{43}$/);
      assert.equal(signedIn.user.id, person.user.id);
      assert.equal(signedIn.expiresAt.toISOString(), '2026-03-02T00:00:00.000Z', 'twelve hours at most');

      assert.equal(await store.sessions.findWithUser(signedIn.sessionId), undefined);
      const stored = await store.sessions.findWithUser(hashToken(signedIn.sessionId));
      assert.deepEqual(stored?.session, {
        idHash: hashToken(signedIn.sessionId),
        userId: person.user.id,
        createdAt: '2026-03-01T12:00:00.000Z',
        lastSeenAt: '2026-03-01T12:00:00.000Z',
        expiresAt: '2026-03-02T00:00:00.000Z',
        address: attempt().address,
        userAgent: 'Mozilla/5.0 (test)',
      });
      const [entry] = await audited('session.signed_in');
      assert.equal(entry!.actorId, person.user.id);
      assert.equal(entry!.targetId, String(person.user.id));
    });

    test('every sign-in gets a new session id (no fixation)', async () => {
      const { context, person, attempt } = await setting();
      const ids = new Set<string>();
      for (let i = 0; i < 3; i++) ids.add((await signIn(context, attempt())).sessionId);
      assert.equal(ids.size, 3);
      assert.equal((await store.sessions.listForUser(person.user.id)).length, 3);
    });

    test('no account, a wrong password, a disabled account and one without a password get the same refusal', async () => {
      const { context, n, person, attempt, audited } = await setting();
      const invited = await store.users.insert({ email: `invited${n}@example.org`, name: 'Invited', role: 'writer', createdAt: '2026-03-01T09:00:00Z' });
      const disabled = await personActing(store, 'writer', `disabled${n}@example.org`);
      await givePassword(store, disabled.user.id);
      await setUserDisabled(context, CLI, disabled.user.id, true);
      // Each from an address of its own, so that the four do not add up to a lock.
      const tries: [string, Partial<SignInAttempt>][] = [
        ['no such account', { email: `Nobody${n}@Example.org` }],
        ['wrong password', { password: 'not the right password' }],
        ['disabled', { email: disabled.user.email }],
        ['no password yet', { email: invited.email, password: '' }],
      ];
      for (const [i, [reason, change]] of tries.entries()) {
        await assert.rejects(signIn(context, attempt({ ...change, address: `192.0.2.${n}${i}` })), (error: unknown) => {
          assert.ok(error instanceof ValidationError, reason);
          assert.equal(error.message, SIGN_IN_REFUSED);
          assert.equal(error.message, 'That email and password do not match an account.');
          return true;
        });
      }
      const failed = (await audited('session.sign_in_failed')).reverse();
      assert.deepEqual(
        failed.map((entry) => [entry.details.email, entry.details.reason, entry.actorId, entry.address]),
        [
          [`nobody${n}@example.org`, 'no such account', null, `192.0.2.${n}0`],
          [person.user.email, 'wrong password', null, `192.0.2.${n}1`],
          [disabled.user.email, 'disabled', null, `192.0.2.${n}2`],
          [invited.email, 'no password yet', null, `192.0.2.${n}3`],
        ],
      );
      assert.deepEqual(await store.sessions.listForUser(disabled.user.id), []);
    });

    test('the policy’s failures lock the account: refused even with the right password, audited, free again after the lock', async () => {
      const { context, clock, person, attempt, audited } = await setting();
      for (let i = 0; i < 3; i++) {
        await assert.rejects(signIn(context, attempt({ password: `wrong guess ${i}` })), ValidationError);
        clock.advanceMinutes(1);
      }
      const locked = await audited('session.locked');
      assert.equal(locked.length, 1, 'the third failure started the lock');
      assert.deepEqual(locked[0]!.details, { email: person.user.email, seconds: 600 });

      await assert.rejects(signIn(context, attempt({ address: '198.51.100.200' })), (error: unknown) => {
        assert.ok(error instanceof ThrottledError);
        // Locked at the third failure (minute 2) for ten minutes; asked at minute 3.
        assert.equal(error.message, 'Too many failed sign-ins. Try again in 9 minutes.');
        assert.equal(error.retryAfterSeconds, 9 * 60);
        return true;
      });
      assert.equal((await store.audit.list({ action: 'session.locked_out_attempt', limit: 100, offset: 0 })).filter((entry) => entry.details.email === person.user.email).length, 1);
      assert.deepEqual(await store.sessions.listForUser(person.user.id), []);

      clock.advanceMinutes(9);
      assert.equal((await signIn(context, attempt())).user.id, person.user.id);
    });

    test('an address with no account locks just the same (the lock tells nothing)', async () => {
      const { context, n, attempt } = await setting();
      const nobody = attempt({ email: `ghost${n}@example.org` });
      for (let i = 0; i < 3; i++) await assert.rejects(signIn(context, nobody), ValidationError);
      await assert.rejects(signIn(context, nobody), ThrottledError);
    });

    test('a success forgets the account’s failures', async () => {
      const { context, n, attempt } = await setting();
      for (let round = 0; round < 2; round++) {
        for (let i = 0; i < 2; i++) await assert.rejects(signIn(context, attempt({ password: 'wrong', address: `198.51.100.${n * 10 + round * 2 + i}` })), ValidationError);
        await signIn(context, attempt({ address: `198.51.100.${n * 10 + 5}` }));
      }
    });

    test('a hash made with weaker parameters is replaced on sign-in', async () => {
      const { context, person, attempt, audited } = await setting();
      const argon2 = createRequire(import.meta.url)('@node-rs/argon2') as typeof import('@node-rs/argon2');
      const weak = await argon2.hash(GOOD_PASSWORD, { algorithm: 2, memoryCost: 1024, timeCost: 1, parallelism: 1 });
      await store.users.setPassword(person.user.id, weak, '2026-03-01T09:00:00Z');
      assert.equal(needsRehash(weak), true);

      await signIn(context, attempt());
      const stored = (await store.users.passwordHash(person.user.id))!;
      assert.notEqual(stored, weak);
      assert.equal(needsRehash(stored), false);
      assert.ok(await verifyPassword(stored, GOOD_PASSWORD));
      assert.equal((await audited('session.signed_in'))[0]!.details.passwordRehashed, true);

      await signIn(context, attempt());
      assert.equal(await store.users.passwordHash(person.user.id), stored, 'a current hash is left alone');
    });
  });
}

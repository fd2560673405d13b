import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, test } from 'node:test';
import { DUMMY_HASH, PASSWORD_HASH_OPTIONS, dummyVerify, hashPassword, needsRehash, passwordProblems, verifyPassword } from './passwords.ts';

const argon2 = createRequire(import.meta.url)('@node-rs/argon2') as typeof import('@node-rs/argon2');

describe('password hashes', () => {
  test('are argon2id at OWASP’s minimum (m=19456 KiB, t=2, p=1), salted, and verify only the right password', async () => {
    const hash = await hashPassword('correct horse battery staple');
    assert.match(hash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    assert.ok(PASSWORD_HASH_OPTIONS.memoryCost >= 19_456 && PASSWORD_HASH_OPTIONS.timeCost >= 2);
    assert.notEqual(await hashPassword('correct horse battery staple'), hash, 'a new salt each time');
    assert.equal(await verifyPassword(hash, 'correct horse battery staple'), true);
    assert.equal(await verifyPassword(hash, 'correct horse battery stapl'), false);
    assert.equal(await verifyPassword(hash, 'Correct horse battery staple'), false, 'case counts');
    assert.equal(await verifyPassword(hash, 'correct horse battery staple '), false, 'nothing is trimmed');
  });

  test('one password typed in either Unicode form is the same password', async () => {
    const composed = 'caf\u00e9 au lait, s’il vous plaît';
    const decomposed = composed.normalize('NFD');
    assert.notEqual(composed, decomposed);
    assert.equal(await verifyPassword(await hashPassword(composed), decomposed), true);
  });

  test('a malformed or foreign hash verifies as false instead of throwing', async () => {
    const malformed = [
      '',
      'garbage',
      '$argon2id$v=19$m=19456,t=2,p=1$AAAA$BBBB',
      '$argon2id$v=19$m=19456,t=2,p=1$not base64!$x',
      '$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy',
      'plain text password',
    ];
    for (const hash of malformed) assert.equal(await verifyPassword(hash, 'password'), false, hash);
    assert.equal(await verifyPassword(null as unknown as string, 'password'), false);
    assert.equal(await verifyPassword(await hashPassword('a long enough password'), undefined as unknown as string), false);
  });

  test('a hash below today’s parameters, of another variant or unreadable needs rehashing; a current one does not', async () => {
    assert.equal(needsRehash(await hashPassword('a long enough password')), false);
    const weak = await argon2.hash('a long enough password', { algorithm: 2, memoryCost: 4_096, timeCost: 2, parallelism: 1 });
    assert.equal(needsRehash(weak), true, 'less memory');
    assert.equal(needsRehash(await argon2.hash('x', { algorithm: 2, memoryCost: 19_456, timeCost: 1, parallelism: 1 })), true, 'fewer passes');
    assert.equal(needsRehash(await argon2.hash('x', { algorithm: 1, memoryCost: 19_456, timeCost: 2, parallelism: 1 })), true, 'argon2i');
    assert.equal(needsRehash(await argon2.hash('x', { algorithm: 2, memoryCost: 65_536, timeCost: 3, parallelism: 1 })), false, 'stronger is fine');
    assert.equal(needsRehash('garbage'), true);
    assert.equal(await verifyPassword(weak, 'a long enough password'), true, 'an old hash still verifies until it is replaced');
  });

  test('the dummy hash is made with today’s parameters, so a dummy verify costs what a real one does', async () => {
    const used = argon2.parseOptions(DUMMY_HASH);
    assert.deepEqual(
      { memoryCost: used.memoryCost, timeCost: used.timeCost, parallelism: used.parallelism, outputLen: used.outputLen, algorithm: used.algorithm },
      { ...PASSWORD_HASH_OPTIONS },
    );
    assert.equal(used.saltLen, 16);
  });

  test('dummyVerify is false and takes about as long as checking a wrong password', async () => {
    const hash = await hashPassword('the real password of someone');
    const time = async (work: () => Promise<unknown>) => {
      const start = performance.now();
      await work();
      return performance.now() - start;
    };
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    await dummyVerify('warm up');
    await verifyPassword(hash, 'warm up');
    const real: number[] = [];
    const dummy: number[] = [];
    for (let i = 0; i < 9; i++) {
      real.push(await time(() => verifyPassword(hash, 'a wrong guess at it')));
      dummy.push(await time(() => dummyVerify('a wrong guess at it')));
    }
    assert.equal(await dummyVerify('anything'), false);
    assert.equal(await dummyVerify(), false);
    const ratio = median(dummy) / median(real);
    // Wide bounds: other work on the machine adds noise; an unequal cost would be off by a whole hash (or nothing).
    assert.ok(ratio > 0.5 && ratio < 2, `dummy ${median(dummy).toFixed(1)} ms, real ${median(real).toFixed(1)} ms`);
  });
});

describe('password rules', () => {
  const owner = { email: 'Jane.Doe.Reporter@Example.org', name: 'Jane Marie Doe' };

  test('a long password of ordinary words is fine: no rules about kinds of characters', () => {
    assert.deepEqual(passwordProblems('correct horse battery staple', owner), []);
    assert.deepEqual(passwordProblems('alllowercaseletters', owner), []);
    assert.deepEqual(passwordProblems('123456789012345', owner), []);
  });

  test('at least 12 characters, counted as a person counts them (code points, not UTF-16 units)', () => {
    assert.match(passwordProblems('elevenchars', owner).join(' '), /at least 12 characters; this one has 11/);
    assert.deepEqual(passwordProblems('twelve chars', owner), []);
    const elevenEmoji = '😀'.repeat(11);
    assert.equal(elevenEmoji.length, 22);
    assert.match(passwordProblems(elevenEmoji, owner).join(' '), /this one has 11/);
    assert.deepEqual(passwordProblems('😀'.repeat(12), owner), []);
    assert.deepEqual(passwordProblems('e\u0301'.repeat(12), owner), [], 'é typed as e and an accent is one character');
    assert.match(passwordProblems('', owner).join(' '), /at least 12 characters/);
  });

  test('at most 256 characters', () => {
    assert.deepEqual(passwordProblems('x'.repeat(255) + '😀', owner), []);
    assert.match(passwordProblems('x'.repeat(257), owner).join(' '), /at most 256 characters; this one has 257/);
  });

  test('not one of the most common passwords, whatever its case', () => {
    for (const common of ['qwerty123456', 'QWERTY123456', 'LeaveMeAlone', 'sojdlg123aljg']) {
      assert.match(passwordProblems(common, owner).join(' '), /one of the most common passwords/, common);
    }
    assert.match(passwordProblems('password', owner).join(' '), /at least 12.*most common/s, 'a short common one hears both');
  });

  test('not their email address, its part before the @, or their name', () => {
    for (const same of ['jane.doe.reporter@example.org', 'JANE.DOE.REPORTER@EXAMPLE.ORG', 'jane.doe.reporter']) {
      assert.match(passwordProblems(same, owner).join(' '), /should not be your email address/, same);
    }
    for (const same of ['Jane Marie Doe', 'jane marie doe', 'janemariedoe', 'JANE-MARIE-DOE']) {
      assert.match(passwordProblems(same, owner).join(' '), /should not be your name/, same);
    }
    assert.deepEqual(passwordProblems('jane marie doe writes news', owner), [], 'containing the name is allowed');
    assert.deepEqual(passwordProblems('jane.doe.reporter', {}), [], 'nothing to compare with');
    assert.deepEqual(passwordProblems('jane.doe.reporter', { email: null, name: '' }), []);
  });
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { COMMON_PASSWORDS_FILE, commonPasswords, isCommonPassword } from './commonPasswords.ts';

test('the shipped list has the 10,000 most common passwords, with its licence beside it', () => {
  const entries = JSON.parse(readFileSync(COMMON_PASSWORDS_FILE, 'utf8')) as string[];
  assert.equal(entries.length, 10_000);
  assert.equal(new Set(entries).size, 10_000);
  assert.ok(entries.every((entry) => typeof entry === 'string' && entry !== '' && entry === entry.trim()));
  const readme = readFileSync(new URL('./README.md', COMMON_PASSWORDS_FILE), 'utf8');
  assert.match(readme, /MIT License/);
  assert.match(readme, /Copyright \(c\) 2018 Daniel Miessler/);
  assert.match(readme, /SecLists/);
});

test('the set is loaded once, lower-cased, and answers case-insensitively', () => {
  const set = commonPasswords();
  assert.equal(commonPasswords(), set, 'the same set every time');
  assert.ok(set.size > 9_900 && set.size <= 10_000);
  for (const entry of set) assert.equal(entry, entry.toLowerCase());
  for (const common of ['123456', 'password', 'PASSWORD', 'Password', 'qwerty123456', 'LeaveMeAlone', 'trustno1']) {
    assert.equal(isCommonPassword(common), true, common);
  }
  for (const rare of ['correct horse battery staple', 'trustno1 ', 'a7#kQ9!zL2@m']) {
    assert.equal(isCommonPassword(rare), false, rare);
  }
});

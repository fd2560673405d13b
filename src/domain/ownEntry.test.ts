import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ownEntry } from './ownEntry.ts';

test("a table's own entries are found; Object.prototype's members are not", () => {
  const table: Record<string, number> = { est: -5 };
  assert.equal(ownEntry(table, 'est'), -5);
  for (const key of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) assert.equal(ownEntry(table, key), undefined, key);
});

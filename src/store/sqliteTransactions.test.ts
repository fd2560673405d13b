import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from './index.ts';

test('a transaction that reads and then writes is not refused because another connection wrote in between', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'newsdesk-tx-')), 'newsdesk.db');
  const site = await openStore({ databaseUrl: null, sqliteFile: file });
  const cli = await openStore({ databaseUrl: null, sqliteFile: file });
  try {
    await site.transaction(async (tx) => {
      await tx.sections.list();
      // Another process's write lands between this transaction's read and its write (with a deferred begin, the
      // write below then failed at once: "database is locked"). Now the other writer is the one that waits.
      await cli.sections.ensure('Gardening').catch((error: unknown) => assert.match(String(error), /locked|busy/i));
      await tx.sections.ensure('Weather');
    });
    assert.ok(await site.sections.find('weather'), 'the transaction committed');
  } finally {
    await cli.close();
    await site.close();
  }
});

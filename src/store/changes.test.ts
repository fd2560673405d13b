import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ContentChange } from '../domain/index.ts';
import { loggedContentChanges, openStore } from './index.ts';

test('a change made by one process reaches another through the change log, each heard once', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'newsdesk-changes-')), 'newsdesk.db');
  const server = await openStore({ databaseUrl: null, sqliteFile: file });
  const cli = await openStore({ databaseUrl: null, sqliteFile: file });
  const serverChanges = loggedContentChanges(server.changes, { pollMs: 10, after: await server.changes.latestId() });
  const cliChanges = loggedContentChanges(cli.changes, { pollMs: 10 });
  const heard: ContentChange[] = [];
  serverChanges.subscribe((change) => heard.push(change));
  try {
    await cliChanges.publish({ articleId: 7, section: 'world', outcome: 'unpublished' });
    await serverChanges.publish({ articleId: 8, section: 'world', outcome: 'updated' });
    // The log is read in order: once a later change is heard, the poller has passed the server's own change.
    await cliChanges.publish({ articleId: 9, section: 'world', outcome: 'created' });
    await waitUntil(async () => heard.some((change) => change.articleId === 9));
    assert.deepEqual(
      heard.map((change) => change.articleId).sort(),
      [7, 8, 9],
      'the other process\'s change arrives by polling; its own is heard when made, not again from the log',
    );
  } finally {
    await serverChanges.close();
    await cliChanges.close();
    await server.close();
    await cli.close();
  }
});

async function waitUntil(condition: () => Promise<boolean>): Promise<void> {
  for (let tries = 0; !(await condition()); tries++) {
    assert.ok(tries < 500, 'gave up waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Imports the demo into DATA_DIR's SQLite database and SIGKILLs its own process when `KILL_AT` articles are
 * done: a crash at a known point in the middle of the import, with no chance to clean up.
 */
import { join } from 'node:path';
import { importDemo } from '../../src/ingest/index.ts';
import { openStore } from '../../src/store/index.ts';

const dataDir = process.env['DATA_DIR'];
const killAt = Number(process.env['KILL_AT']);
if (!dataDir || !Number.isInteger(killAt)) throw new Error('set DATA_DIR and KILL_AT');

const store = await openStore({ databaseUrl: null, sqliteFile: join(dataDir, 'newsdesk.db') });
await importDemo(store, {
  onProgress: (done) => {
    if (done === killAt) process.kill(process.pid, 'SIGKILL');
  },
});

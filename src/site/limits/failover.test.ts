import assert from 'node:assert/strict';
import { test } from 'node:test';
import { failover } from './failover.ts';

/** A log that keeps what it is told. */
function recordingLog() {
  const lines: string[] = [];
  return { lines, warn: (_details: object, message: string) => void lines.push(`warn: ${message}`), info: (message: string) => void lines.push(`info: ${message}`) };
}

test('while the shared check fails the local one answers, Redis is retried only after a pause, and the outage is logged once each way', async () => {
  let now = 0;
  let redisUp = false;
  let sharedCalls = 0;
  const log = recordingLog();
  const check = failover(log, { now: () => now })(
    async (key: string) => {
      sharedCalls++;
      if (!redisUp) throw new Error('connect ECONNREFUSED');
      return `shared ${key}`;
    },
    async (key: string) => `local ${key}`,
  );

  assert.equal(await check('a'), 'local a');
  assert.equal(await check('b'), 'local b');
  assert.equal(sharedCalls, 1, 'within the pause Redis is not asked');
  now += 5_000;
  assert.equal(await check('c'), 'local c');
  assert.equal(sharedCalls, 2, 'after the pause Redis is asked again');
  assert.equal(log.lines.filter((line) => line.startsWith('warn')).length, 1, 'one warning for the whole outage');

  redisUp = true;
  assert.equal(await check('d'), 'local d', 'still within the second pause');
  now += 5_000;
  assert.equal(await check('e'), 'shared e');
  assert.equal(await check('f'), 'shared f');
  assert.deepEqual(log.lines.map((line) => line.split(':')[0]), ['warn', 'info']);
});

test('concurrent checks failing together warn once', async () => {
  const log = recordingLog();
  const check = failover(log)(
    async () => {
      throw new Error('Command timed out');
    },
    async () => 'local',
  );
  assert.deepEqual(await Promise.all([check(), check(), check()]), ['local', 'local', 'local']);
  assert.equal(log.lines.length, 1);
});

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, test } from 'node:test';
import { Redis } from 'ioredis';
import { redisSiteLimits } from '../limits/siteLimits.ts';
import { createViewGate, VIEW_RULE, type BeaconHit, type ViewGate } from './viewGate.ts';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const MINUTE = 60_000;
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0';

/** What every gate decides, wherever it remembers readers; `gate` makes a fresh one on the given clock. */
function gateContract(gate: (now: () => number) => ViewGate) {
  // Each test reads from addresses of its own, as a gate kept in Redis remembers across tests.
  let network = 0;
  const reader = (): BeaconHit => ({ articleId: 3, address: `198.51.${network++}.9`, userAgent: BROWSER });

  test('a reader counts once per story per half hour', async () => {
    let now = Date.UTC(2026, 10, 25, 15);
    const views = gate(() => now);
    const hit = reader();
    assert.equal(await views.judge(hit), 'counted');
    assert.equal(await views.judge(hit), 'repeat');
    assert.equal(await views.judge({ ...hit, articleId: 4 }), 'counted', 'another story');
    assert.equal(await views.judge({ ...hit, userAgent: `${BROWSER} other` }), 'counted', 'another browser on the address');
    now += 31 * MINUTE;
    assert.equal(await views.judge(hit), 'counted');
  });

  test('bots and clients that do not say what they are never count', async () => {
    const views = gate(Date.now);
    for (const userAgent of ['Googlebot/2.1', 'curl/8.5.0', 'Mozilla/5.0 HeadlessChrome/120', 'python-requests/2.31', undefined, '']) {
      assert.equal(await views.judge({ ...reader(), userAgent }), 'bot', String(userAgent));
    }
  });

  test('one sender adds at most its hourly cap, then counts again the next hour', async () => {
    let now = Date.UTC(2026, 10, 25, 15);
    const views = gate(() => now);
    const hit = reader();
    const verdicts = [];
    for (let n = 1; n <= VIEW_RULE.perSenderPerHour + 10; n++) verdicts.push(await views.judge({ ...hit, articleId: n }));
    assert.equal(verdicts.filter((v) => v === 'counted').length, VIEW_RULE.perSenderPerHour);
    assert.equal(verdicts.at(-1), 'over-cap');
    now += 60 * MINUTE;
    assert.equal(await views.judge({ ...hit, articleId: 1_000 }), 'counted');
  });

  test('an IPv6 client is one sender across its /64, however many addresses it reads from', async () => {
    const now = Date.UTC(2026, 10, 25, 15);
    const views = gate(() => now);
    const block = `2001:db8:${network++}:1`;
    const verdicts = [];
    for (let n = 1; n <= VIEW_RULE.perSenderPerHour + 1; n++) {
      verdicts.push(await views.judge({ articleId: 3, address: `${block}::${n.toString(16)}`, userAgent: BROWSER }));
    }
    assert.equal(verdicts.filter((v) => v === 'counted').length, VIEW_RULE.perSenderPerHour);
    assert.equal(verdicts.at(-1), 'over-cap');
  });
}

describe('view gate in process memory', () => {
  gateContract((now) => createViewGate({ now }));
});

describe('view gate in Redis', () => {
  const prefix = `newsdesk-test:${randomBytes(4).toString('hex')}`;
  const opened: { close(): Promise<void> }[] = [];
  after(async () => {
    await Promise.all(opened.map((limits) => limits.close()));
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });
  gateContract((now) => {
    const limits = redisSiteLimits(REDIS_URL, prefix, { warn: () => {}, info: () => {} }, { now });
    opened.push(limits);
    return limits.viewGate();
  });
});

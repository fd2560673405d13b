import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { redisLimitsForTests } from '../limits/testing.ts';
import { createViewGate, VIEW_RULE, type BeaconHit, type ViewGate } from './viewGate.ts';

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
  const redis = redisLimitsForTests();
  after(() => redis.cleanUp());
  gateContract((now) => redis.open({ now }).viewGate());
});

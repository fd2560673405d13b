import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hourOf, type HourWeight, type ViewCount, type ViewTally } from '../../domain/index.ts';
import { Trending } from './trending.ts';

/** A tally in memory that ranks exactly as the stores do: decayed views, most first. */
function memoryTally(): ViewTally & { counts: ViewCount[] } {
  const counts: ViewCount[] = [];
  return {
    counts,
    async add(batch) {
      counts.push(...batch);
    },
    async ranked(hours: readonly HourWeight[], limit) {
      const weight = new Map(hours.map((h) => [h.hour, h.weight]));
      const score = new Map<number, number>();
      for (const c of counts) score.set(c.articleId, (score.get(c.articleId) ?? 0) + c.views * (weight.get(c.hour) ?? 0));
      return [...score].filter(([, s]) => s > 0).sort((a, b) => b[1] - a[1] || b[0] - a[0]).slice(0, limit).map(([id]) => id);
    },
    async close() {},
  };
}

const HOUR = 3_600_000;

describe('Trending', () => {
  test('views are written in one batch per article and hour', async () => {
    const tally = memoryTally();
    const trending = new Trending(tally, { now: () => Date.UTC(2026, 10, 25, 15, 10) });
    for (let i = 0; i < 3; i++) trending.count(7);
    trending.count(8);
    assert.equal(tally.counts.length, 0, 'nothing written before the flush');
    await trending.flush();
    assert.deepEqual(tally.counts, [
      { articleId: 7, hour: '2026-11-25T15', views: 3 },
      { articleId: 8, hour: '2026-11-25T15', views: 1 },
    ]);
  });

  test('views a failing tally could not take are reported as dropped, and later flushes go on', async () => {
    const tally = memoryTally();
    const add = tally.add;
    let failing = true;
    tally.add = async (batch) => {
      if (failing) throw new Error('tally down');
      return add(batch);
    };
    const dropped: number[] = [];
    const trending = new Trending(tally, { onError: (_error, views) => dropped.push(views) });
    trending.count(1);
    trending.count(1);
    await trending.flush();
    assert.deepEqual(dropped, [2]);
    failing = false;
    trending.count(2);
    await trending.flush();
    assert.deepEqual(tally.counts.map((c) => [c.articleId, c.views]), [[2, 1]]);
  });

  test('recent reading outranks more reading long ago, and a day-old view no longer counts', async () => {
    let now = Date.UTC(2026, 10, 25, 0, 30);
    const tally = memoryTally();
    const trending = new Trending(tally, { now: () => now });
    for (let i = 0; i < 10; i++) trending.count(1); // ten views at midnight
    now += 12 * HOUR;
    for (let i = 0; i < 4; i++) trending.count(2); // four at noon: 10 × 0.25 = 2.5 < 4
    await trending.flush();
    assert.deepEqual(await trending.top(5), [2, 1]);
    now += 13 * HOUR;
    trending.invalidate();
    assert.deepEqual(await trending.top(5), [2], 'the midnight views have left the window');
    assert.equal(hourOf(now), '2026-11-26T01');
  });
});

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, test } from 'node:test';
import { hourWeights, type ViewTally } from '../domain/index.ts';
import type { NewArticle, Store } from './index.ts';
import { redisViewTally } from './redisViews.ts';
import { describeOnBothDialects } from './testing/targets.ts';

let serial = 0;
function newArticle(status: 'published' | 'draft' = 'published'): NewArticle {
  serial += 1;
  const at = new Date(Date.UTC(2026, 10, 25, 10, serial)).toISOString();
  return {
    slug: `viewed-${serial}`, section: 'world', sourceKey: `test:viewed-${serial}`, contentHash: `hash-${serial}`,
    headline: `Viewed ${serial}`, dek: null, summary: null, lede: null, body: [], hero: null, byline: null, source: null,
    provenance: null, status, publishedAt: status === 'published' ? at : null, createdAt: at, updatedAt: at,
  };
}

const NOW = Date.UTC(2026, 10, 25, 15, 30);

/** What every tally must do; `ids` makes published articles (and one draft) it can count. */
function tallyContract(tally: () => ViewTally, ids: () => Promise<{ a: number; b: number; draft: number }>) {
  test('ranks by views decayed by age, skipping unpublished articles', async () => {
    const { a, b, draft } = await ids();
    const [current, , , , , , sixHoursAgo] = hourWeights(NOW);
    await tally().add([
      { articleId: a, hour: sixHoursAgo!.hour, views: 10 }, // weighs 5
      { articleId: b, hour: current!.hour, views: 4 },
      { articleId: draft, hour: current!.hour, views: 100 },
    ]);
    await tally().add([{ articleId: b, hour: current!.hour, views: 2 }]); // 6 in all
    assert.deepEqual(await tally().ranked(hourWeights(NOW), 10).then((r) => r.filter((id) => id !== draft)), [b, a]);
    await tally().add([{ articleId: a, hour: current!.hour, views: 2 }]); // 7
    assert.deepEqual(await tally().ranked(hourWeights(NOW), 10).then((r) => r.filter((id) => id !== draft)), [a, b]);
  });
}

describeOnBothDialects('view tally', (store) => {
  const ids = async () => {
    const insert = (s: Store, status?: 'draft') => s.articles.insert(newArticle(status)).then((article) => article.id);
    return { a: await insert(store()), b: await insert(store()), draft: await insert(store(), 'draft') };
  };
  tallyContract(() => store().views, ids);

  test('a draft is never ranked, however much it is read', async () => {
    const { draft } = await ids();
    await store().views.add([{ articleId: draft, hour: '2026-11-25T15', views: 1_000 }]);
    assert.ok(!(await store().views.ranked(hourWeights(NOW), 50)).includes(draft));
  });

  test('a batch naming a deleted article keeps the rest', async () => {
    const { a } = await ids();
    await store().views.add([{ articleId: 999_999, hour: '2026-11-25T15', views: 1 }, { articleId: a, hour: '2026-11-25T15', views: 50 }]);
    assert.equal((await store().views.ranked(hourWeights(NOW), 1))[0], a);
  });
});

describe('view tally in Redis', () => {
  const prefix = `newsdesk-test:${randomBytes(4).toString('hex')}`;
  const redis = redisViewTally(process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379', prefix);
  after(() => redis.close());
  let next = 1_000_000;
  tallyContract(() => redis, async () => ({ a: next++, b: next++, draft: next++ }));
});

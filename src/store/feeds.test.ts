import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NotFoundError, ValidationError } from '../domain/index.ts';
import { ConflictError } from './index.ts';
import { describeOnBothDialects } from './testing/targets.ts';

/** Minutes after a fixed instant, in the stored form. */
function at(minutes: number): string {
  return new Date(Date.UTC(2024, 4, 1, 10, minutes)).toISOString();
}

let serial = 0;

describeOnBothDialects('feeds', (store) => {

  test('feeds: add, refuse a duplicate, list, find, due in order, remove', async () => {
    const now = new Date(at(0));
    const a = await store().feeds.add(
      { url: 'https://a.example/feed.xml', section: 'security', sourceName: 'A News', publishStatus: 'published', pollIntervalSeconds: 900 },
      now,
    );
    assert.equal(a.nextPollAt, now.toISOString());
    assert.equal(a.errorStreak, 0);
    assert.equal(a.lastStatus, null);
    await assert.rejects(
      store().feeds.add({ url: a.url, section: null, sourceName: null, publishStatus: 'draft', pollIntervalSeconds: 60 }, now),
      ConflictError,
    );
    await assert.rejects(
      store().feeds.add({ url: 'https://c.example/', section: 'nope', sourceName: null, publishStatus: 'draft', pollIntervalSeconds: 60 }, now),
      ValidationError,
    );
    const b = await store().feeds.add(
      { url: 'https://b.example/atom', section: null, sourceName: null, publishStatus: 'draft', pollIntervalSeconds: 60 },
      new Date(at(-5)),
    );
    assert.deepEqual((await store().feeds.due(now, 10)).map((f) => f.id), [b.id, a.id]);
    assert.deepEqual((await store().feeds.due(new Date(at(-10)), 10)).map((f) => f.id), []);
    assert.deepEqual(await store().feeds.find(a.id), a);
    assert.deepEqual(await store().feeds.findByUrl(b.url), b);
    assert.ok((await store().feeds.list()).some((f) => f.id === b.id));
    assert.equal(await store().feeds.remove(b.id), true);
    assert.equal(await store().feeds.remove(b.id), false);
    assert.equal(await store().feeds.find(b.id), undefined);
  });

  test('feeds: a poll records validators on success, keeps them and counts the streak on failure', async () => {
    const feed = await store().feeds.add(
      { url: `https://poll.example/${++serial}`, section: null, sourceName: null, publishStatus: 'draft', pollIntervalSeconds: 60 },
      new Date(at(0)),
    );
    const ok = await store().feeds.recordPoll(
      feed.id,
      { status: 'ok', title: 'Poll News', siteUrl: 'https://poll.example/', etag: '"v1"', lastModified: 'Wed, 01 May 2024 10:00:00 GMT', itemsSeen: 12, nextPollAt: at(15) },
      new Date(at(1)),
    );
    assert.deepEqual(
      [ok.title, ok.etag, ok.itemsSeen, ok.lastStatus, ok.lastSuccessAt, ok.nextPollAt],
      ['Poll News', '"v1"', 12, 'ok', at(1), at(15)],
    );
    await store().feeds.recordPoll(feed.id, { status: 'error', error: 'HTTP 503', nextPollAt: at(20) }, new Date(at(16)));
    const sick = await store().feeds.recordPoll(feed.id, { status: 'error', error: 'timed out', nextPollAt: at(40) }, new Date(at(21)));
    assert.deepEqual(
      [sick.errorStreak, sick.lastError, sick.lastStatus, sick.etag, sick.itemsSeen, sick.lastSuccessAt, sick.lastPolledAt],
      [2, 'timed out', 'error', '"v1"', 12, at(1), at(21)],
    );
    const healed = await store().feeds.recordPoll(feed.id, { status: 'not-modified', nextPollAt: at(60) }, new Date(at(45)));
    assert.deepEqual([healed.errorStreak, healed.lastError, healed.lastStatus], [0, null, 'not-modified']);
    await assert.rejects(store().feeds.recordPoll(999_999, { status: 'not-modified', nextPollAt: at(1) }, new Date()), NotFoundError);
  });
});

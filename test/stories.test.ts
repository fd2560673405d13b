/**
 * Stories end to end: articles imported through the one import path are placed in stories by the index kept
 * in the store, exactly as the in-memory clusterer places the same stream; copies from other sources collapse
 * into their original; story pages and the article page's More on this story show the result.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { articlePath, paragraphSection, type ArticleDraft } from '../src/domain/index.ts';
import { enrichArticle } from '../src/enrich/enrichArticle.ts';
import { MemoryStoryIndex, StoryClusterer } from '../src/enrich/stories/index.ts';
import { importArticle } from '../src/ingest/index.ts';
import { storyDocument } from '../src/enrich/stories/index.ts';
import { buildServer } from '../src/server.ts';
import { loadConfig } from '../src/config.ts';
import type { Store } from '../src/store/index.ts';
import { describeOnBothDialects } from '../src/store/testing/targets.ts';

const CLUSTERS = new URL('../../shared/benchmarks/clusters/ecbplus-stories.jsonl', import.meta.url);
interface Item {
  id: string;
  title: string;
  text: string;
  story: string;
}
// Three topics, each with its two look-alike events (ECB+ topics 1–3), in file order.
const ITEMS: Item[] = readFileSync(CLUSTERS, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as Item)
  .filter((item) => /^ecb\+[123][ab]$/.test(item.story));

const START = Date.UTC(2024, 2, 1, 8);
function draftOf(item: Item, n: number, source: string): ArticleDraft {
  const [lede = item.title, ...rest] = item.text.split('\n').filter((line) => line.trim());
  return {
    headline: item.title,
    sectionName: 'World',
    dek: null,
    summary: null,
    lede,
    body: [paragraphSection(null, rest.length ? rest : [lede])],
    hero: null,
    byline: null,
    source: { name: source, url: `https://${source.toLowerCase()}.example/${item.id}`, attribution: null, licenseName: null, licenseUrl: null },
    publishedAt: new Date(START + n * 3_600_000).toISOString(),
  };
}

const ANY_LENGTH = { minBodyWords: 0 };

async function importAll(store: Store): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const [n, item] of ITEMS.entries()) {
    const { article } = await store.transaction((trx) =>
      // The clustering corpus's items are a sentence or two: published here whatever their length.
      importArticle(trx, draftOf(item, n, n % 2 ? 'Herald' : 'Courier'), { sourceKey: `test:${item.id}`, publishRules: ANY_LENGTH }),
    );
    ids.set(item.id, article.id);
  }
  return ids;
}

describeOnBothDialects('stories', (store) => {
  let ids: Map<string, number>;

  test('the store places a stream in the same stories as the in-memory clusterer', async () => {
    ids = await importAll(store());
    const memory = new MemoryStoryIndex();
    const clusterer = new StoryClusterer(memory);
    for (const [n, item] of ITEMS.entries()) {
      const draft = draftOf(item, n, 'any');
      const entities = enrichArticle(draft).entities.map((entity) => entity.slug);
      await clusterer.add(storyDocument(String(ids.get(item.id)), draft, entities));
    }
    const expected = partition(memory.stories().map((story) => story.members.map(Number)));
    const stored = new Map<string, number[]>();
    for (const id of ids.values()) {
      const storyId = (await store().enrichments.find(id))!.storyId!;
      stored.set(storyId, [...(stored.get(storyId) ?? []), id]);
    }
    assert.deepEqual(partition([...stored.values()]), expected);
    assert.ok(stored.size > 1 && stored.size < ITEMS.length, `${stored.size} stories from ${ITEMS.length} articles`);
  });

  test('a web copy of a stored article is collapsed into it, its source listed', async () => {
    const item = ITEMS[0]!;
    const copy = { ...draftOf(item, 0, 'Wire'), headline: `${item.title} (wire)` };
    const outcome = await store().transaction((trx) =>
      importArticle(trx, copy, {
        sourceKey: 'https://wire.example/copy',
        dedupeByStory: true,
        provenance: { canonicalUrl: 'https://wire.example/copy', fetchedAt: '2024-03-02T00:00:00.000Z', feedId: null, sourceModifiedAt: null },
      }),
    );
    assert.equal(outcome.outcome, 'duplicate');
    assert.equal(outcome.article.id, ids.get(item.id));
    assert.deepEqual((await store().stories.copiesOf(ids.get(item.id)!)).map((c) => [c.url, c.sourceName]), [['https://wire.example/copy', 'Wire']]);
  });

  test('story pages list coverage in time order; an article lists its story mates, never as Related', async () => {
    const app = await buildServer({ config: loadConfig({ DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent', PAGE_CACHE: 'off' }), store: store(), logger: false });
    try {
      const first = ids.get(ITEMS[0]!.id)!;
      const storyId = (await store().enrichments.find(first))!.storyId!;
      const members = await store().stories.articles(storyId, 100);
      assert.ok(members.length >= 2, 'the first topic has a story of several articles');
      const page = await app.inject(`/story/${storyId}`);
      assert.equal(page.statusCode, 200);
      const positions = members.map((member) => page.body.indexOf(`href="${articlePath(member)}"`));
      assert.ok(positions.every((at) => at > 0), 'every member is listed');
      assert.deepEqual([...positions].sort((a, b) => a - b), positions, 'oldest first');
      assert.match(page.body, /Herald|Courier/);

      const subject = members[0]!;
      const article = await app.inject(articlePath(subject));
      const more = /<section class="more-on-story"[\s\S]*?<\/section>/.exec(article.body)?.[0] ?? '';
      const related = /<section class="related"[\s\S]*?<\/section>/.exec(article.body)?.[0] ?? '';
      // The newest five of its story mates are listed; none of them, shown or not, is Related.
      const mates = members.slice(1).reverse();
      for (const [n, mate] of mates.entries()) {
        assert.equal(more.includes(`href="${articlePath(mate)}"`), n < 5, `${mate.headline} is More on this story: ${n < 5}`);
        assert.ok(!related.includes(`href="${articlePath(mate)}"`), `${mate.headline} is not also Related`);
      }
      assert.ok(more.includes(`href="/story/${storyId}"`), 'links the whole story');
      assert.match(more, /Also published by <a href="https:\/\/wire.example\/copy" rel="nofollow">Wire<\/a>/);
    } finally {
      await app.close();
    }
  });

  test('a merged story\'s address leads to its survivor; unknown stories are 404 pages', async () => {
    const app = await buildServer({ config: loadConfig({ DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent', PAGE_CACHE: 'off' }), store: store(), logger: false });
    try {
      const storyId = (await store().enrichments.find(ids.get(ITEMS[0]!.id)!))!.storyId!;
      const index = store().stories.index({ headline: () => 'Old' });
      const live = (await index.story(storyId))!;
      await index.saveStory({ ...live, id: 'story-retired', opened: live.opened + 1000, members: [] });
      await index.retireStory('story-retired', storyId);
      const moved = await app.inject('/story/story-retired');
      assert.equal(moved.statusCode, 301);
      assert.equal(moved.headers.location, `/story/${storyId}`);
      assert.equal((await app.inject('/story/story-none')).statusCode, 404);
      assert.equal((await app.inject('/story/Not%20A%20Story')).statusCode, 404);
    } finally {
      await app.close();
    }
  });
});

/** Groups as sorted lists, sorted: two partitions are equal when these are. */
function partition(groups: number[][]): number[][] {
  return groups.map((group) => [...group].sort((a, b) => a - b)).sort((a, b) => a[0]! - b[0]!);
}

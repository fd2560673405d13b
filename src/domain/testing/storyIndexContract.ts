/**
 * What every StoryIndex must do, as tests: run by the in-memory index's suite and by the store's on both
 * dialects, so the clusterer behaves the same whichever index it is given.
 */
import { test as nodeTest } from 'node:test';
import assert from 'node:assert/strict';
import type { FiledDocument, Fingerprint, StoredStory, StoryIndex } from '../story.ts';

const DAY = 86_400_000;

/** A fresh, empty index; `documentId` makes the id of a document it accepts (n = 1, 2, … within one index). */
export interface OpenedIndex {
  index: StoryIndex;
  documentId(n: number): Promise<string>;
  close(): Promise<void>;
}

/** Each test runs on an index of its own from `open`, closed after it. */
export function storyIndexContract(open: () => Promise<OpenedIndex>): void {
  storyIndexChangesContract(open);
  const test = (name: string, body: (index: StoryIndex, documentId: OpenedIndex['documentId']) => Promise<void>) =>
    nodeTest(name, async () => {
      const opened = await open();
      try {
        await body(opened.index, (n) => opened.documentId(n));
      } finally {
        await opened.close();
      }
    });

  test('a posting list is read newest first, bounded by count and by time', async (index) => {
    for (let day = 0; day < 10; day++) await index.postStoryTerms(`story-${day}`, ['storm'], day * DAY);
    await index.postStoryTerms('story-2', ['storm'], 10 * DAY);
    const read = async (limit: number, since: number | null) =>
      (await index.storiesWithTerms(['storm', 'flood'], limit, since));
    assert.deepEqual((await read(3, null)).get('storm'), ['story-2', 'story-9', 'story-8']);
    assert.deepEqual((await read(100, 8 * DAY)).get('storm'), ['story-2', 'story-9', 'story-8']);
    assert.deepEqual((await read(3, null)).get('flood') ?? [], []);
  });

  test('a story posted twice takes one place, at its newest time', async (index) => {
    await index.postStoryTerms('a', ['storm'], 0);
    await index.postStoryTerms('a', ['storm'], 20 * DAY);
    assert.deepEqual((await index.storiesWithTerms(['storm'], 5, 19 * DAY)).get('storm'), ['a']);
  });

  test('documents are found again through their fingerprint buckets, fingerprint intact', async (index, documentId) => {
    const id = await documentId(1);
    const print: Fingerprint = { simhash: 0xfedcba9876543210n, minhash: Uint32Array.from([1, 2, 0xffffffff]) };
    const document: FiledDocument = { id, storyId: 'story-1', fingerprint: print, nearDuplicateOf: null };
    await index.fileDocument(document, ['m0:abc', 's1:def']);
    assert.deepEqual(await index.documentsInBuckets(['m0:abc'], 5), [document]);
    assert.deepEqual(await index.documentsInBuckets(['s1:def', 'm0:abc', 'zz'], 5), [document], 'each document once');
    assert.deepEqual(await index.documentsInBuckets(['zz'], 5), []);
    assert.deepEqual(await index.document(id), document);
    assert.equal(await index.document(await documentId(2)), undefined);
  });

  test('document frequencies count each document once per term', async (index) => {
    await index.countDocument(['storm', 'storm', 'coast']);
    await index.countDocument(['storm']);
    assert.equal(await index.documentCount(), 2);
    assert.deepEqual(await index.documentFrequencies(['storm', 'coast', 'calm']), new Map([['storm', 2], ['coast', 1], ['calm', 0]]));
  });

  test('a story is saved whole, and a retired story leads to the one it merged into', async (index, documentId) => {
    const older = story('story-old', 1, [await documentId(1)]);
    const newer = story('story-new', 2, [await documentId(2)]);
    await index.saveStory(older);
    await index.saveStory(newer);
    assert.deepEqual(await index.story('story-old'), older);
    await index.fileDocument({ id: newer.members[0]!, storyId: newer.id, fingerprint: { simhash: 1n, minhash: new Uint32Array(2) }, nearDuplicateOf: null }, []);
    await index.retireStory(newer.id, older.id);
    assert.equal((await index.story('story-new'))?.id, 'story-old');
    assert.deepEqual([...(await index.storiesById(['story-new', 'story-old', 'story-none'])).keys()], ['story-new', 'story-old']);
    assert.equal((await index.document(newer.members[0]!))?.storyId, 'story-old', "a merged story's documents follow it");
  });
}

export function storyIndexChangesContract(open: () => Promise<OpenedIndex>): void {
  nodeTest('a story read, changed and saved is read back as changed, never as the copy read before', async () => {
    const opened = await open();
    try {
      const { index } = opened;
      await index.saveStory(story('story-a', 1, [await opened.documentId(1)]));
      const first = (await index.story('story-a'))!;
      await index.saveStory({ ...first, members: [...first.members, 'later'], centroid: new Map([['flood', 1]]), centroidNorm: 1 });
      const second = (await index.story('story-a'))!;
      assert.deepEqual(second.members, [...first.members, 'later']);
      assert.deepEqual([...second.centroid], [['flood', 1]]);
    } finally {
      await opened.close();
    }
  });
}

function story(id: string, opened: number, members: string[]): StoredStory {
  return {
    id,
    opened,
    members,
    titles: members.map((member) => `Title of ${member}`),
    centroid: new Map([['storm', 0.5], ['@kent', 0.25]]),
    centroidNorm: Math.hypot(0.5, 0.25),
    vectorCount: members.length,
    firstSeen: 1_600_000_000_000,
    lastSeen: 1_600_000_500_000,
  };
}

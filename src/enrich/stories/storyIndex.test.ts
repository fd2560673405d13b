import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fingerprint, fingerprintBuckets } from './fingerprint.ts';
import { MemoryStoryIndex } from './storyIndex.ts';

const DAY = 86_400_000;

describe('MemoryStoryIndex', () => {
  test('a posting list is read newest first, bounded by count and by time', () => {
    const index = new MemoryStoryIndex();
    for (let day = 0; day < 10; day++) index.postStoryTerms(`story-${day}`, ['storm'], day * DAY);
    index.postStoryTerms('story-2', ['storm'], 10 * DAY);
    assert.deepEqual(index.storiesWithTerm('storm', 3, null), ['story-2', 'story-9', 'story-8']);
    assert.deepEqual(index.storiesWithTerm('storm', 100, 8 * DAY), ['story-2', 'story-9', 'story-8']);
    assert.deepEqual(index.storiesWithTerm('flood', 3, null), []);
  });

  test('a story posted twice in a row takes one place, at its newest time', () => {
    const index = new MemoryStoryIndex();
    index.postStoryTerms('a', ['storm'], 0);
    index.postStoryTerms('a', ['storm'], 20 * DAY);
    assert.deepEqual(index.storiesWithTerm('storm', 5, 19 * DAY), ['a']);
  });

  test('documents are found again through their fingerprint buckets', () => {
    const index = new MemoryStoryIndex();
    const print = fingerprint('The council approved the new harbour budget on Tuesday after a long debate.');
    index.fileDocument({ id: 'doc-1', storyId: 'story-1', fingerprint: print, nearDuplicateOf: null }, fingerprintBuckets(print));
    for (const bucket of fingerprintBuckets(print)) assert.deepEqual(index.documentsInBucket(bucket, 5), ['doc-1']);
    assert.equal(index.document('doc-1')?.storyId, 'story-1');
  });

  test('document frequencies count each document once per term', () => {
    const index = new MemoryStoryIndex();
    index.countDocument(['storm', 'storm', 'coast']);
    index.countDocument(['storm']);
    assert.equal(index.documentCount(), 2);
    assert.equal(index.documentFrequency('storm'), 2);
    assert.equal(index.documentFrequency('coast'), 1);
  });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rankRelated } from './related.ts';

const subject = {
  id: 1,
  section: 'security',
  publishedAt: '2026-01-18T00:00:00Z',
  entities: [
    { slug: 'al-asad-air-base', mentions: 6 },
    { slug: 'iraq', mentions: 3 },
    { slug: 'united-states', mentions: 1 },
  ],
};

test('shared central entities rank first; same section and recency lift; a section alone is not enough', () => {
  const ranked = rankRelated(subject, [
    { id: 2, section: 'world', publishedAt: '2026-01-10T00:00:00Z', shared: ['united-states'] },
    { id: 3, section: 'security', publishedAt: '2025-06-01T00:00:00Z', shared: ['al-asad-air-base', 'iraq'] },
    { id: 4, section: 'security', publishedAt: '2026-01-17T00:00:00Z', shared: ['al-asad-air-base', 'iraq'] },
    { id: 5, section: 'security', publishedAt: '2026-01-17T00:00:00Z', shared: [] },
    { id: 1, section: 'security', publishedAt: '2026-01-18T00:00:00Z', shared: ['iraq'] },
  ]);
  assert.deepEqual(ranked, [4, 3, 2]);
});

test('excluded ids (near-duplicates, story mates) and the limit', () => {
  const candidates = [6, 7, 8, 9, 10, 11, 12].map((id) => ({
    id,
    section: 'world',
    publishedAt: '2026-01-18T00:00:00Z',
    shared: ['iraq'],
  }));
  const ranked = rankRelated(subject, candidates, { exclude: new Set([12, 11]) });
  assert.deepEqual(ranked, [10, 9, 8, 7, 6]);
});

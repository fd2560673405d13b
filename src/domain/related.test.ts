import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rankRelated, relatedness, withRelated, type RelatedProfile, type TermRarity } from './related.ts';

// The seed (Iraq: US forces withdraw) and three demo stories, with the names enrichment finds in them and the
// demo archive's document counts (351 articles; "United States" is named by 190 of them, Iraq by 18).
const seed: RelatedProfile = {
  id: 1,
  section: 'security',
  publishedAt: '2026-01-18T00:00:00Z',
  entities: [
    { slug: 'united-states', mentions: 15 },
    { slug: 'iraq', mentions: 8 },
    { slug: 'al-asad-air-base', mentions: 5 },
    { slug: 'islamic-state', mentions: 5 },
  ],
  leadTerms: ['iraq', 'force', 'withdrawn', 'federal', 'territory', 'troop', 'remain', 'kurdistan', 'iraq', 'military'],
};
const airBaseStrike: RelatedProfile = {
  id: 2,
  section: 'politics',
  publishedAt: '2020-01-08T00:00:00Z',
  entities: [
    { slug: 'iraq', mentions: 7 },
    { slug: 'united-states', mentions: 6 },
    { slug: 'islamic-state', mentions: 2 },
    { slug: 'iran', mentions: 2 },
  ],
  leadTerms: ['coalition', 'authoritie', 'casualtie', 'missile', 'strike', 'iraqi', 'air', 'base', 'iraq', 'military'],
};
const wrestler: RelatedProfile = {
  id: 3,
  section: 'world',
  publishedAt: '2020-12-28T00:00:00Z',
  entities: [
    { slug: 'jon-huber', mentions: 11 },
    { slug: 'wwe', mentions: 4 },
    { slug: 'aew', mentions: 4 },
    { slug: 'united-states', mentions: 2 },
  ],
  leadTerms: ['professional', 'wrestler', 'jon', 'huber', 'die', 'aged'],
};
const rally: RelatedProfile = {
  id: 4,
  section: 'politics',
  publishedAt: '2020-12-14T00:00:00Z',
  entities: [
    { slug: 'donald-trump', mentions: 12 },
    { slug: 'washington', mentions: 7 },
    { slug: 'united-states', mentions: 5 },
  ],
  leadTerms: ['conservative', 'group', 'hold', 'rally', 'washington', 'election', 'stolen', 'president', 'trump'],
};
const rarity: TermRarity = {
  documents: 351,
  frequencies: new Map([
    ['@united-states', 190],
    ['@iraq', 18],
    ['@islamic-state', 9],
    ['@iran', 12],
    ['iraq', 20],
    ['military', 40],
    ['force', 60],
    ['president', 150],
  ]),
};

test('the seed lists the air-base strike, not the wrestler nor the Washington rally that only name the United States', () => {
  assert.deepEqual(rankRelated(seed, [wrestler, rally, airBaseStrike], rarity), [2]);
});

test('relatedness is the same both ways, so an older list can take the newcomer at the score it was given', () => {
  for (const other of [airBaseStrike, wrestler, rally]) {
    assert.equal(relatedness(seed, other, rarity), relatedness(other, seed, rarity));
  }
});

test('a shared section or nearness in time never makes a story related', () => {
  const sameDeskSameDay = { ...wrestler, id: 5, section: 'security', publishedAt: seed.publishedAt };
  assert.deepEqual(rankRelated(seed, [sameDeskSameDay], rarity), []);
});

test('among related stories the nearer in time ranks first; excluded ids (story mates) and the limit hold', () => {
  const copies = [6, 7, 8, 9, 10, 11, 12].map((id) => ({ ...airBaseStrike, id, publishedAt: `2026-01-${String(id).padStart(2, '0')}T00:00:00Z` }));
  assert.deepEqual(rankRelated(seed, copies, rarity, { exclude: new Set([12, 11]) }), [10, 9, 8, 7, 6]);
});

test('an empty or unnamed article is related to nothing', () => {
  const blank: RelatedProfile = { id: 13, section: 'security', publishedAt: seed.publishedAt, entities: [], leadTerms: [] };
  assert.deepEqual(rankRelated(seed, [blank], rarity), []);
  assert.deepEqual(rankRelated(blank, [seed, airBaseStrike], rarity), []);
});

test('withRelated takes a newcomer in by score and keeps the list short', () => {
  const list = [1, 2, 3, 4, 5].map((id) => ({ id, score: id / 10 }));
  assert.deepEqual(withRelated(list, { id: 9, score: 0.35 }).map((link) => link.id), [5, 4, 9, 3, 2]);
  assert.deepEqual(withRelated(list, { id: 9, score: 0.05 }).map((link) => link.id), [5, 4, 3, 2, 1]);
});

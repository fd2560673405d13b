import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isSlug, paragraphSection, type ArticleDraft } from '../domain/index.ts';
import { openStore, type Store } from '../store/index.ts';
import { importArticle } from './importArticle.ts';
import { importDemo } from './demo.ts';
import { draftFromWikinews, type WikinewsRecord } from './wikinews.ts';

let store: Store;
before(async () => {
  store = await openStore({ databaseUrl: null, sqliteFile: ':memory:' });
});
after(() => store.close());

/** Enough body for the publish checks (80 words): the stories here are meant to go on the site. */
const BODY_OF_A_REAL_STORY = Array.from({ length: 16 }, (_, n) => `Engineers checked span ${n + 1} twice.`).join(' ');

function draft(overrides: Partial<ArticleDraft> = {}): ArticleDraft {
  return {
    headline: 'Harbour bridge reopens after repairs',
    sectionName: 'World',
    dek: null,
    summary: null,
    lede: 'The bridge reopened on Monday.',
    body: [paragraphSection(null, ['Traffic resumed at dawn.', BODY_OF_A_REAL_STORY])],
    hero: null,
    byline: null,
    source: null,
    publishedAt: null,
    ...overrides,
  };
}

test('create, then the same draft again changes nothing', async () => {
  const t0 = new Date('2026-01-01T10:00:00Z');
  const first = await importArticle(store, draft(), { sourceKey: 'key:a', now: t0 });
  assert.equal(first.outcome, 'created');
  assert.equal(first.article.slug, 'harbour-bridge-reopens-after-repairs');
  assert.equal(first.article.status, 'published');
  assert.equal(first.article.publishedAt, t0.toISOString());

  const again = await importArticle(store, draft(), { sourceKey: 'key:a', now: new Date('2026-01-02T10:00:00Z') });
  assert.equal(again.outcome, 'unchanged');
  assert.equal(again.article.updatedAt, t0.toISOString());
});

test('an edit updates in place: same id and slug, updatedAt moves, publishedAt stays', async () => {
  const edited = await importArticle(store, draft({ headline: 'Harbour bridge reopens at last', lede: 'Edited.' }), {
    sourceKey: 'key:a',
    now: new Date('2026-01-03T10:00:00Z'),
  });
  assert.equal(edited.outcome, 'updated');
  assert.equal(edited.article.slug, 'harbour-bridge-reopens-after-repairs');
  assert.equal(edited.article.headline, 'Harbour bridge reopens at last');
  assert.equal(edited.article.updatedAt, '2026-01-03T10:00:00.000Z');
  assert.equal(edited.article.publishedAt, '2026-01-01T10:00:00.000Z');
});

test('a second story with the same headline gets its own slug', async () => {
  const other = await importArticle(store, draft(), { sourceKey: 'key:b' });
  assert.equal(other.outcome, 'created');
  assert.equal(other.article.slug, 'harbour-bridge-reopens-after-repairs-2');
});

test('a long headline imported twice still gets two servable slugs', async () => {
  const headline = 'Breaking: a headline long enough to fill the whole slug and then some more words after it';
  const first = await importArticle(store, draft({ headline }), { sourceKey: 'key:long-1' });
  const second = await importArticle(store, draft({ headline }), { sourceKey: 'key:long-2' });
  assert.notEqual(first.article.slug, second.article.slug);
  for (const { article } of [first, second]) {
    assert.ok(isSlug(article.slug), article.slug);
    assert.equal((await store.articles.findPublished(article.section, article.slug))?.id, article.id);
  }
});

test('drafts and new sections', async () => {
  const asDraft = await importArticle(store, draft({ headline: 'Embargoed' }), { sourceKey: 'key:c', status: 'draft' });
  assert.equal(asDraft.article.status, 'draft');
  assert.equal(asDraft.article.publishedAt, null);
  assert.equal(await store.articles.findPublished('world', 'embargoed'), undefined);

  const culture = await importArticle(store, draft({ headline: 'Opera season opens', sectionName: 'Culture' }), { sourceKey: 'key:d' });
  assert.equal(culture.article.section, 'culture');
  assert.ok(await store.sections.find('culture'));

  // An article without a label is filed by the classifier: importSection.test.ts.
});

test('a blank headline is refused', async () => {
  await assert.rejects(importArticle(store, draft({ headline: '   ' }), { sourceKey: 'key:f' }), /needs a headline/);
  assert.equal(await store.articles.findBySourceKey('key:f'), undefined);
});

const record: WikinewsRecord = {
  id: 'wikinews-x',
  title: 'Notre Dame in Paris catches fire',
  url: 'https://en.wikinews.org/wiki/Notre_Dame_in_Paris_catches_fire',
  publishedAt: '2019-04-15',
  section: null,
  text: 'First paragraph.\n\nSecond\nparagraph.\n\n\nThird.',
  imageCaption: 'Fire in the frame of Notre Dame.',
  imageCredit: 'LeLaisserPasserA38',
  license: 'CC BY 2.5',
  licenseUrl: 'https://creativecommons.org/licenses/by/2.5/',
  attribution: 'From Wikinews, the free news source: "Notre Dame in Paris catches fire" (https://en.wikinews.org/wiki/Notre_Dame_in_Paris_catches_fire), CC BY 2.5',
};

test('a Wikinews record becomes a credited draft', () => {
  const d = draftFromWikinews(record);
  assert.equal(d.lede, 'First paragraph.');
  assert.deepEqual(d.body, [paragraphSection(null, ['Second paragraph.', 'Third.'])]);
  assert.equal(d.byline, 'Wikinews');
  assert.equal(d.source?.attribution, record.attribution);
  assert.equal(d.source?.licenseUrl, record.licenseUrl);
  assert.deepEqual(d.hero, { url: null, alt: record.imageCaption, caption: record.imageCaption, credit: record.imageCredit });
  assert.equal(d.publishedAt, '2019-04-15T12:00:00.000Z');
  assert.equal(d.sectionName, null, 'section left for the classifier');
});

test('the demo imports once; a failure half-way stores none of it', async () => {
  const demoStore = await openStore({ databaseUrl: null, sqliteFile: ':memory:' });
  try {
    const dir = mkdtempSync(join(tmpdir(), 'newsdesk-demo-'));
    const good = join(dir, 'good.jsonl');
    writeFileSync(good, [record, { ...record, url: record.url + '_2', title: 'Second story' }].map((r) => JSON.stringify(r)).join('\n'));
    const noSeed = join(dir, 'missing-seed.txt');

    const broken = join(dir, 'broken.jsonl');
    writeFileSync(broken, JSON.stringify(record) + '\n' + JSON.stringify({ ...record, url: 'x', title: '' }) + '\n');
    await assert.rejects(importDemo(demoStore, { wikinewsFile: broken, seedFile: noSeed }), /headline/);
    assert.equal(await demoStore.articles.countPublished(), 0, 'rolled back');

    const first = await importDemo(demoStore, { wikinewsFile: good, seedFile: noSeed });
    assert.deepEqual(first, { counts: { created: 2, updated: 0, unchanged: 0, duplicate: 0 }, seedImported: false });
    const second = await importDemo(demoStore, { wikinewsFile: good, seedFile: noSeed });
    assert.deepEqual(second.counts, { created: 0, updated: 0, unchanged: 2, duplicate: 0 });
  } finally {
    await demoStore.close();
  }
});

test('the opening map caption glued to a toscaData story is dropped, ordinary openings are kept', async () => {
  const { withoutCaptionResidue } = await import('./wikinews.ts');
  const cases: Array<[string, string]> = [
    ['Pakistan The Pakistani army says it killed 40 militants.', 'The Pakistani army says it killed 40 militants.'],
    ['Sri Lanka A bus bombing in Sri Lanka has killed 25.', 'A bus bombing in Sri Lanka has killed 25.'],
    ['Israel/Palestine conflict During a seminar, veterans spoke.', 'During a seminar, veterans spoke.'],
    ['Infobox Health Senator Ted Kennedy was treated.', 'Senator Ted Kennedy was treated.'],
    ['Iraq On Friday, twin attacks killed at least 72 people.', 'On Friday, twin attacks killed at least 72 people.'],
    ['United Kingdom The government plans to spy on email.', 'The government plans to spy on email.'],
    ['Template:Crime and law A video has surfaced.', 'A video has surfaced.'],
    ['Template:United_Kingdom At least seventeen people were hurt.', 'At least seventeen people were hurt.'],
    // Not certain: left alone.
    ['Barack Obama has won the Wyoming caucus.', 'Barack Obama has won the Wyoming caucus.'],
    ['The Orlando Sentinel published a rebuke.', 'The Orlando Sentinel published a rebuke.'],
    ['Poland Irena Sendler, a Polish humanitarian, died.', 'Poland Irena Sendler, a Polish humanitarian, died.'],
  ];
  for (const [input, expected] of cases) assert.equal(withoutCaptionResidue(input), expected, input);
  const tosca = draftFromWikinews({ ...record, collection: 'tosca-politics', text: 'Cuba On Monday, Raúl Castro spoke.\n\nMore.' });
  assert.equal(tosca.lede, 'On Monday, Raúl Castro spoke.');
  const other = draftFromWikinews({ ...record, collection: 'vanatteveldt-wikinews-2019-2020', text: 'Cuba On Monday.' });
  assert.equal(other.lede, 'Cuba On Monday.', 'only the toscaData compilation has this residue');
});

test('the publish checks hold back a story without a body: stored as a draft, with the reasons', async () => {
  const junk = await importArticle(store, draft({ headline: '2 hello', lede: null, body: [] }), { sourceKey: 'key:junk' });
  assert.equal(junk.outcome, 'created');
  assert.equal(junk.article.status, 'draft');
  assert.equal(junk.article.workflowState, 'draft');
  assert.deepEqual(junk.heldBack, ['its body has 0 words; a published article needs at least 80']);
  assert.equal(await store.articles.findPublished(junk.article.section, junk.article.slug), undefined);

  const asked = await importArticle(store, draft({ headline: 'Short on purpose', lede: 'One line.', body: [] }), { sourceKey: 'key:short', status: 'draft' });
  assert.equal(asked.heldBack, undefined, 'a draft asked for is not "held back"');

  const relaxed = await importArticle(store, draft({ headline: 'Brief item', lede: 'One line.', body: [] }), {
    sourceKey: 'key:brief',
    publishRules: { minBodyWords: 2 },
  });
  assert.equal(relaxed.article.status, 'published', 'the rule is the configured one');
});

test('an edit that would empty a published story is not applied: the published version stays', async () => {
  const live = await importArticle(store, draft({ headline: 'Ferry timetable changes' }), { sourceKey: 'key:ferry' });
  assert.equal(live.article.status, 'published');
  const emptied = await importArticle(store, draft({ headline: 'Ferry timetable changes', lede: null, body: [] }), { sourceKey: 'key:ferry' });
  assert.equal(emptied.outcome, 'unchanged');
  assert.equal(emptied.heldBack?.length, 1);
  assert.deepEqual(await store.articles.findById(live.article.id), live.article);
});

/** Where an import files its article: the draft's label, the classifier among the stored sections, an editor's override. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { paragraphSection, type ArticleDraft } from '../domain/index.ts';
import { openStore, type Store } from '../store/index.ts';
import { importArticle } from './importArticle.ts';

let store: Store;
before(async () => {
  store = await openStore({ databaseUrl: null, sqliteFile: ':memory:' });
});
after(() => store.close());

const MATCH = [
  'The home side won the league match 3-1 on Saturday, with the striker scoring twice in the second half before a crowd of 40,000 fans.',
  'The goalkeeper saved a penalty in the first half, and the coach praised the defence after the final whistle of a tense derby.',
  'The win lifts the club to second in the table, two points behind the leaders with eight matches of the season left to play.',
];

const PREMIERE = [
  'The director’s new film opened the festival on Friday, and its lead actress walked the red carpet with the cast.',
  'Critics called the movie the best drama of the year, and the studio expects strong box office takings.',
  'The soundtrack album, with songs by the band, goes on sale next week ahead of the awards season.',
];

function unlabelled(headline: string, paragraphs: string[], overrides: Partial<ArticleDraft> = {}): ArticleDraft {
  return {
    headline,
    sectionName: null,
    dek: null,
    summary: null,
    lede: paragraphs[0] ?? null,
    body: [paragraphSection(null, paragraphs.slice(1))],
    hero: null,
    byline: null,
    source: null,
    publishedAt: null,
    ...overrides,
  };
}

test('an unlabelled story is filed by the classifier: its Sports desk is our Sport section', async () => {
  const { article } = await importArticle(store, unlabelled('Home side wins derby as striker scores twice', MATCH), {
    sourceKey: 'key:match',
  });
  assert.equal(article.section, 'sport');
});

test('the classifier chooses among the sections as stored, not the built-in list', async () => {
  // Entertainment exists only in the sections table (migration 0006), never in the domain's default list.
  const { article } = await importArticle(store, unlabelled('Festival opens with director’s new film', PREMIERE), {
    sourceKey: 'key:premiere',
  });
  assert.equal(article.section, 'entertainment');
});

test('a label of its own still wins over the classifier', async () => {
  const { article } = await importArticle(store, unlabelled('Derby result debated', MATCH, { sectionName: 'Politics' }), {
    sourceKey: 'key:labelled-match',
  });
  assert.equal(article.section, 'politics');
});

test('an edited unlabelled story stays in its section; an editor’s section override survives a labelled re-import', async () => {
  const first = await importArticle(store, unlabelled('Club signs striker', MATCH), { sourceKey: 'key:edited' });
  assert.equal(first.article.section, 'sport');
  await store.enrichments.setOverride(first.article.id, 'section', 'business');
  assert.equal((await store.articles.findById(first.article.id))?.section, 'business');

  const edited = await importArticle(store, unlabelled('Club signs striker for a record fee', MATCH), { sourceKey: 'key:edited' });
  assert.equal(edited.outcome, 'updated');
  assert.equal(edited.article.section, 'business', 'the classifier does not move it back');

  const labelled = await importArticle(
    store,
    unlabelled('Club signs striker for a record fee', MATCH, { sectionName: 'Sport', dek: 'Now with a kicker.' }),
    { sourceKey: 'key:edited' },
  );
  assert.equal(labelled.outcome, 'updated');
  assert.equal(labelled.article.section, 'business', 'nor does the page’s own label');

  await store.enrichments.setOverride(first.article.id, 'section', undefined);
  const relabelled = await importArticle(
    store,
    unlabelled('Club signs striker for a record fee', MATCH, { sectionName: 'Sport', dek: 'Edited again.' }),
    { sourceKey: 'key:edited' },
  );
  assert.equal(relabelled.article.section, 'sport', 'without an override the label files it again');
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEFAULT_SECTIONS, NotFoundError, paragraphSection, StaleRevisionError, ValidationError } from '../domain/index.ts';
import { migrations } from './migrations/index.ts';
import { ConflictError, openStore, type NewArticle, type Store } from './index.ts';
import { postgresTarget, sqliteTarget } from './testing/targets.ts';

/** Added by migration 0006 after the domain's default sections. */
const ENTERTAINMENT = { slug: 'entertainment', name: 'Entertainment', position: 90 };

let serial = 0;
/** A complete, valid new article; each call gets its own slug and source key. */
function newArticle(overrides: Partial<NewArticle> = {}): NewArticle {
  serial += 1;
  return {
    slug: `story-${serial}`,
    section: 'world',
    sourceKey: `https://example.org/news/${serial}`,
    contentHash: `hash-${serial}`,
    headline: `Story ${serial}`,
    dek: null, summary: null, lede: null, body: [], hero: null, byline: null, source: null,
    provenance: null,
    status: 'published',
    publishedAt: at(0), createdAt: at(0), updatedAt: at(0),
    ...overrides,
  };
}

/** Minutes after a fixed instant, in the stored form. */
function at(minutes: number): string {
  return new Date(Date.UTC(2024, 4, 1, 10, minutes)).toISOString();
}

for (const target of [sqliteTarget(), postgresTarget()]) {
  describe(`store on ${target.dialect}`, () => {
    let store: Store;
    before(async () => {
      store = await target.open({ migrate: false });
    });
    after(async () => {
      await store?.close();
      await target.cleanup();
    });

    test('migrations apply once; re-running and re-opening apply nothing', async () => {
      assert.equal(store.dialect, target.dialect);
      assert.deepEqual(await store.migrate(), Object.keys(migrations));
      assert.deepEqual(await store.migrate(), []);
      const reopened = await target.open();
      assert.deepEqual(await reopened.migrate(), []);
      await reopened.close();
    });

    test('default sections are seeded in nav order', async () => {
      // The domain's list seeds a new database; later migrations add to it (0006: Entertainment, last).
      assert.deepEqual(await store.sections.list(), [...DEFAULT_SECTIONS, ENTERTAINMENT]);
      assert.deepEqual(await store.sections.find('security'), { slug: 'security', name: 'Security', position: 40 });
      assert.equal(await store.sections.find('nope'), undefined);
    });

    test('ensure creates a section once, after the others, and is idempotent', async () => {
      assert.deepEqual(await store.sections.ensure('Culture'), { slug: 'culture', name: 'Culture', position: 100 });
      assert.deepEqual(await store.sections.ensure(' culture '), { slug: 'culture', name: 'Culture', position: 100 });
      assert.deepEqual(await store.sections.ensure('security'), { slug: 'security', name: 'Security', position: 40 });
      const racing = await Promise.all([1, 2, 3].map(() => store.sections.ensure('Opinion')));
      assert.deepEqual(racing, Array(3).fill({ slug: 'opinion', name: 'Opinion', position: 110 }));
      assert.equal((await store.sections.list()).length, DEFAULT_SECTIONS.length + 3);
      await assert.rejects(store.sections.ensure(' !? '), ValidationError);
    });

    test('insert returns the stored article and findById round-trips every field', async () => {
      const full = newArticle({
        section: 'security',
        headline: 'Last US troops leave Iraq’s Al-Asad base',
        dek: 'A handover two decades in the making',
        summary: 'The base was handed over on Friday.',
        lede: 'The last American units left on Friday.',
        body: [
          paragraphSection(null, ['First "quoted" paragraph.', 'Second — unicode: ü, 漢字.']),
          paragraphSection('Last Units Leave Al-Asad', ['Third.']),
          paragraphSection('Empty', []),
          {
            title: 'Every kind of block',
            blocks: [
              { type: 'subheading', text: 'A smaller head' },
              { type: 'list', ordered: true, items: ['One', 'Two'] },
              { type: 'quote', text: '“We are leaving.”', cite: 'A spokesman' },
              { type: 'figure', image: { url: null, alt: 'Map', caption: 'The base.', credit: 'CRBC' } },
            ],
          },
        ],
        hero: { url: '/images/al-asad.webp', alt: 'A convoy at dusk', caption: 'Leaving.', credit: 'Nasser Nasser/AP/File' },
        byline: 'By Jane Doe',
        source: { name: 'Wikinews', url: 'https://en.wikinews.org/wiki/X', attribution: 'From Wikinews, CC BY 2.5',
          licenseName: 'CC BY 2.5', licenseUrl: 'https://creativecommons.org/licenses/by/2.5/' },
        publishedAt: at(5), createdAt: at(6), updatedAt: at(7),
      });
      const stored = await store.articles.insert(full);
      assert.ok(Number.isInteger(stored.id) && stored.id > 0);
      const newsroomFields = (article: { revisionId: number | null }) => ({ ownerId: null, revisionId: article.revisionId, scheduledAt: null });
      assert.ok(stored.revisionId !== null, 'its first revision is current');
      assert.deepEqual(stored, { ...full, id: stored.id, workflowState: full.status, ...newsroomFields(stored) });
      assert.deepEqual(await store.articles.findById(stored.id), stored);

      // Nulls stay nulls; an image without a file and with an empty (decorative) alt is still an image.
      const sparse = newArticle({ status: 'draft', publishedAt: null, hero: { url: null, alt: '', caption: null, credit: null } });
      const sparseStored = await store.articles.insert(sparse);
      assert.deepEqual(await store.articles.findById(sparseStored.id), {
        ...sparse, id: sparseStored.id, workflowState: 'draft', ...newsroomFields(sparseStored),
      });
      assert.equal(await store.articles.findById(999_999), undefined);
    });

    test('times are stored as UTC ISO-8601 whatever offset they were given in', async () => {
      const stored = await store.articles.insert(
        newArticle({ publishedAt: '2024-05-01T12:00:00+02:00', createdAt: '2024-05-01T10:00Z', updatedAt: at(1) }),
      );
      assert.equal(stored.publishedAt, '2024-05-01T10:00:00.000Z');
      assert.equal(stored.createdAt, '2024-05-01T10:00:00.000Z');
      await assert.rejects(store.articles.insert(newArticle({ updatedAt: 'yesterday' })), ValidationError);
    });

    test('findBySourceKey finds an article by its origin', async () => {
      const stored = await store.articles.insert(newArticle());
      assert.deepEqual(await store.articles.findBySourceKey(stored.sourceKey), stored);
      assert.equal(await store.articles.findBySourceKey('https://example.org/never'), undefined);
    });

    test('findPublished serves only published articles, only in their own section', async () => {
      const live = await store.articles.insert(newArticle({ section: 'science' }));
      const draft = await store.articles.insert(newArticle({ section: 'science', status: 'draft', publishedAt: null }));
      assert.deepEqual(await store.articles.findPublished('science', live.slug), live);
      assert.equal(await store.articles.findPublished('world', live.slug), undefined);
      assert.equal(await store.articles.findPublished('science', draft.slug), undefined);
    });

    test('unique (section, slug) and unique source key are enforced', async () => {
      const first = await store.articles.insert(newArticle({ section: 'sport' }));
      await assert.rejects(store.articles.insert(newArticle({ section: 'sport', slug: first.slug })), ConflictError);
      await assert.rejects(store.articles.insert(newArticle({ sourceKey: first.sourceKey })), ConflictError);
      // The same slug in another section is a different URL.
      await store.articles.insert(newArticle({ section: 'health', slug: first.slug }));
    });

    test('insert refuses an unknown section and a published article without a time', async () => {
      await assert.rejects(store.articles.insert(newArticle({ section: 'no-such-section' })), ValidationError);
      await assert.rejects(store.articles.insert(newArticle({ publishedAt: null })), ValidationError);
    });

    test('slugsLike returns the base and its numbered variants in one section', async () => {
      for (const slug of ['storm', 'storm-2', 'storm-front', 'stormy', 'storms-2']) {
        await store.articles.insert(newArticle({ section: 'business', slug }));
      }
      await store.articles.insert(newArticle({ section: 'politics', slug: 'storm-3' }));
      assert.deepEqual(await store.articles.slugsLike('business', 'storm'), new Set(['storm', 'storm-2', 'storm-front']));
      assert.deepEqual(await store.articles.slugsLike('business', 'calm'), new Set());
    });

    test('update changes content and updatedAt but keeps id, slug and createdAt', async () => {
      const draft = await store.articles.insert(newArticle({ status: 'draft', publishedAt: null }));
      const { id, slug, sourceKey, createdAt, ...rest } = draft;
      const edit = { ...rest, headline: 'Corrected', body: [paragraphSection('New', ['Text.'])] };
      const changes = { section: 'technology', status: 'published', publishedAt: at(30), updatedAt: at(31) } as const;
      const updated = await store.articles.update(id, { ...edit, ...changes });
      assert.notEqual(updated.revisionId, draft.revisionId, 'the edit is the current revision');
      assert.deepEqual(updated, {
        ...draft, ...changes, workflowState: 'published', headline: 'Corrected', body: edit.body, revisionId: updated.revisionId,
      });
      assert.deepEqual(await store.articles.findById(id), updated);
      assert.deepEqual(await store.articles.findPublished('technology', slug), updated);
      await assert.rejects(store.articles.update(999_999, { ...edit, updatedAt: at(32) }), NotFoundError);
    });

    test('listPublished: newest first, id breaks ties, pages, filters by section, never drafts', async () => {
      const { slug: section } = await store.sections.ensure('Listing');
      const insert = (minutes: number, status: 'draft' | 'published' = 'published') =>
        store.articles.insert(newArticle({ section, status, publishedAt: status === 'draft' ? null : at(minutes) }));
      const a = await insert(10);
      const b = await insert(30);
      const c = await insert(20);
      const d = await insert(20); // same time as c, later id: comes first
      const draft = await insert(0, 'draft');
      const ids = async (limit: number, offset: number) =>
        (await store.articles.listPublished({ section, limit, offset })).map((card) => card.id);
      assert.deepEqual(await ids(10, 0), [b.id, d.id, c.id, a.id]);
      assert.deepEqual(await ids(2, 0), [b.id, d.id]);
      assert.deepEqual(await ids(2, 2), [c.id, a.id]);
      assert.deepEqual(await ids(2, 4), []);

      const [card] = await store.articles.listPublished({ section, limit: 1, offset: 0 });
      const { id, slug, headline, dek, summary, lede, hero, publishedAt, updatedAt } = b;
      assert.deepEqual(card, { id, slug, section, headline, dek, summary, lede, hero, publishedAt, updatedAt });
      const headlines = await store.articles.listHeadlines({ section, limit: 10, offset: 0 });
      assert.deepEqual(headlines.map((link) => link.id), await ids(10, 0), 'same articles, same order');
      assert.deepEqual(headlines[0], { id, slug, section, headline, publishedAt });
      assert.deepEqual((await store.articles.listHeadlines({ section, limit: 2, offset: 2 })).map((l) => l.id), [c.id, a.id]);

      const everything = await store.articles.listPublished({ limit: 1000, offset: 0 });
      assert.ok(!everything.some((x) => x.id === draft.id));
      assert.ok(!(await store.articles.listHeadlines({ limit: 1000, offset: 0 })).some((x) => x.id === draft.id));
      for (const [i, x] of everything.entries()) {
        const next = everything[i + 1];
        assert.ok(!next || x.publishedAt > next.publishedAt || (x.publishedAt === next.publishedAt && x.id > next.id));
      }
    });

    test('countPublished counts published articles, overall and per section', async () => {
      assert.equal(await store.articles.countPublished('listing'), 4);
      assert.equal(await store.articles.countPublished('no-such-section'), 0);
      const all = await store.articles.listPublished({ limit: 1000, offset: 0 });
      assert.equal(await store.articles.countPublished(), all.length);
    });

    test('latestPerSection returns at most n newest per section, sections in nav order', async () => {
      const first = await store.sections.ensure('Latest One');
      const second = await store.sections.ensure('Latest Two');
      const insert = (section: string, minutes: number) =>
        store.articles.insert(newArticle({ section, publishedAt: at(minutes) }));
      const old = await insert(first.slug, 1);
      const newest = await insert(first.slug, 3);
      const middle = await insert(first.slug, 2);
      const only = await insert(second.slug, 1);
      await store.articles.insert(newArticle({ section: second.slug, status: 'draft', publishedAt: null }));

      const latest = await store.articles.latestPerSection(2);
      assert.deepEqual(latest.get(first.slug)?.map((x) => x.id), [newest.id, middle.id]);
      assert.deepEqual(latest.get(second.slug)?.map((x) => x.id), [only.id]);
      assert.ok(!latest.get(first.slug)?.some((x) => x.id === old.id));
      assert.equal(latest.has('culture'), false, 'a section without published articles has no entry');
      for (const cards of latest.values()) assert.ok(cards.length >= 1 && cards.length <= 2);
      const navOrder = (await store.sections.list()).map((s) => s.slug).filter((s) => latest.has(s));
      assert.deepEqual([...latest.keys()], navOrder);
      assert.equal((await store.articles.latestPerSection(0)).size, 0);
    });

    test('sections.list with onlyWithArticles skips sections with no published article', async () => {
      const draftsOnly = await store.sections.ensure('Drafts Only');
      await store.articles.insert(newArticle({ section: draftsOnly.slug, status: 'draft', publishedAt: null }));
      const slugs = (await store.sections.list({ onlyWithArticles: true })).map((s) => s.slug);
      assert.ok(slugs.includes('listing') && slugs.includes('security'));
      assert.ok(!slugs.includes(draftsOnly.slug) && !slugs.includes('culture'));
      for (const slug of slugs) assert.ok((await store.articles.countPublished(slug)) > 0);
    });

    test('transaction commits its work, and rolls all of it back on throw', async () => {
      const kept = await store.transaction(async (trx) => {
        const section = await trx.sections.ensure('Committed');
        return trx.articles.insert(newArticle({ section: section.slug }));
      });
      assert.deepEqual(await store.articles.findById(kept.id), kept);

      const doomed = newArticle();
      await assert.rejects(
        store.transaction(async (trx) => {
          await trx.sections.ensure('Rolled Back');
          await trx.articles.insert(doomed);
          throw new Error('editor cancelled');
        }),
        /editor cancelled/,
      );
      assert.equal(await store.articles.findBySourceKey(doomed.sourceKey), undefined);
      assert.equal(await store.sections.find('rolled-back'), undefined);
    });

    test("readers see committed articles only, never a transaction's work in progress", async () => {
      const wip = newArticle({ section: 'world', slug: 'work-in-progress' });
      let seenInside: unknown;
      let seenOutside: unknown = 'not read';
      await store.transaction(async (trx) => {
        await trx.articles.insert(wip);
        seenInside = await trx.articles.findPublished('world', wip.slug);
        // The site's reads: on SQLite the read-only connection, on PostgreSQL another pooled connection.
        seenOutside = await store.articles.findPublished('world', wip.slug);
        assert.ok(!(await store.articles.listHeadlines({ section: 'world', limit: 100, offset: 0 })).some((l) => l.slug === wip.slug));
      });
      assert.ok(seenInside, 'the transaction reads its own write');
      assert.equal(seenOutside, undefined);
      assert.equal((await store.articles.findPublished('world', wip.slug))?.slug, wip.slug, 'visible once committed');
    });

    test('ingested articles keep provenance, extraction and story hash, found by canonical URL or hash', async () => {
      const provenance = {
        canonicalUrl: `https://news.example/story-${serial}`,
        fetchedAt: '2024-05-01T12:00:00+02:00',
        feedId: 7,
        sourceModifiedAt: at(3),
      };
      const stored = await store.articles.insert(
        newArticle({ provenance, storyHash: 'story-hash-1', extraction: '{"bodyHtml":"<p>x</p>"}' }),
      );
      assert.deepEqual(stored.provenance, { ...provenance, fetchedAt: '2024-05-01T10:00:00.000Z' });
      assert.equal((await store.articles.findByCanonicalUrl(provenance.canonicalUrl))?.id, stored.id);
      assert.equal((await store.articles.findByStoryHash('story-hash-1'))?.id, stored.id);
      assert.equal(await store.articles.findExtraction(stored.id), '{"bodyHtml":"<p>x</p>"}');
      assert.equal(await store.articles.findByCanonicalUrl('https://news.example/none'), undefined);
      // One article per canonical address.
      await assert.rejects(store.articles.insert(newArticle({ provenance })), ConflictError);
      // An edit that does not mention provenance keeps it.
      const { slug, sourceKey, createdAt, provenance: _none, ...rest } = newArticle();
      const edited = await store.articles.update(stored.id, { ...rest, headline: 'Edited' });
      assert.deepEqual(edited.provenance, stored.provenance);
    });

    test('every version is a revision, newest first; the article names its current one', async () => {
      const first = await store.articles.insert(newArticle({ headline: 'Version one' }));
      const { slug, sourceKey, createdAt, ...content } = newArticle();
      await store.articles.update(first.id, { ...content, headline: 'Version two', updatedAt: at(5) });
      const stamp = { kind: 'save', authorId: 7, authorLabel: 'Ada <ada@example.org>', baseRevisionId: null } as const;
      const third = await store.articles.update(first.id, { ...content, headline: 'Version three', updatedAt: at(9) }, stamp);
      assert.equal(third.headline, 'Version three');
      const revisions = await store.articles.revisions(first.id);
      assert.deepEqual(
        revisions.map((r) => [r.kind, r.authorLabel, r.createdAt]),
        [
          ['save', 'Ada <ada@example.org>', at(9)],
          ['import', 'system: import', at(5)],
          ['import', 'system: import', first.updatedAt],
        ],
      );
      assert.equal(third.revisionId, revisions[0]!.id);
      assert.equal(first.revisionId, revisions[2]!.id);
      const oldest = await store.articles.revision(first.id, revisions[2]!.id);
      assert.equal(oldest?.content.headline, 'Version one');
      assert.deepEqual(oldest?.content.body, first.body);
      assert.equal(await store.articles.revision(first.id + 1, revisions[2]!.id), undefined, 'a revision belongs to its article');
      await assert.rejects(store.articles.update(999_999, { ...content }), NotFoundError);
    });

    test('a save from an older revision is refused, writing nothing; from the current one it applies', async () => {
      const article = await store.articles.insert(newArticle({ headline: 'Base' }));
      const { slug, sourceKey, createdAt, ...content } = newArticle();
      const saved = await store.articles.update(article.id, { ...content, headline: 'First save', updatedAt: at(3) }, undefined, article.revisionId);
      await assert.rejects(
        store.articles.update(article.id, { ...content, headline: 'Stale save', updatedAt: at(4) }, undefined, article.revisionId),
        (error: unknown) => error instanceof StaleRevisionError && error.currentRevisionId === saved.revisionId,
      );
      assert.equal((await store.articles.findById(article.id))?.headline, 'First save');
      assert.equal((await store.articles.revisions(article.id)).length, 2, 'the refused save left no revision');
      const kept = await store.articles.recordRevision(article.id, { ...content, headline: 'Stale save' }, 'hash', at(4), {
        kind: 'conflict_copy', authorId: null, authorLabel: 'system: cli', baseRevisionId: article.revisionId,
      });
      assert.equal((await store.articles.revision(article.id, kept))?.content.headline, 'Stale save');
      assert.equal((await store.articles.findById(article.id))?.revisionId, saved.revisionId, 'a kept copy is not current');
    });

    test('workflow moves: on and off the site, taken down answers as such, found by address in any state', async () => {
      const article = await store.articles.insert(newArticle({ section: 'politics' }));
      assert.equal(article.workflowState, 'published');
      const down = await store.articles.changeState(article.id, { workflowState: 'unpublished', publishedAt: article.publishedAt, updatedAt: at(40) });
      assert.equal(down.status, 'draft');
      assert.equal(down.workflowState, 'unpublished');
      assert.equal(down.publishedAt, article.publishedAt, 'the first publication time is kept');
      assert.equal(await store.articles.findPublished('politics', article.slug), undefined);
      assert.equal(await store.articles.isTakenDown('politics', article.slug), true);
      assert.deepEqual(await store.articles.findAt('politics', article.slug), down);
      const listed = await store.articles.listForDesk({ workflowState: 'unpublished', limit: 10, offset: 0 });
      assert.ok(listed.some((entry) => entry.id === article.id && entry.workflowState === 'unpublished'));

      const edited = await store.articles.update(article.id, { ...down, headline: 'Edited while down', updatedAt: at(41) });
      assert.equal(edited.workflowState, 'unpublished', 'an edit keeps why it is hidden');
      const up = await store.articles.changeState(article.id, { workflowState: 'published', publishedAt: article.publishedAt, updatedAt: at(42) });
      assert.equal(up.status, 'published');
      assert.equal(await store.articles.isTakenDown('politics', article.slug), false);
      await assert.rejects(store.articles.changeState(article.id, { workflowState: 'published', publishedAt: null, updatedAt: at(43) }), ValidationError);
      await assert.rejects(store.articles.changeState(999_999, { workflowState: 'draft', publishedAt: null, updatedAt: at(43) }), NotFoundError);
    });

    test('the change log hands out changes in order after an id, and prunes old ones', async () => {
      const start = await store.changes.latestId();
      const first = await store.changes.record({ articleId: 1, section: 'world', outcome: 'unpublished' }, new Date('2024-05-01T10:00:00Z'));
      const second = await store.changes.record({ articleId: 2, section: 'politics', outcome: 'created' }, new Date());
      assert.ok(second > first && first > start);
      assert.deepEqual(await store.changes.after(start, 10), [
        { id: first, articleId: 1, section: 'world', outcome: 'unpublished' },
        { id: second, articleId: 2, section: 'politics', outcome: 'created' },
      ]);
      assert.deepEqual((await store.changes.after(first, 10)).map((change) => change.id), [second]);
      assert.equal(await store.changes.latestId(), second);
      assert.ok((await store.changes.prune(new Date('2024-06-01T00:00:00Z'))) >= 1);
      assert.deepEqual((await store.changes.after(start, 10)).map((change) => change.id), [second]);
    });

    test('close() can be called twice', async () => {
      const other = await target.open({ migrate: false });
      await other.close();
      await other.close();
    });
  });
}

test('an in-memory SQLite store works for quick tests', async () => {
  const store = await openStore({ databaseUrl: null, sqliteFile: ':memory:' });
  assert.equal((await store.sections.list()).length, DEFAULT_SECTIONS.length + 1);
  await store.close();
});

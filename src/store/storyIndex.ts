import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import { ValidationError, type FiledDocument, type StoredStory, type StoryIndex } from '../domain/index.ts';
import type { Dialect } from './repository.ts';
import type { Database, StoryTable } from './schema.ts';

/**
 * The story index in the database (tables of migration 0005), for the clusterer in enrich/stories. Every call
 * is one or two statements whatever the number of terms or buckets, and every read is bounded by an index
 * (a posting list by (term, seq), a bucket by its key), so placing an article costs the same at 100k articles
 * as at 10k. Run it inside the transaction that stores the article, with placements serialised (see
 * StoryRepository.lockPlacement): each placement reads what the previous one wrote.
 */
export function storyIndexOver(db: Kysely<Database>, dialect: Dialect, options: StoryIndexOptions): StoryIndex {
  return new DatabaseStoryIndex(db, dialect, options);
}

export interface StoryIndexOptions {
  /** The headline a story is listed under, chosen from its members' titles (enrich/stories knows how). */
  headline: (story: StoredStory) => string;
  /** Parsed stories shared by every index over one store (see StoryCache). */
  cache: StoryCache;
}

type StoryHead = Pick<Selectable<StoryTable>, 'id' | 'revision' | 'merged_into'>;

/**
 * Parsed stories by id and revision. A placement compares the article with up to 60 candidate stories, each a
 * centroid of hundreds of terms: parsing them anew every time cost more than all the rest of placing an article
 * once stories had grown. Each save gives a story a new revision, so an entry is used only while its revision is
 * the stored one; stories handed out are shared, which the StoryIndex contract allows (never changed in place).
 */
export class StoryCache {
  readonly #entries = new Map<string, { revision: string; story: StoredStory }>();
  readonly #capacity: number;

  /** Recent stories are the ones new articles join: two thousand cover a busy fortnight (each ≤ 800 terms). */
  constructor(capacity = 2_000) {
    this.#capacity = capacity;
  }

  current(id: string, revision: string): StoredStory | undefined {
    const entry = this.#entries.get(id);
    if (!entry || entry.revision !== revision) return undefined;
    // Least recently used goes first: re-inserting moves an entry to the end of the Map's order.
    this.#entries.delete(id);
    this.#entries.set(id, entry);
    return entry.story;
  }

  put(id: string, revision: string, story: StoredStory): void {
    this.#entries.delete(id);
    this.#entries.set(id, { revision, story });
    if (this.#entries.size > this.#capacity) this.#entries.delete(this.#entries.keys().next().value!);
  }
}

/**
 * Lists of terms, buckets and ids go to the database as ONE parameter (a JSON array for SQLite's json_each, an
 * array for PostgreSQL's unnest), so each statement's text is the same whatever the list's length: it is
 * compiled and prepared once, where a multi-row VALUES list of a new length each time was prepared anew, and
 * that preparing cost more than the work.
 */
class DatabaseStoryIndex implements StoryIndex {
  readonly #db: Kysely<Database>;
  readonly #dialect: Dialect;
  readonly #options: StoryIndexOptions;
  readonly #cache: StoryCache;

  constructor(db: Kysely<Database>, dialect: Dialect, options: StoryIndexOptions) {
    this.#db = db;
    this.#dialect = dialect;
    this.#options = options;
    this.#cache = options.cache;
  }

  /** A list as a one-column table of `value`s, in order (`n` numbers them from 0). */
  #table(values: readonly string[]): RawBuilder<unknown> {
    return this.#dialect === 'sqlite'
      ? sql`(select value, key as n from json_each(${JSON.stringify(values)}))`
      : sql`(select value, n - 1 as n from unnest(${values}::text[]) with ordinality as t(value, n))`;
  }

  async documentCount(): Promise<number> {
    return this.#counter('documents');
  }

  async documentFrequencies(terms: readonly string[]): Promise<Map<string, number>> {
    const frequencies = new Map(terms.map((term) => [term, 0]));
    if (terms.length === 0) return frequencies;
    const { rows } = await sql<{ term: string; documents: number }>`
      select term, documents from story_terms where term in (select value from ${this.#table([...new Set(terms)])} as list)
    `.execute(this.#db);
    for (const row of rows) frequencies.set(row.term, Number(row.documents));
    return frequencies;
  }

  async countDocument(terms: Iterable<string>): Promise<void> {
    // Sorted, so two writers (were they ever not serialised) would lock rows in one order and never deadlock.
    const unique = [...new Set(terms)].sort();
    if (unique.length > 0) {
      // "where true": SQLite's grammar needs it between INSERT … SELECT and ON CONFLICT.
      await sql`
        insert into story_terms (term, documents) select value, 1 from ${this.#table(unique)} as list where true
        on conflict (term) do update set documents = story_terms.documents + 1
      `.execute(this.#db);
    }
    await this.#bump('documents');
  }

  async story(id: string): Promise<StoredStory | undefined> {
    return (await this.storiesById([id])).get(id);
  }

  async storiesById(ids: readonly string[]): Promise<Map<string, StoredStory>> {
    const found = new Map<string, StoredStory>();
    if (ids.length === 0) return found;
    // Heads first (id, revision, merged_into): cheap, and enough to tell which parsed stories are still current.
    const heads = new Map((await this.#storyHeads([...new Set(ids)])).map((head) => [head.id, head]));
    // retireStory points every story merged into a survivor straight at it, so one more read resolves them all.
    const survivors = [...new Set([...heads.values()].flatMap((head) => (head.merged_into && !heads.has(head.merged_into) ? [head.merged_into] : [])))];
    if (survivors.length > 0) for (const head of await this.#storyHeads(survivors)) heads.set(head.id, head);
    const live = new Map<string, StoryHead>();
    for (const id of ids) {
      const head = heads.get(id);
      const current = head?.merged_into ? heads.get(head.merged_into) : head;
      if (current && !current.merged_into) live.set(id, current);
    }
    const stale = [...new Set([...live.values()].filter((head) => !this.#cache.current(head.id, head.revision)).map((head) => head.id))];
    if (stale.length > 0) {
      for (const row of await this.#storyRows(stale)) this.#cache.put(row.id, row.revision, storyFromRow(row));
    }
    for (const [id, head] of live) {
      const story = this.#cache.current(head.id, head.revision);
      if (story) found.set(id, story);
    }
    return found;
  }

  async saveStory(story: StoredStory): Promise<void> {
    const row = {
      opened: story.opened,
      headline: this.#options.headline(story),
      member_count: story.members.length,
      members: JSON.stringify(story.members),
      titles: JSON.stringify(story.titles),
      centroid: JSON.stringify([...story.centroid]),
      centroid_norm: story.centroidNorm,
      vector_count: story.vectorCount,
      first_seen: isoOrNull(story.firstSeen),
      last_seen: isoOrNull(story.lastSeen),
      // Never reused, not even after a rollback: a cached story is current only at its own revision.
      revision: randomUUID(),
    };
    await this.#db
      .insertInto('stories')
      .values({ id: story.id, ...row, merged_into: null })
      .onConflict((oc) => oc.column('id').doUpdateSet(row))
      .execute();
  }

  async retireStory(id: string, mergedInto: string): Promise<void> {
    // The retired story keeps its row (its id may be in a reader's link) but none of its weight.
    await this.#db
      .updateTable('stories')
      .set({ merged_into: mergedInto, members: '[]', titles: '[]', centroid: '[]', member_count: 0 })
      .where('id', '=', id)
      .execute();
    await this.#db.updateTable('stories').set({ merged_into: mergedInto }).where('merged_into', '=', id).execute();
    await this.#db.updateTable('article_enrichments').set({ story_id: mergedInto }).where('story_id', '=', id).execute();
  }

  async postStoryTerms(storyId: string, terms: readonly string[], time: number | null): Promise<void> {
    if (terms.length === 0) return;
    const seq = await this.#bump('postings');
    await sql`
      insert into story_postings (term, story_id, seq, time)
      select value, ${storyId}, ${seq}, ${isoOrNull(time)} from ${this.#table([...new Set(terms)].sort())} as list where true
      on conflict (term, story_id) do update set seq = excluded.seq, time = excluded.time
    `.execute(this.#db);
  }

  async storiesWithTerms(terms: readonly string[], limit: number, since: number | null): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>(terms.map((term) => [term, []]));
    if (terms.length === 0) return result;
    // Each term's list read from its newest end, all terms in one statement, from the covering index on
    // (term, seq, story_id, time) alone. A story holds one posting per term (postStoryTerms moves it up), so
    // `limit` postings are `limit` stories. SQLite has no LATERAL: the seq of a term's limit-th newest posting
    // bounds a range scan instead.
    const newest =
      this.#dialect === 'sqlite'
        ? sql`
            select list.value as term, p.story_id, p.time from ${this.#table([...new Set(terms)])} as list
            join story_postings p indexed by story_postings_newest_idx on p.term = list.value and p.seq >= coalesce(
              (select seq from story_postings where term = list.value order by seq desc limit 1 offset ${limit - 1}), 0)
            order by list.n, p.seq desc`
        : sql`
            select list.value as term, p.story_id, p.time from ${this.#table([...new Set(terms)])} as list
            cross join lateral (select story_id, time, seq from story_postings where term = list.value order by seq desc limit ${limit}) p
            order by list.n, p.seq desc`;
    const { rows } = await (newest as RawBuilder<{ term: string; story_id: string; time: string | null }>).execute(this.#db);
    const sinceIso = isoOrNull(since);
    const stopped = new Set<string>();
    for (const row of rows) {
      const list = result.get(row.term)!;
      if (stopped.has(row.term) || list.length >= limit) continue;
      // Rows of a term come newest first: the first one older than `since` ends that list, as in memory.
      if (sinceIso !== null && row.time !== null && row.time < sinceIso) {
        stopped.add(row.term);
        continue;
      }
      if (!list.includes(row.story_id)) list.push(row.story_id);
    }
    return result;
  }

  async fileDocument(document: FiledDocument, buckets: readonly string[]): Promise<void> {
    const articleId = articleIdOf(document.id);
    await this.#db
      .insertInto('story_fingerprints')
      .values({ article_id: articleId, simhash: document.fingerprint.simhash.toString(16), minhash: minhashHex(document.fingerprint.minhash) })
      .onConflict((oc) => oc.column('article_id').doNothing())
      .execute();
    if (buckets.length > 0) {
      await sql`
        insert into story_buckets (bucket, article_id) select value, ${articleId} from ${this.#table([...new Set(buckets)])} as list where true
        on conflict (bucket, article_id) do nothing
      `.execute(this.#db);
    }
    const placed = await this.#db
      .updateTable('article_enrichments')
      .set({ story_id: document.storyId, near_duplicate_of: document.nearDuplicateOf === null ? null : articleIdOf(document.nearDuplicateOf) })
      .where('article_id', '=', articleId)
      .executeTakeFirst();
    if (Number(placed.numUpdatedRows) === 0) throw new ValidationError(`article ${articleId} must be enriched before it is placed in a story`);
  }

  async document(id: string): Promise<FiledDocument | undefined> {
    return (await this.#documents([articleIdOf(id)]))[0];
  }

  async documentsInBuckets(buckets: readonly string[], limit: number): Promise<FiledDocument[]> {
    if (buckets.length === 0) return [];
    // Each bucket read from its newest article down through its primary key, all buckets in one statement.
    const newest =
      this.#dialect === 'sqlite'
        ? sql`
            select distinct b.article_id from ${this.#table([...new Set(buckets)])} as list
            join story_buckets b on b.rowid in (select rowid from story_buckets where bucket = list.value order by article_id desc limit ${limit})`
        : sql`
            select distinct b.article_id from ${this.#table([...new Set(buckets)])} as list
            cross join lateral (select article_id from story_buckets where bucket = list.value order by article_id desc limit ${limit}) b`;
    const { rows } = await (newest as RawBuilder<{ article_id: number }>).execute(this.#db);
    return this.#documents([...new Set(rows.map((row) => Number(row.article_id)))]);
  }

  /** Filed documents by article id, in the order asked. */
  async #documents(articleIds: readonly number[]): Promise<FiledDocument[]> {
    if (articleIds.length === 0) return [];
    const rows = await this.#db
      .selectFrom('story_fingerprints')
      .innerJoin('article_enrichments', 'article_enrichments.article_id', 'story_fingerprints.article_id')
      .select(['story_fingerprints.article_id', 'story_fingerprints.simhash', 'story_fingerprints.minhash', 'article_enrichments.story_id', 'article_enrichments.near_duplicate_of'])
      .where('story_fingerprints.article_id', 'in', (eb) => eb.selectFrom(this.#table(articleIds.map(String)).as('list')).select(sql<number>`cast(value as integer)`.as('id')))
      .where('story_id', 'is not', null)
      .execute();
    const byId = new Map(rows.map((row) => [Number(row.article_id), row]));
    return articleIds.flatMap((id) => {
      const row = byId.get(id);
      if (!row) return [];
      return [
        {
          id: String(id),
          storyId: row.story_id!,
          fingerprint: { simhash: BigInt(`0x${row.simhash}`), minhash: minhashFromHex(row.minhash) },
          nearDuplicateOf: row.near_duplicate_of === null ? null : String(row.near_duplicate_of),
        },
      ];
    });
  }

  async #storyHeads(ids: readonly string[]): Promise<StoryHead[]> {
    const { rows } = await sql<StoryHead>`
      select id, revision, merged_into from stories where id in (select value from ${this.#table(ids)} as list)
    `.execute(this.#db);
    return rows;
  }

  async #storyRows(ids: readonly string[]): Promise<Selectable<StoryTable>[]> {
    const { rows } = await sql<Selectable<StoryTable>>`
      select * from stories where id in (select value from ${this.#table(ids)} as list)
    `.execute(this.#db);
    return rows;
  }

  async #counter(name: 'documents' | 'postings'): Promise<number> {
    const row = await this.#db.selectFrom('story_counters').select('value').where('name', '=', name).executeTakeFirstOrThrow();
    return Number(row.value);
  }

  /** Adds one to a counter and returns its new value. */
  async #bump(name: 'documents' | 'postings'): Promise<number> {
    const row = await this.#db
      .updateTable('story_counters')
      .set((eb) => ({ value: eb('value', '+', 1) }))
      .where('name', '=', name)
      .returning('value')
      .executeTakeFirstOrThrow();
    return Number(row.value);
  }
}

function storyFromRow(row: Selectable<StoryTable>): StoredStory {
  return {
    id: row.id,
    opened: Number(row.opened),
    members: JSON.parse(row.members),
    titles: JSON.parse(row.titles),
    centroid: new Map(JSON.parse(row.centroid)),
    centroidNorm: Number(row.centroid_norm),
    vectorCount: row.vector_count,
    firstSeen: row.first_seen === null ? null : Date.parse(row.first_seen),
    lastSeen: row.last_seen === null ? null : Date.parse(row.last_seen),
  };
}

/** Documents of the stored index are articles: their ids are article ids. */
function articleIdOf(id: string): number {
  const articleId = Number(id);
  if (!Number.isSafeInteger(articleId) || articleId < 1) throw new ValidationError(`story index documents are articles; "${id}" is not an article id`);
  return articleId;
}

function isoOrNull(time: number | null): string | null {
  return time === null ? null : new Date(time).toISOString();
}

function minhashHex(signature: Uint32Array): string {
  let hex = '';
  for (const value of signature) hex += value.toString(16).padStart(8, '0');
  return hex;
}

function minhashFromHex(hex: string): Uint32Array {
  const signature = new Uint32Array(hex.length / 8);
  for (let i = 0; i < signature.length; i++) signature[i] = Number.parseInt(hex.slice(i * 8, i * 8 + 8), 16);
  return signature;
}

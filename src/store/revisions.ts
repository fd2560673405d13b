import type { Kysely, Selectable } from 'kysely';
import {
  revisionContentOf,
  type Article,
  type Revision,
  type RevisionContent,
  type RevisionListing,
  type RevisionStamp,
} from '../domain/index.ts';
import { toUtcIso } from './rows.ts';
import type { ArticleRevisionTable, Database } from './schema.ts';

/**
 * Versions of articles as saved (migration 0016): every write of an article's content adds one, and the article
 * names its current one. Rows of kind 'earlier' predate that and hold the whole Article as it was before a
 * change; their editorial fields are read the same way.
 */

const LISTING_COLUMNS = ['id', 'article_id', 'kind', 'author_id', 'author_label', 'base_revision_id', 'content_hash', 'created_at'] as const;

type ListingRow = Pick<Selectable<ArticleRevisionTable>, (typeof LISTING_COLUMNS)[number]>;

/** Adds a version of `articleId` holding `content`; returns its id. */
export async function insertRevision(
  db: Kysely<Database>,
  articleId: number,
  content: RevisionContent,
  contentHash: string,
  at: string,
  stamp: RevisionStamp,
): Promise<number> {
  const row = await db
    .insertInto('article_revisions')
    .values({
      article_id: articleId,
      snapshot: JSON.stringify(revisionContentOf(content)),
      content_hash: contentHash,
      created_at: toUtcIso(at, 'revision time'),
      kind: stamp.kind,
      author_id: stamp.authorId,
      author_label: stamp.authorLabel,
      base_revision_id: stamp.baseRevisionId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function listRevisions(db: Kysely<Database>, articleId: number): Promise<RevisionListing[]> {
  const rows = await db
    .selectFrom('article_revisions')
    .select(LISTING_COLUMNS)
    .where('article_id', '=', articleId)
    .orderBy('id', 'desc')
    .execute();
  return rows.map(listingFromRow);
}

export async function findRevision(db: Kysely<Database>, articleId: number, revisionId: number): Promise<Revision | undefined> {
  const row = await db
    .selectFrom('article_revisions')
    .select([...LISTING_COLUMNS, 'snapshot'])
    .where('article_id', '=', articleId)
    .where('id', '=', revisionId)
    .executeTakeFirst();
  if (!row) return undefined;
  const stored = JSON.parse(row.snapshot) as RevisionContent | Article;
  return { ...listingFromRow(row), content: revisionContentOf(stored) };
}

function listingFromRow(row: ListingRow): RevisionListing {
  return {
    id: row.id,
    articleId: row.article_id,
    kind: row.kind,
    authorId: row.author_id,
    authorLabel: row.author_label,
    baseRevisionId: row.base_revision_id,
    contentHash: row.content_hash,
    createdAt: row.created_at,
  };
}

import type { Kysely, Selectable } from 'kysely';
import { NotFoundError, type Feedback } from '../domain/index.ts';
import type { FeedbackRepository } from './repository.ts';
import { toUtcIso } from './rows.ts';
import type { Database, FeedbackTable } from './schema.ts';
import { violatedConstraint } from './errors.ts';

/** The feedback inbox over any Kysely handle: the database itself, or a transaction. */
export function feedbackRepository(db: Kysely<Database>): FeedbackRepository {
  return {
    async add(feedback) {
      try {
        const row = await db
          .insertInto('feedback')
          .values({
            article_id: feedback.articleId,
            article_revision: feedback.articleRevision,
            kind: feedback.kind,
            text: feedback.text,
            email: feedback.email,
            created_at: toUtcIso(feedback.createdAt, 'createdAt'),
            ip_hash: feedback.ipHash,
            user_agent: feedback.userAgent,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        return feedbackFromRow(row);
      } catch (error) {
        const violated = violatedConstraint(error);
        if (violated === 'foreign-key') {
          throw new NotFoundError(`No article with id ${feedback.articleId}`, { cause: error });
        }
        throw error;
      }
    },

    async list({ articleId, kind, limit }) {
      let query = db
        .selectFrom('feedback')
        .innerJoin('articles', 'articles.id', 'feedback.article_id')
        .selectAll('feedback')
        .select(['articles.section', 'articles.slug', 'articles.headline']);
      if (articleId !== undefined) query = query.where('feedback.article_id', '=', articleId);
      if (kind !== undefined) query = query.where('feedback.kind', '=', kind);
      const rows = await query.orderBy('feedback.created_at', 'desc').orderBy('feedback.id', 'desc').limit(limit).execute();
      return rows.map(({ section, slug, headline, ...row }) => ({ ...feedbackFromRow(row), article: { section, slug, headline } }));
    },
  };
}

function feedbackFromRow(row: Selectable<FeedbackTable>): Feedback {
  return {
    id: row.id,
    articleId: row.article_id,
    articleRevision: row.article_revision,
    kind: row.kind,
    text: row.text,
    email: row.email,
    createdAt: row.created_at,
    ipHash: row.ip_hash,
    userAgent: row.user_agent,
  };
}

import { type Kysely, sql } from 'kysely';
import { ValidationError, requireFreeSectionSlug, sectionFromName, type Section } from '../domain/index.ts';
import type { ReadConnection } from './sqlite.ts';
import { preparedQuery } from './prepared.ts';
import type { SectionRepository } from './repository.ts';
import type { Database } from './schema.ts';

/** A new section goes this far after the last one, leaving room to slot one in between by hand. */
const POSITION_STEP = 10;

/** Sections over any Kysely handle: the database itself, or a transaction. */
export function sectionRepository(db: Kysely<Database>, reader: ReadConnection | null = null): SectionRepository {
  const find = (slug: string) =>
    db.selectFrom('sections').select(['slug', 'name', 'position']).where('slug', '=', slug).executeTakeFirst();
  const findByName = (name: string) =>
    db.selectFrom('sections').select(['slug', 'name', 'position']).where('name', '=', name).executeTakeFirst();

  const allSections = preparedQuery<Record<string, never>, Section>(db, () =>
    db.selectFrom('sections').select(['slug', 'name', 'position']).orderBy('position').orderBy('slug'),
  );
  // The nav on every page: compiled once (see prepared.ts).
  const sectionsWithArticles = preparedQuery<Record<string, never>, Section>(db, () =>
    db
      .selectFrom('sections')
      .select(['slug', 'name', 'position'])
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('articles')
            .select('articles.id')
            .whereRef('articles.section', '=', 'sections.slug')
            .where('articles.status', '=', 'published'),
        ),
      )
      .orderBy('position')
      .orderBy('slug'),
    reader,
  );

  return {
    find,

    async list({ onlyWithArticles = false } = {}) {
      return onlyWithArticles ? sectionsWithArticles({}) : allSections({});
    },

    async ensure(name): Promise<Section> {
      const wanted = sectionFromName(name);
      if (!wanted.slug) throw new ValidationError(`Section name "${name}" has no letters or digits to make a URL from`);
      const existing = await find(wanted.slug);
      if (existing) return existing;
      // A section renamed by hand keeps its old slug: its name finds it, even when its name's slug is reserved.
      const sameName = await findByName(wanted.name);
      if (sameName) return sameName;
      // Only a new section is refused an address the site's own pages use: one stored before stays reachable.
      requireFreeSectionSlug(wanted);

      // One statement computes the position and inserts, and a concurrent ensure() of the same name makes it a
      // no-op instead of an error; either way the row is there to read afterwards. (SQLite needs the WHERE to
      // tell the upsert's ON CONFLICT from a join's ON.)
      await db
        .insertInto('sections')
        .columns(['slug', 'name', 'position'])
        .expression((eb) =>
          eb
            .selectFrom('sections')
            .select([
              sql<string>`cast(${wanted.slug} as text)`.as('slug'),
              sql<string>`cast(${wanted.name} as text)`.as('name'),
              sql<number>`coalesce(max(position), 0) + ${sql.lit(POSITION_STEP)}`.as('position'),
            ])
            .where(sql<boolean>`true`),
        )
        .onConflict((oc) => oc.doNothing())
        .execute();

      const section = await find(wanted.slug);
      if (!section) throw new Error(`Section "${wanted.name}" was neither inserted nor found`);
      return section;
    },
  };
}

import type { Kysely } from 'kysely';

/** The desk added to the nav and, by the classifier, to the sections a story can be filed under. */
const ENTERTAINMENT = { slug: 'entertainment', name: 'Entertainment' };
/** The same step as a section created by an import (see sections.ts): after every section there is. */
const POSITION_STEP = 10;

/**
 * Entertainment joins the site's sections, the last of the demo's nine desks (World … Sports, Security,
 * Entertainment). Sections are data an editor may already have shaped: a site that made an Entertainment
 * section of its own (by name or by slug) keeps it as it is, and a new one goes after all the others.
 * Sport keeps its name and slug: its URLs are published, and the classifier already reads "Sport" as its Sports desk.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const existing = await db
    .selectFrom('sections')
    .select('slug')
    .where((eb) => eb.or([eb('slug', '=', ENTERTAINMENT.slug), eb('name', '=', ENTERTAINMENT.name)]))
    .executeTakeFirst();
  if (existing) return;
  const { last } = await db
    .selectFrom('sections')
    .select((eb) => eb.fn.max<number | null>('position').as('last'))
    .executeTakeFirstOrThrow();
  await db
    .insertInto('sections')
    .values({ ...ENTERTAINMENT, position: Number(last ?? 0) + POSITION_STEP })
    .execute();
}

/** Takes the section away again only while no article is filed under it (articles reference their section). */
export async function down(db: Kysely<any>): Promise<void> {
  const filed = await db.selectFrom('articles').select('id').where('section', '=', ENTERTAINMENT.slug).executeTakeFirst();
  if (filed) return;
  await db.deleteFrom('sections').where('slug', '=', ENTERTAINMENT.slug).execute();
}

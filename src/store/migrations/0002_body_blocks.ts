import type { Kysely } from 'kysely';

/**
 * Bodies grow from plain paragraphs to blocks (paragraphs, subheadings, lists, quotes, figures) so extracted
 * HTML articles keep their structure. Rewrites each stored body from `{title, paragraphs}` sections to
 * `{title, blocks}` sections; text is untouched.
 */
interface OldSection {
  title: string | null;
  paragraphs: string[];
}

interface NewSection {
  title: string | null;
  blocks: { type: string; text?: string }[];
}

/** Rows are rewritten in pages so a large archive never sits in memory at once. */
const PAGE_SIZE = 500;

export async function up(db: Kysely<any>): Promise<void> {
  await rewriteBodies(db, (sections: OldSection[]) =>
    sections.map((section) => ({
      title: section.title,
      blocks: section.paragraphs.map((text) => ({ type: 'paragraph', text })),
    })),
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  // Only paragraphs existed before; other blocks have no old form and are dropped on the way down.
  await rewriteBodies(db, (sections: NewSection[]) =>
    sections.map((section) => ({
      title: section.title,
      paragraphs: section.blocks.flatMap((block) => (block.type === 'paragraph' ? [block.text ?? ''] : [])),
    })),
  );
}

async function rewriteBodies<From>(db: Kysely<any>, convert: (sections: From[]) => unknown[]): Promise<void> {
  let afterId = 0;
  for (;;) {
    const rows: { id: number; body: string }[] = await db
      .selectFrom('articles')
      .select(['id', 'body'])
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(PAGE_SIZE)
      .execute();
    if (rows.length === 0) return;
    for (const row of rows) {
      const body = JSON.stringify(convert(JSON.parse(row.body) as From[]));
      await db.updateTable('articles').set({ body }).where('id', '=', row.id).execute();
    }
    afterId = rows[rows.length - 1]!.id;
  }
}

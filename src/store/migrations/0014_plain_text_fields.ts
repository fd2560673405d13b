import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { BodySection, HeroImage } from '../../domain/article.ts';
import { slugify } from '../../domain/slug.ts';
import { plainImage, plainText, plainTextOrNull } from '../../extract/plainText.ts';
import { eachRow } from './eachRow.ts';

/**
 * Text fields are plain text from extraction on (extract/plainText.ts); this cleans what was stored before. An
 * article's headline, dek, byline, source name and its photos' alt text, captions and credits lose the markup
 * they were stored with ("<b><noscript>…<img src=x onerror=…>"), and its author and source slugs are made again
 * from the plain names, so /author/b-noscript-… becomes the author's own page. A story's headline and titles are
 * cleaned the same way. The search index follows (SQLite by its triggers, PostgreSQL by its generated column).
 *
 * The article's own slug stays: it is the article's address, and links to it must keep working. A headline that
 * was nothing but markup is left as stored (there are no words to keep); the site and the feeds show it as text.
 */


export async function up(db: Kysely<any>): Promise<void> {
  await cleanArticles(db);
  await cleanStories(db);
}

/** Nothing to put back: the markup is not kept, and plain text is valid in every column it was taken from. */
export async function down(): Promise<void> {}

interface ArticleTextRow {
  id: number;
  headline: string;
  dek: string | null;
  byline: string | null;
  source_name: string | null;
  source_url: string | null;
  hero_alt: string | null;
  hero_caption: string | null;
  hero_credit: string | null;
  body: string;
  byline_slug: string | null;
  source_slug: string | null;
}

const ARTICLE_TEXT_COLUMNS = [
  'id', 'headline', 'dek', 'byline', 'source_name', 'source_url', 'hero_alt', 'hero_caption', 'hero_credit', 'body',
  'byline_slug', 'source_slug',
] as const;

async function cleanArticles(db: Kysely<any>): Promise<void> {
  await eachRow<ArticleTextRow>(db, 'articles', ARTICLE_TEXT_COLUMNS, { column: 'id', start: 0 }, async (row) => {
    const changes = changedColumns(row, plainArticleText(row));
    if (changes) await db.updateTable('articles').set(changes).where('id', '=', row.id).execute();
  });
}

/** The row's text columns as plain text, and the credit slugs made from the plain names as rows.ts makes them. */
function plainArticleText(row: ArticleTextRow): ArticleTextRow {
  const byline = plainTextOrNull(row.byline);
  const sourceName = row.source_name === null ? null : plainText(row.source_name) || hostOf(row.source_url) || row.source_name;
  const hero = row.hero_alt === null ? null : plainImage({ url: null, alt: row.hero_alt, caption: row.hero_caption, credit: row.hero_credit });
  return {
    ...row,
    headline: plainText(row.headline) || row.headline,
    dek: plainTextOrNull(row.dek),
    byline,
    byline_slug: creditSlug(byline),
    source_name: sourceName,
    source_slug: creditSlug(sourceName),
    hero_alt: hero?.alt ?? null,
    hero_caption: hero?.caption ?? null,
    hero_credit: hero?.credit ?? null,
    body: plainFigures(row.body),
  };
}

/** The body JSON with its photos' alt text, caption and credit plain; the same string when none changed. */
function plainFigures(body: string): string {
  const sections = JSON.parse(body) as BodySection[];
  let changed = false;
  const plainSections = sections.map((section) => ({
    ...section,
    blocks: section.blocks.map((block) => {
      if (block.type !== 'figure') return block;
      const image = plainImage(block.image);
      changed ||= !sameImage(image, block.image);
      return { ...block, image };
    }),
  }));
  return changed ? JSON.stringify(plainSections) : body;
}

function sameImage(a: HeroImage, b: HeroImage): boolean {
  return a.alt === b.alt && a.caption === b.caption && a.credit === b.credit;
}

/** What /author/<slug> and /source/<slug> find a name by, as rows.ts makes it: null when there is nothing to slug. */
function creditSlug(name: string | null): string | null {
  return name === null ? null : slugify(name) || null;
}

/** A source named by nothing but markup is credited by its address, as a new import would be. */
function hostOf(url: string | null): string | null {
  try {
    return url ? new URL(url).hostname || null : null;
  } catch {
    return null;
  }
}

function changedColumns<Row extends object>(row: Row, cleaned: Row): Partial<Row> | null {
  const changes = Object.fromEntries(
    Object.entries(cleaned).filter(([column, value]) => row[column as keyof Row] !== value),
  ) as Partial<Row>;
  return Object.keys(changes).length > 0 ? changes : null;
}

interface StoryTextRow {
  id: string;
  headline: string;
  titles: string;
}

/** Stories list their members' headlines; each cleaned story gets a new revision, so no process keeps the old. */
async function cleanStories(db: Kysely<any>): Promise<void> {
  await eachRow<StoryTextRow>(db, 'stories', ['id', 'headline', 'titles'], { column: 'id', start: '' }, async (row) => {
    const titles = (JSON.parse(row.titles) as string[]).map((title) => plainText(title) || title);
    const cleaned = { ...row, headline: plainText(row.headline) || row.headline, titles: JSON.stringify(titles) };
    const changes = changedColumns(row, cleaned);
    if (changes) await db.updateTable('stories').set({ ...changes, revision: randomUUID() }).where('id', '=', row.id).execute();
  });
}

import type { Generated } from 'kysely';
import type { ArticleStatus } from '../domain/index.ts';

/**
 * The database as Kysely sees it. Column names are the SQL ones (snake_case); `rows.ts` maps them to the domain.
 * Times are ISO-8601 UTC text written by `toUtcIso`, so text order is time order in both dialects.
 */
export interface Database {
  sections: SectionTable;
  articles: ArticleTable;
}

export interface SectionTable {
  slug: string;
  name: string;
  position: number;
}

export interface ArticleTable {
  id: Generated<number>;
  slug: string;
  /** Section slug, references sections.slug. */
  section: string;
  headline: string;
  dek: string | null;
  summary: string | null;
  lede: string | null;
  /** JSON text of BodySection[]: text in both dialects so that one code path reads and writes it. */
  body: string;
  /** The hero image is absent exactly when hero_alt is null (alt may be '' for a decorative image). */
  hero_url: string | null;
  hero_alt: string | null;
  hero_caption: string | null;
  hero_credit: string | null;
  byline: string | null;
  /** The source is absent exactly when source_name is null. */
  source_name: string | null;
  source_url: string | null;
  source_attribution: string | null;
  source_license_name: string | null;
  source_license_url: string | null;
  source_key: string;
  content_hash: string;
  status: ArticleStatus;
  published_at: string | null;
  created_at: string;
  updated_at: string;
}

import type { ArticleSource, BodySection, HeroImage } from './article.ts';

/**
 * Every field an editor writes, as one version keeps it. Revisions are compared field by field (a word-level
 * diff of headline, dek, summary, body, section, image) and restored whole, as a new revision.
 */
export interface RevisionContent {
  headline: string;
  dek: string | null;
  /** Section slug. */
  section: string;
  byline: string | null;
  summary: string | null;
  lede: string | null;
  body: BodySection[];
  hero: HeroImage | null;
  source: ArticleSource | null;
}

/**
 * How a version came to be. `earlier`: kept before 0016, the article as it was before a change; `import`: what
 * ingest or an import stored; `save`: an editor's save; `restore`: an earlier revision saved again;
 * `conflict_copy`: a save that lost to a newer revision, kept so nothing typed is lost.
 */
export type RevisionKind = 'earlier' | 'import' | 'save' | 'restore' | 'conflict_copy';

export interface Revision {
  id: number;
  articleId: number;
  kind: RevisionKind;
  content: RevisionContent;
  authorId: number | null;
  /** "Ada Lovelace <ada@example.org>", "system: ingest"; null for 'earlier' rows. */
  authorLabel: string | null;
  /** The revision the save started from. */
  baseRevisionId: number | null;
  /** The content hash of this version (readers' feedback names the version they saw by it). */
  contentHash: string;
  createdAt: string;
}

/** Who saved a version and from which: written with it. */
export interface RevisionStamp {
  kind: Exclude<RevisionKind, 'earlier'>;
  authorId: number | null;
  authorLabel: string;
  baseRevisionId: number | null;
}

/** What an import or ingest writes when no person is named. */
export const IMPORT_STAMP: RevisionStamp = { kind: 'import', authorId: null, authorLabel: 'system: import', baseRevisionId: null };

/** A revision without its content, for lists. */
export type RevisionListing = Omit<Revision, 'content'>;

/** The editorial fields of anything shaped like an article. */
export function revisionContentOf(article: RevisionContent): RevisionContent {
  const { headline, dek, section, byline, summary, lede, body, hero, source } = article;
  return { headline, dek, section, byline, summary, lede, body, hero, source };
}

/**
 * The article, as every part of Newsdesk sees it. An extractor produces an `ArticleDraft` (what the text says);
 * the store turns it into an `Article` (a draft plus identity, URL, status and times).
 */

/**
 * One block of body text, as plain text (the site escapes it; links live in the extractor's sanitized HTML).
 * A `subheading` is a heading below the section level (an h3 inside an h2 section).
 */
export type BodyBlock =
  | { type: 'paragraph'; text: string }
  | { type: 'subheading'; text: string }
  | { type: 'list'; ordered: boolean; items: string[] }
  | { type: 'quote'; text: string; cite: string | null }
  | { type: 'figure'; image: HeroImage };

/** One titled part of the body ("Last Units Leave Al-Asad"); `title` is null for untitled runs of text. */
export interface BodySection {
  title: string | null;
  blocks: BodyBlock[];
}

/**
 * The lead photo. `url` null means "no image file yet": the site draws a neutral placeholder so the figure,
 * its caption and its credit still show (we never hot-link a photo we have no right to copy).
 */
export interface HeroImage {
  url: string | null;
  alt: string;
  caption: string | null;
  /** Who to credit, exactly as published: "Nasser Nasser/AP/File". */
  credit: string | null;
}

/** Where the text came from, and the licence terms readers must see when it is not our own reporting. */
export interface ArticleSource {
  name: string;
  url: string | null;
  /** Ready-made credit line required by the licence (e.g. Wikinews' CC BY attribution), shown on the page. */
  attribution: string | null;
  licenseName: string | null;
  licenseUrl: string | null;
}

/** Where an ingested article was fetched from and when: kept so every story can be traced to its source. */
export interface ArticleProvenance {
  /** The page's canonical address, tracking parameters stripped: the first ingest identity of a story. */
  canonicalUrl: string;
  fetchedAt: string;
  /** The feed that listed it; null for a page imported by URL or file. */
  feedId: number | null;
  /** When the source says it last changed the story. */
  sourceModifiedAt: string | null;
}

/** What an extractor returns: the content of one article, not yet stored. */
export interface ArticleDraft {
  headline: string;
  /** Section name as labelled on the source page ("Security"); null when the page gives none. */
  sectionName: string | null;
  dek: string | null;
  /** The summary paragraph shown in a labelled box above the lede. */
  summary: string | null;
  lede: string | null;
  body: BodySection[];
  hero: HeroImage | null;
  byline: string | null;
  source: ArticleSource | null;
  /** ISO-8601 UTC, when the source says when it was published. */
  publishedAt: string | null;
}

/** Whether readers can see the article: on the site, or not (whatever the reason: see WorkflowState). */
export type ArticleStatus = 'draft' | 'published';

/**
 * Where an article stands in the newsroom. Only `published` is on the site; `unpublished` was on it and was
 * taken down (its address answers 410 Gone); `spiked` is deleted, recoverably.
 */
export type WorkflowState = 'draft' | 'in_review' | 'scheduled' | 'published' | 'unpublished' | 'spiked';

export const WORKFLOW_STATES: readonly WorkflowState[] = ['draft', 'in_review', 'scheduled', 'published', 'unpublished', 'spiked'];

interface StoredArticle extends Omit<ArticleDraft, 'sectionName'> {
  id: number;
  /** Stable across edits; unique within its section. */
  slug: string;
  /** Section slug ("security"). */
  section: string;
  /** Identity of the origin (canonical URL, file path, demo record URL): re-imports find the article by it. */
  sourceKey: string;
  /** sha256 of the draft's content; an import whose hash is unchanged changes nothing. */
  contentHash: string;
  /** Set for articles fetched from the web; null for page files, the demo and newsroom copy. */
  provenance: ArticleProvenance | null;
  /** The person who created it in the newsroom; null for ingested and imported articles. */
  ownerId: number | null;
  /** The current revision: a save names the one it started from, and saving over a newer one is a conflict. */
  revisionId: number | null;
  /** When a scheduled article goes on the site; null unless scheduled. */
  scheduledAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface DraftArticle extends StoredArticle {
  status: 'draft';
  workflowState: Exclude<WorkflowState, 'published'>;
  publishedAt: string | null;
}

export interface PublishedArticle extends StoredArticle {
  status: 'published';
  workflowState: 'published';
  publishedAt: string;
}

export type Article = DraftArticle | PublishedArticle;

/** What a story card (home, section fronts) needs of an article: no body. */
export type ArticleCard = Pick<
  PublishedArticle,
  'id' | 'slug' | 'section' | 'headline' | 'dek' | 'summary' | 'lede' | 'hero' | 'publishedAt' | 'updatedAt'
>;

/** What a list of headline links (Related Articles, Trending) needs of an article. */
export type ArticleLink = Pick<PublishedArticle, 'id' | 'slug' | 'section' | 'headline' | 'publishedAt'>;

/** The reader URL of an article: /<section>/<slug>. */
export function articlePath(article: Pick<Article, 'section' | 'slug'>): string {
  return `/${article.section}/${article.slug}`;
}

/** A section of plain paragraphs, as text extractors (page text, Wikinews) produce them. */
export function paragraphSection(title: string | null, paragraphs: readonly string[]): BodySection {
  return { title, blocks: paragraphs.map((text) => ({ type: 'paragraph', text })) };
}

/** The text of a section's paragraphs, in order (lists, quotes and figures left out). */
export function sectionParagraphs(section: BodySection): string[] {
  return section.blocks.flatMap((block) => (block.type === 'paragraph' ? [block.text] : []));
}

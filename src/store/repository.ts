import type {
  Article,
  ArticleCard,
  ArticleCopy,
  ArticleDraft,
  ArticleEnrichment,
  ArticleEntity,
  ArticleLink,
  ArticleProvenance,
  ArticleStatus,
  EnrichmentField,
  Feed,
  Feedback,
  FeedbackEntry,
  FeedbackKind,
  FeedPollResult,
  NewFeed,
  NewFeedback,
  PublishedArticle,
  RelatedLink,
  Section,
  StoredStory,
  StoryIndex,
  StoryListing,
  TimelineFact,
  ViewTally,
  WorkflowState,
  ContentChange,
  Revision,
  RevisionContent,
  RevisionListing,
  RevisionStamp,
} from '../domain/index.ts';
import type { SearchRepository } from './search.ts';
import type { ArchiveRepository } from './archive.ts';
import type { ImageRepository } from './images.ts';
import type {
  AuditRepository,
  AuthFailureRepository,
  OneTimeTokenRepository,
  SessionRepository,
  UserRepository,
} from './peopleRepositories.ts';

/** Everything stored about a new article. Times are given by the caller so that imports are reproducible. */
export interface NewArticle extends Omit<ArticleDraft, 'sectionName' | 'publishedAt'> {
  slug: string;
  /** Section slug; the section must exist (see `SectionRepository.ensure`). */
  section: string;
  sourceKey: string;
  contentHash: string;
  status: ArticleStatus;
  /** Where it stands in the newsroom; when left out, the state its status implies (draft or published). */
  workflowState?: WorkflowState;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Ingested articles only; undefined on an update keeps what is stored. */
  provenance?: ArticleProvenance | null;
  /** sha256 of headline and body text, the second ingest key (see `findByStoryHash`). */
  storyHash?: string | null;
  /** JSON of the extractor's whole result. */
  extraction?: string | null;
  /** The person who created it in the newsroom; undefined on an update keeps what is stored. */
  ownerId?: number | null;
}

export interface DeskQuery {
  /** Only articles in this state. */
  workflowState?: WorkflowState;
  /** Only articles in one of these states (wins over workflowState). Without either, all but spiked ones. */
  workflowStates?: readonly WorkflowState[];
  /** Section slug. */
  section?: string;
  /** Only what this person created in the newsroom. */
  ownerId?: number;
  /** Only what feeds brought in. */
  fromFeeds?: boolean;
  /** slugify(source name), as /source/<slug> uses it. */
  sourceSlug?: string;
  /** Words the headline contains (case-insensitive). */
  text?: string;
  limit: number;
  offset: number;
}

/** One line of a newsroom list. */
export interface DeskListing {
  id: number;
  section: string;
  slug: string;
  headline: string;
  workflowState: WorkflowState;
  publishedAt: string | null;
  updatedAt: string;
  ownerId: number | null;
  byline: string | null;
  sourceName: string | null;
  /** Brought in by a feed. */
  fromFeed: boolean;
  scheduledAt: string | null;
}

/** A workflow move: the status follows from the state (only `published` is on the site). */
export interface StateChange {
  workflowState: WorkflowState;
  /** When it went (or goes) on the site; kept from before when null is not given explicitly. */
  publishedAt: string | null;
  updatedAt: string;
  /** When a scheduled article is due; cleared by any other move. */
  scheduledAt?: string | null;
  /** Move only from this state (checked by the UPDATE itself): a ConflictError when another move came first. */
  ifState?: WorkflowState;
}

/** Changes to published content as the change log keeps them, oldest first (see ContentChangeRepository). */
export interface LoggedChange extends ContentChange {
  id: number;
}

export interface ContentChangeRepository {
  /** Logs a change; returns its id. */
  record(change: ContentChange, at: Date): Promise<number>;
  /** Changes logged after `id`, oldest first, at most `limit`. */
  after(id: number, limit: number): Promise<LoggedChange[]>;
  /** The id of the newest change, 0 when there is none: where a new listener starts. */
  latestId(): Promise<number>;
  /** Deletes changes logged before `before`; returns how many. */
  prune(before: Date): Promise<number>;
}

/** An edit of an existing article: new content, same id and slug. */
export type ArticleUpdate = Omit<NewArticle, 'slug' | 'sourceKey' | 'createdAt'>;

export interface PageQuery {
  /** Section slug; all sections when absent. */
  section?: string;
  limit: number;
  offset: number;
}

export interface ArticleRepository {
  findById(id: number): Promise<Article | undefined>;
  findBySourceKey(sourceKey: string): Promise<Article | undefined>;
  findByCanonicalUrl(canonicalUrl: string): Promise<Article | undefined>;
  /** The oldest article with this story hash: the same text seen under another address. */
  findByStoryHash(storyHash: string): Promise<Article | undefined>;
  /** The extractor's stored result for an ingested article, as JSON text. */
  findExtraction(id: number): Promise<string | null>;
  /** Every version of an article, newest first: each insert and update records the version it writes. */
  revisions(id: number): Promise<RevisionListing[]>;
  /** One version with its content; undefined when it is not a version of that article. */
  revision(articleId: number, revisionId: number): Promise<Revision | undefined>;
  /** Keeps a version without making it current (a save that lost to a newer revision: its conflict copy). */
  recordRevision(articleId: number, content: RevisionContent, contentHash: string, at: string, stamp: RevisionStamp): Promise<number>;
  /** The published article at /<section>/<slug>, or undefined (drafts are never served to readers). */
  findPublished(section: string, slug: string): Promise<PublishedArticle | undefined>;
  /** Slugs in `section` equal to `base` or starting with `base-`: the candidates `uniqueSlug` must avoid. */
  slugsLike(section: string, base: string): Promise<Set<string>>;
  /** Stores a new article and its first revision (stamped IMPORT_STAMP unless given). */
  insert(article: NewArticle, stamp?: RevisionStamp): Promise<Article>;
  /**
   * Replaces an article's content, recording it as a new revision. With `ifRevision` the write happens only if
   * the article's current revision is that one; otherwise a StaleRevisionError, and nothing is written.
   */
  update(id: number, update: ArticleUpdate, stamp?: RevisionStamp, ifRevision?: number | null): Promise<Article>;
  /** Moves an article to another workflow state (on or off the site) without touching its content or revisions. */
  changeState(id: number, change: StateChange): Promise<Article>;
  /** Every article whatever its state, most recently changed first: the newsroom's lists and `newsdesk article list`. */
  listForDesk(query: DeskQuery): Promise<DeskListing[]>;
  /** How many articles listForDesk would list without limit and offset. */
  countForDesk(query: Omit<DeskQuery, 'limit' | 'offset'>): Promise<number>;
  /** The article at /<section>/<slug> whatever its state (the CLI and the newsroom find drafts by address too). */
  findAt(section: string, slug: string): Promise<Article | undefined>;
  /** Whether /<section>/<slug> is an article that was on the site and was taken down (410 Gone, not 404). */
  isTakenDown(section: string, slug: string): Promise<boolean>;
  /** Published articles, newest first (publishedAt desc, then id desc). */
  listPublished(query: PageQuery): Promise<ArticleCard[]>;
  /** The published ones among `ids`, as cards, newest first (topic and story pages). */
  cardsByIds(ids: readonly number[]): Promise<ArticleCard[]>;
  /** Headline links of the published articles among `ids`, in the order given. */
  linksByIds(ids: readonly number[]): Promise<ArticleLink[]>;
  /** The same articles as listPublished, as headline links only: for lists that show no more. */
  listHeadlines(query: PageQuery): Promise<ArticleLink[]>;
  countPublished(section?: string): Promise<number>;
  /** Up to `perSection` newest published articles of every section, for the home page. */
  latestPerSection(perSection: number): Promise<Map<string, ArticleCard[]>>;
}

export interface SectionRepository {
  /** All sections by position; with `onlyWithArticles`, only those that have a published article. */
  list(options?: { onlyWithArticles?: boolean }): Promise<Section[]>;
  find(slug: string): Promise<Section | undefined>;
  /** The section named `name`, created (after all existing ones) if it does not exist yet. */
  ensure(name: string): Promise<Section>;
}

export interface FeedRepository {
  /** Adds a feed, due for its first poll at `now`; a ConflictError when the URL is already followed. */
  add(feed: NewFeed, now: Date): Promise<Feed>;
  list(): Promise<Feed[]>;
  find(id: number): Promise<Feed | undefined>;
  findByUrl(url: string): Promise<Feed | undefined>;
  /** Stops following a feed; its articles stay. False when there was no such feed. */
  remove(id: number): Promise<boolean>;
  /** Feeds whose next poll is at or before `now`, most overdue first. */
  due(now: Date, limit: number): Promise<Feed[]>;
  /** Writes back what a poll found, at `now`: validators and title on success, the error and streak on failure. */
  recordPoll(id: number, result: FeedPollResult, now: Date): Promise<Feed>;
}

/** What enrichment computes for a stored article; its story, related list and overrides are written elsewhere. */
export type ComputedArticleEnrichment = Omit<ArticleEnrichment, 'overrides' | 'storyId' | 'nearDuplicateOf' | 'related'>;

export interface EnrichmentRepository {
  /** Stores an article's enrichment (replacing the computed fields, keeping overrides) and its entity index. */
  save(enrichment: ComputedArticleEnrichment): Promise<void>;
  find(articleId: number): Promise<ArticleEnrichment | undefined>;
  /**
   * Sets (or, with `undefined`, clears) an editor's override of one field; a value of the wrong shape is a
   * ValidationError (see parseOverride). An entities override also replaces the article's rows in the entity
   * index (and clearing it restores the computed ones); a section override moves the article to that existing
   * section (ValidationError when there is none, ConflictError when its slug is taken there).
   */
  setOverride(articleId: number, field: EnrichmentField, value: unknown): Promise<void>;
  /** Up to `limit` ids after `afterId`, in order, of articles not enriched by `version` yet. */
  staleArticleIds(version: number, afterId: number, limit: number): Promise<number[]>;
  countStale(version: number): Promise<number>;
  /** The published articles that name the entity, newest stored first (drafts never take a topic page's places). */
  articleIdsForEntity(slug: string, limit: number): Promise<number[]>;
  findEntity(slug: string): Promise<Pick<ArticleEntity, 'slug' | 'name' | 'type'> | undefined>;
  /**
   * Published articles that name any of `slugs`, at most `perEntity` newest per entity (the index is read, the
   * archive is not scanned), with the entities each shares.
   */
  entityNeighbours(
    slugs: readonly string[],
    perEntity: number,
  ): Promise<{ id: number; section: string; publishedAt: string; shared: string[] }[]>;
}

/** A story's article as its page lists it: a card and whose reporting it is. */
export type StoryArticle = ArticleCard & { sourceName: string | null };

export interface StoryRepository {
  /** The story index kept in the store, for the clusterer; `headline` chooses a story's headline from its titles. */
  index(options: { headline: (story: StoredStory) => string }): StoryIndex;
  /** Inside a transaction: makes story placements take turns until it ends (PostgreSQL; SQLite already does). */
  lockPlacement(): Promise<void>;
  /** A story by id; the id of a story that merged into another finds the other. */
  find(id: string): Promise<StoryListing | undefined>;
  /** A story's published articles, oldest first unless asked for the newest, at most `limit`. */
  articles(storyId: string, limit: number, order?: 'oldest' | 'newest'): Promise<StoryArticle[]>;
  /** Timelines of a story's published articles (an editor's override in place of the computed one), oldest first. */
  timelines(storyId: string, limit: number): Promise<{ articleId: number; timeline: TimelineFact[] }[]>;
  /** Live stories active since `since` (ISO), most articles first. */
  largest(options: { since: string; limit: number }): Promise<StoryListing[]>;
  /** Records another source's copy of a stored article; the same URL twice is recorded once. */
  addCopy(articleId: number, copy: ArticleCopy): Promise<void>;
  copiesOf(articleId: number): Promise<ArticleCopy[]>;
  /** An article's related articles, best first, as computed when it was placed (see ingest/placeStory.ts). */
  setRelated(articleId: number, related: readonly RelatedLink[]): Promise<void>;
  relatedOf(articleIds: readonly number[]): Promise<Map<number, RelatedLink[]>>;
}

export interface FeedbackQuery {
  /** One article's notes; every article's when absent. */
  articleId?: number;
  kind?: FeedbackKind;
  limit: number;
}

/** The feedback inbox: readers' notes from the article pages' "Help us improve." form. */
export interface FeedbackRepository {
  /** Stores a note about an existing article (a NotFoundError when there is none). */
  add(feedback: NewFeedback): Promise<Feedback>;
  /** Notes newest first, each with the article it is about. */
  list(query: FeedbackQuery): Promise<FeedbackEntry[]>;
}

/** One page of a kind's sitemaps: its number (from 1), how many URLs it lists and their newest change. */
export interface SitemapPage {
  page: number;
  urlCount: number;
  lastModified: string;
}

/** What a sitemap lists of an article: where it lives and when it last changed. */
export interface SitemapArticle {
  section: string;
  slug: string;
  updatedAt: string;
}

/**
 * The list pages a sitemap names beside articles, each listing published articles: a topic's, a story's (two
 * or more articles), an author's, a source's, a UTC day's and a UTC month's.
 */
export type SitemapListingKind = 'topic' | 'story' | 'author' | 'source' | 'day' | 'month';
export type SitemapKind = 'article' | SitemapListingKind;

/** What a sitemap lists of a list page: the key in its address and when its list last changed. */
export interface SitemapListing {
  /** A topic's, author's or source's slug, a story's id, a day ("2026-01-18") or a month ("2026-01"). */
  key: string;
  /** The latest publication or edit among all the published articles the page lists, on any of its pages. */
  lastModified: string;
}

/**
 * Each kind's URLs in the order of their first stored article (an article's own id, a list's lowest), cut into
 * pages of `pageSize`: a new article, topic or day comes last, so older pages keep their URLs.
 */
export interface SitemapRepository {
  /** The pages each kind fills (none for a kind with nothing published), all from one pass over the articles. */
  pages(pageSize: number): Promise<Record<SitemapKind, SitemapPage[]>>;
  /** The articles on page `page` (from 1) of theirs. */
  articles(page: number, pageSize: number): Promise<SitemapArticle[]>;
  /** The list pages of `kind` on page `page` (from 1) of theirs. */
  listings(kind: SitemapListingKind, page: number, pageSize: number): Promise<SitemapListing[]>;
}

export type Dialect = 'sqlite' | 'postgres';

/** The repositories alone: what a transaction hands its work, and what code that may run inside one takes. */
export type Repositories = Omit<Store, 'transaction' | 'close' | 'migrate'>;

export interface Store {
  readonly dialect: Dialect;
  readonly articles: ArticleRepository;
  readonly sections: SectionRepository;
  readonly feeds: FeedRepository;
  readonly enrichments: EnrichmentRepository;
  readonly stories: StoryRepository;
  /** View counts for Trending when no Redis is configured. */
  readonly views: ViewTally;
  /** Full-text search over published articles. */
  readonly search: SearchRepository;
  readonly sitemaps: SitemapRepository;
  readonly feedback: FeedbackRepository;
  /** Published articles by author, by source and by publication day (author, source and archive pages). */
  readonly archive: ArchiveRepository;
  /** Our own photos and their resized variants. */
  readonly images: ImageRepository;
  /** The log of changes to published content that web processes poll (see store/changes.ts). */
  readonly changes: ContentChangeRepository;
  /** The newsroom's people. */
  readonly users: UserRepository;
  /** Signed-in sessions, by the hash of their cookie's id. */
  readonly sessions: SessionRepository;
  /** Single-use links: first passwords and resets. */
  readonly oneTimeTokens: OneTimeTokenRepository;
  /** Who did what in the newsroom, when and from where. */
  readonly audit: AuditRepository;
  /** Failed sign-ins and the locks they lead to (when no Redis is configured). */
  readonly authFailures: AuthFailureRepository;
  /** Runs `work` in one transaction, with repositories bound to it. */
  transaction<T>(work: (store: Repositories) => Promise<T>): Promise<T>;
  /** Applies pending migrations; returns the names of those applied. */
  migrate(): Promise<string[]>;
  close(): Promise<void>;
}

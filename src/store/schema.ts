import type { Generated } from 'kysely';
import type {
  ArticleStatus,
  ContentChange,
  EntityType,
  FeedbackKind,
  FeedPollStatus,
  OneTimePurpose,
  RevisionKind,
  Role,
  VariantFormat,
  WorkflowState,
} from '../domain/index.ts';

/**
 * The database as Kysely sees it. Column names are the SQL ones (snake_case); `rows.ts` maps them to the domain.
 * Times are ISO-8601 UTC text written by `toUtcIso`, so text order is time order in both dialects.
 */
export interface Database {
  sections: SectionTable;
  articles: ArticleTable;
  article_revisions: ArticleRevisionTable;
  feeds: FeedTable;
  article_enrichments: ArticleEnrichmentTable;
  entities: EntityTable;
  article_entities: ArticleEntityTable;
  story_counters: StoryCounterTable;
  story_terms: StoryTermTable;
  stories: StoryTable;
  story_postings: StoryPostingTable;
  story_fingerprints: StoryFingerprintTable;
  story_buckets: StoryBucketTable;
  article_copies: ArticleCopyTable;
  article_views: ArticleViewTable;
  feedback: FeedbackTable;
  images: ImageTable;
  image_variants: ImageVariantTable;
  content_changes: ContentChangeTable;
  share_cards: ShareCardTable;
  users: UserTable;
  sessions: SessionTable;
  one_time_tokens: OneTimeTokenTable;
  audit_log: AuditLogTable;
  auth_failures: AuthFailureTable;
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
  /** Where the article stands in the newsroom; `published` exactly when status is. */
  workflow_state: WorkflowState;
  /** Who created it in the newsroom (migration 0016); null for ingested and imported articles. */
  owner_id: number | null;
  /** The current revision: a save names the one it started from, and a mismatch is a conflict. */
  revision_id: number | null;
  /** When a scheduled article goes on the site. */
  scheduled_at: string | null;
  published_at: string | null;
  created_at: string;
  updated_at: string;
  /** Provenance of an ingested article; all null, or canonical_url and fetched_at set. */
  canonical_url: string | null;
  fetched_at: string | null;
  feed_id: number | null;
  source_modified_at: string | null;
  /** slugify(byline) and slugify(source_name), null when empty: the keys of /author/<slug> and /source/<slug>. */
  byline_slug: string | null;
  source_slug: string | null;
  /** sha256 of headline and body text alone: the same story under another address has the same hash. */
  story_hash: string | null;
  /** JSON of the extractor's full result (metadata, sanitized HTML), kept for editors and re-enrichment. */
  extraction: string | null;
}

/**
 * A version of an article as saved (migration 0016). `snapshot` is JSON of RevisionContent; rows of kind
 * 'earlier' predate 0016 and hold the whole Article as it was before a change (a superset of those fields).
 */
export interface ArticleRevisionTable {
  id: Generated<number>;
  article_id: number;
  snapshot: string;
  content_hash: string;
  created_at: string;
  kind: Generated<RevisionKind>;
  author_id: number | null;
  author_label: string | null;
  base_revision_id: number | null;
}

export interface FeedTable {
  id: Generated<number>;
  url: string;
  title: string | null;
  site_url: string | null;
  section: string | null;
  source_name: string | null;
  publish_status: ArticleStatus;
  poll_interval_seconds: number;
  etag: string | null;
  last_modified: string | null;
  next_poll_at: string;
  last_polled_at: string | null;
  last_success_at: string | null;
  last_status: FeedPollStatus | null;
  last_error: string | null;
  error_streak: Generated<number>;
  items_seen: Generated<number>;
  created_at: string;
}

/** JSON columns hold the domain shapes of src/domain/enrichment.ts. */
export interface ArticleEnrichmentTable {
  article_id: number;
  version: number;
  enriched_at: string;
  summary: string | null;
  sections: string | null;
  entities: string;
  timeline: string;
  suggested_section: string | null;
  section_confidence: number | null;
  simhash: string | null;
  story_id: string | null;
  near_duplicate_of: number | null;
  /** JSON [{id, score}]: the article's related articles, best first, computed when it was placed. */
  related: string | null;
  overrides: Generated<string>;
}

export interface EntityTable {
  slug: string;
  name: string;
  type: EntityType;
}

export interface ArticleEntityTable {
  article_id: number;
  entity_slug: string;
  mentions: number;
}

/** Named counters of the story index; PostgreSQL returns bigint as a string. */
export interface StoryCounterTable {
  name: 'documents' | 'postings';
  value: number | string;
}

export interface StoryTermTable {
  term: string;
  documents: number;
}

/** JSON columns: members and titles are string arrays; centroid is [term, weight] pairs. */
export interface StoryTable {
  id: string;
  opened: number | string;
  headline: string;
  member_count: number;
  members: string;
  titles: string;
  centroid: string;
  centroid_norm: number;
  vector_count: number;
  first_seen: string | null;
  last_seen: string | null;
  merged_into: string | null;
  revision: string;
}

export interface StoryPostingTable {
  term: string;
  story_id: string;
  seq: number | string;
  time: string | null;
}

/** simhash: 16 hex digits; minhash: 8 hex digits per position. */
export interface StoryFingerprintTable {
  article_id: number;
  simhash: string;
  minhash: string;
}

export interface StoryBucketTable {
  bucket: string;
  article_id: number;
}

export interface ArticleCopyTable {
  article_id: number;
  url: string;
  source_name: string | null;
  headline: string;
  seen_at: string;
}

/** Readers' notes; the text is plain text, ip_hash a keyed hash of the sender's address (never the address). */
export interface FeedbackTable {
  id: Generated<number>;
  article_id: number;
  article_revision: string;
  kind: FeedbackKind;
  text: string;
  email: string | null;
  created_at: string;
  ip_hash: string;
  user_agent: string | null;
}

/** Views per article per clock hour ("2026-11-25T15"), for Trending without Redis. */
export interface ArticleViewTable {
  hour: string;
  article_id: number;
  views: number;
}

/** One of our photos (domain/image.ts); its key is derived from the upload's bytes. */
export interface ImageTable {
  key: string;
  width: number;
  height: number;
  source_format: string;
  source_bytes: number;
  created_at: string;
}

/** A resized copy of an image, encoded, ready to send. */
export interface ImageVariantTable {
  image_key: string;
  format: VariantFormat;
  width: number;
  height: number;
  bytes: Uint8Array;
}

/** Changes to published content, in order: web processes poll it to drop cached pages (see store/changes.ts). */
export interface ContentChangeTable {
  id: Generated<number>;
  article_id: number;
  section: string;
  outcome: ContentChange['outcome'];
  changed_at: string;
}

/** Drawn share cards (migration 0015): the key names what is drawn, so a row never changes. */
export interface ShareCardTable {
  article_id: number;
  key: string;
  bytes: Uint8Array;
  created_at: string;
}

/** People of the newsroom (migration 0016). password_hash is an argon2id PHC string. */
export interface UserTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: Role;
  password_hash: string | null;
  password_set_at: string | null;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
}

/** Signed-in sessions; id_hash is the sha256 of the cookie's random id (the id itself is never stored). */
export interface SessionTable {
  id_hash: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  /** The absolute end, whatever the activity. */
  expires_at: string;
  address: string | null;
  user_agent: string | null;
}

/** Single-use links: the first admin's and invitations' ('setup'), password resets ('reset'). */
export interface OneTimeTokenTable {
  token_hash: string;
  user_id: number;
  purpose: OneTimePurpose;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  actor_label: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  /** JSON object. */
  details: Generated<string>;
  address: string | null;
}

/** Failed sign-ins per key in the current window, and the lock they led to (when Redis is not configured). */
export interface AuthFailureTable {
  key: string;
  failures: number;
  window_started_at: string;
  locked_until: string | null;
}

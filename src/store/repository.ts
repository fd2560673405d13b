import type { Article, ArticleCard, ArticleDraft, ArticleLink, ArticleStatus, PublishedArticle, Section } from '../domain/index.ts';

/** Everything stored about a new article. Times are given by the caller so that imports are reproducible. */
export interface NewArticle extends Omit<ArticleDraft, 'sectionName' | 'publishedAt'> {
  slug: string;
  /** Section slug; the section must exist (see `SectionRepository.ensure`). */
  section: string;
  sourceKey: string;
  contentHash: string;
  status: ArticleStatus;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
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
  /** The published article at /<section>/<slug>, or undefined (drafts are never served to readers). */
  findPublished(section: string, slug: string): Promise<PublishedArticle | undefined>;
  /** Slugs in `section` equal to `base` or starting with `base-`: the candidates `uniqueSlug` must avoid. */
  slugsLike(section: string, base: string): Promise<Set<string>>;
  insert(article: NewArticle): Promise<Article>;
  update(id: number, update: ArticleUpdate): Promise<Article>;
  /** Published articles, newest first (publishedAt desc, then id desc). */
  listPublished(query: PageQuery): Promise<ArticleCard[]>;
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

export type Dialect = 'sqlite' | 'postgres';

export interface Store {
  readonly dialect: Dialect;
  readonly articles: ArticleRepository;
  readonly sections: SectionRepository;
  /** Runs `work` in one transaction, with repositories bound to it. */
  transaction<T>(work: (store: Omit<Store, 'transaction' | 'close' | 'migrate'>) => Promise<T>): Promise<T>;
  /** Applies pending migrations; returns the names of those applied. */
  migrate(): Promise<string[]>;
  close(): Promise<void>;
}

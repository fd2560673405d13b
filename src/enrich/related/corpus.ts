import { scoreRelated, type RelatedLink, type RelatedOptions, type RelatedProfile, type TermRarity } from '../../domain/index.ts';
import { findEntities } from '../entities/index.ts';
import { MemoryStoryIndex, StoryClusterer } from '../stories/index.ts';
import { centralSlugs, NEIGHBOURS_PER_ENTITY, relatedProfile, termsToWeigh } from './profile.ts';

/** One article of a batch: the `related` command's input line, or a benchmark item. */
export interface CorpusArticle {
  title: string;
  text: string;
  publishedAt?: string | null;
  section?: string | null;
}

/** A batch read once: its profiles, rarity and names index, to be ranked with any settings. */
export interface RelatedCorpus {
  profiles: readonly RelatedProfile[];
  rarity: TermRarity;
  /** The candidates the site would read for the article at this position. */
  candidatesOf(position: number): RelatedProfile[];
}

/**
 * Related lists for a whole batch, ranked by the rule the site stores lists with (scoreRelated), over the same
 * candidates the site reads: articles naming one of the article's central names, the newest few per name.
 * Returns, for each article by position, its related articles' positions with scores, best first.
 */
export async function relatedInCorpus(articles: readonly CorpusArticle[], options: Omit<RelatedOptions, 'exclude'> = {}): Promise<RelatedLink[][]> {
  return rankCorpus(await readCorpus(articles), options);
}

export function rankCorpus(corpus: RelatedCorpus, options: Omit<RelatedOptions, 'exclude'> = {}): RelatedLink[][] {
  return corpus.profiles.map((profile, n) => scoreRelated(profile, corpus.candidatesOf(n), corpus.rarity, options));
}

/** Finds each article's names and lede words, and counts how rare each is across the batch. */
export async function readCorpus(articles: readonly CorpusArticle[]): Promise<RelatedCorpus> {
  const parsed = articles.map(paragraphsOfArticle);
  const profiles = parsed.map((article, n) => {
    const { section = null, publishedAt = null } = articles[n]!;
    const entities = findEntities(article).map((entity) => ({ slug: entity.slug, mentions: entity.mentions.length }));
    return relatedProfile(n, { headline: article.headline, lede: article.paragraphs[0] ?? null, section, publishedAt }, entities);
  });
  const rarity = await corpusRarity(parsed, profiles);
  const byName = namesIndex(profiles);
  return { profiles, rarity, candidatesOf: (position) => neighbours(profiles[position]!, byName, profiles) };
}

/** Headline and paragraphs: blank lines part paragraphs, or, in a text without any, line breaks do. A first line repeating the title is the title. */
export function paragraphsOfArticle(article: Pick<CorpusArticle, 'title' | 'text'>): { headline: string; paragraphs: string[] } {
  const text = article.text.trim();
  const parts = (/\n\s*\n/.test(text) ? text.split(/\n\s*\n/) : text.split('\n')).map((part) => part.trim()).filter(Boolean);
  if (parts[0] === article.title.trim()) parts.shift();
  return { headline: article.title.trim(), paragraphs: parts };
}

/** Rarity counted as the story index counts it for the site: every article's words and names, once each. */
async function corpusRarity(parsed: readonly { headline: string; paragraphs: string[] }[], profiles: readonly RelatedProfile[]): Promise<TermRarity> {
  const index = new MemoryStoryIndex();
  const clusterer = new StoryClusterer(index);
  for (const [n, article] of parsed.entries()) {
    await clusterer.learnVocabulary({ title: article.headline, text: article.paragraphs.join('\n'), entities: profiles[n]!.entities.map((e) => e.slug) });
  }
  return { documents: await index.documentCount(), frequencies: await index.documentFrequencies(termsToWeigh(profiles)) };
}

/** For each name, the articles naming it, newest first (undated ones by their place in the batch, later first). */
function namesIndex(profiles: readonly RelatedProfile[]): Map<string, RelatedProfile[]> {
  const byName = new Map<string, RelatedProfile[]>();
  for (const profile of profiles) {
    for (const entity of profile.entities) byName.set(entity.slug, [...(byName.get(entity.slug) ?? []), profile]);
  }
  for (const list of byName.values()) list.sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '') || b.id - a.id);
  return byName;
}

/** The candidates the site would read for this article: the newest few naming each of its central names. */
function neighbours(profile: RelatedProfile, byName: ReadonlyMap<string, RelatedProfile[]>, profiles: readonly RelatedProfile[]): RelatedProfile[] {
  const ids = new Set<number>();
  for (const slug of centralSlugs(profile)) {
    const others = (byName.get(slug) ?? []).filter((other) => other.id !== profile.id);
    for (const other of others.slice(0, NEIGHBOURS_PER_ENTITY)) ids.add(other.id);
  }
  return [...ids].map((id) => profiles[id]!);
}

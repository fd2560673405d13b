import {
  contentHash,
  ownImageFromUrl,
  ValidationError,
  type Article,
  type ArticleSource,
  type HeroImage,
  type RevisionContent,
} from '../../domain/index.ts';
import type { Repositories } from '../../store/index.ts';

/** What an editor writes: every editorial field of an article. `section` is a section slug. */
export type ArticleContent = RevisionContent;

const LIMITS = { headline: 250, dek: 500, byline: 200, summary: 2_000, lede: 5_000, alt: 300, caption: 1_000, credit: 200, sourceName: 200, url: 2_000, body: 200_000 };

/** Spaces collapsed, ends trimmed; empty becomes null. */
function line(text: string | null | undefined): string | null {
  const cleaned = (text ?? '').replace(/\s+/g, ' ').trim();
  return cleaned === '' ? null : cleaned;
}

function limited(value: string | null, limit: number, field: string): string | null {
  if (value !== null && [...value].length > limit) throw new ValidationError(`The ${field} is limited to ${limit} characters.`);
  return value;
}

/**
 * The content as it will be stored: trimmed, within limits, in a section that exists, with an image of ours.
 * Refusals name the field in an editor's words; nothing is half-applied.
 */
export async function checkedContent(store: Repositories, content: ArticleContent): Promise<ArticleContent> {
  const headline = limited(line(content.headline), LIMITS.headline, 'headline');
  if (headline === null) throw new ValidationError('An article needs a headline.');
  const section = await store.sections.find(content.section);
  if (!section) throw new ValidationError(`There is no section "${content.section}"; pick one from the list.`);
  if (JSON.stringify(content.body).length > LIMITS.body) throw new ValidationError('The body is too long for one article.');
  return {
    headline,
    dek: limited(line(content.dek), LIMITS.dek, 'standfirst (dek)'),
    section: section.slug,
    byline: limited(line(content.byline), LIMITS.byline, 'byline'),
    summary: limited(paragraphs(content.summary), LIMITS.summary, 'summary'),
    lede: limited(paragraphs(content.lede), LIMITS.lede, 'lede'),
    body: content.body,
    hero: checkedHero(content.hero),
    source: checkedSource(content.source),
  };
}

/** Text that may hold paragraphs: runs of spaces collapse, but blank lines between paragraphs stay one. */
function paragraphs(text: string | null): string | null {
  const cleaned = (text ?? '')
    .split(/\n\s*\n/)
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
  return cleaned === '' ? null : cleaned;
}

function checkedHero(hero: HeroImage | null): HeroImage | null {
  if (hero === null) return null;
  if (hero.url !== null && ownImageFromUrl(hero.url) === null) throw new ValidationError('The photo must be one uploaded here.');
  return {
    url: hero.url,
    alt: limited(line(hero.alt), LIMITS.alt, 'alt text') ?? '',
    caption: limited(line(hero.caption), LIMITS.caption, 'caption'),
    credit: limited(line(hero.credit), LIMITS.credit, 'photo credit'),
  };
}

function checkedSource(source: ArticleSource | null): ArticleSource | null {
  const name = limited(line(source?.name), LIMITS.sourceName, 'source name');
  if (source === null || name === null) return null;
  const url = limited(line(source.url), LIMITS.url, 'source address');
  if (url !== null && !/^https?:\/\/[^\s/]+/i.test(url)) throw new ValidationError('The source address must start with http:// or https://.');
  return { name, url, attribution: line(source.attribution), licenseName: line(source.licenseName), licenseUrl: line(source.licenseUrl) };
}

/**
 * The hash stored with newsroom content. An ingested article keeps its source's hash: it fingerprints the
 * source's copy, so a re-ingest of an unchanged source never overwrites the desk's edits.
 */
export function hashFor(existing: Article | undefined, content: ArticleContent, sectionName: string): string {
  if (existing && existing.ownerId === null) return existing.contentHash;
  return contentHash({ ...content, sectionName, publishedAt: null });
}

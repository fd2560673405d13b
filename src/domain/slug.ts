/**
 * Slugs are the stable, human-readable part of an article URL: /security/<slug>. They are made once from the
 * headline when an article is first stored and never change afterwards, so links keep working after edits.
 */
import { plainText } from '../extract/plainText.ts';

/** Long enough to stay readable, short enough that URLs survive being pasted into chat and email. */
export const MAX_SLUG_LENGTH = 80;

/**
 * Room kept at the end of a new slug for uniqueSlug's "-2" … "-99999", so that a repeated long headline still
 * gets a slug within MAX_SLUG_LENGTH (a longer one would never match the article route).
 */
export const SLUG_SUFFIX_ROOM = 6;

/** The slug a new article starts from: its headline's, short enough to take a uniqueSlug suffix. */
export function slugBase(headline: string): string {
  return slugify(headline, MAX_SLUG_LENGTH - SLUG_SUFFIX_ROOM);
}

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * A slug is made of the words a reader sees: the text is read as plain text first, so markup stored with a name
 * or headline (a byline "<b><noscript>…<img src=x onerror=…>", text stored before text fields were kept plain)
 * never turns into /author/b-noscript-img-src-x-onerror-….
 */
export function slugify(text: string, maxLength = MAX_SLUG_LENGTH): string {
  const words = plainText(text)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // strip accents: "Lula da Silva" from "Lúla"
    .toLowerCase()
    .replace(/['’]/g, '') // "Iraq’s" → "iraqs", not "iraq-s"
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxLength) break;
    slug = next;
  }
  // A single word longer than the limit still yields a slug rather than an empty one.
  if (!slug && words[0]) slug = words[0].slice(0, maxLength);
  return slug;
}

export function isSlug(value: string): boolean {
  return value.length <= MAX_SLUG_LENGTH && SLUG_PATTERN.test(value);
}

/** `base`, then `base-2`, `base-3`, … : the first candidate not in `taken`. Give it a slugBase. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

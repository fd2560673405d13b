/**
 * The headline and the dek. Readability's title already weighs JSON-LD, <meta> titles and the <title> with the
 * site's name cut off; we fall back to the stated metadata, then the page's <h1>. A page's description is a dek
 * only when it says something of its own: many CMSs fill it with the lede's first sentences.
 */
import type { ExtractedBlock } from './bodyBlocks.ts';

/** Deks are a sentence or two; a longer description is the lede or an abstract. */
const MAX_DEK_CHARS = 400;
/** Share of the description's words found in the lede above which it is the lede's copy, not a dek. */
const LEDE_COPY_OVERLAP = 0.8;
/** How many opening paragraphs a description is compared with (CMSs sometimes join the first two). */
const LEDE_PARAGRAPHS = 2;

/** Headline candidates from the page itself, read before Readability rewrites the document. */
export function pageTitles(document: Document): string[] {
  const titles: string[] = [];
  const h1 = document.querySelector('h1')?.textContent;
  if (h1) titles.push(h1);
  const title = document.querySelector('title')?.textContent;
  if (title) titles.push(title);
  return titles;
}

export function chooseHeadline(
  readabilityTitle: string | null | undefined,
  stated: string | null,
  pageTitles: readonly string[],
  labels: { siteName: string | null; section: string | null },
): string | null {
  const candidates = [stated, readabilityTitle, ...pageTitles];
  for (const candidate of candidates) {
    const headline = candidate?.replace(/\s+/g, ' ').trim();
    if (headline) return withoutSection(withoutSiteName(headline, labels.siteName), labels.section);
  }
  return null;
}

/** "Opinion | Republicans Are …": the section's label in front of a headline is the page's kicker, not the headline. */
function withoutSection(headline: string, section: string | null): string {
  if (!section) return headline;
  const prefix = headline.slice(0, section.length + 3);
  if (prefix.toLowerCase() !== `${section.toLowerCase()} | ` && prefix.slice(0, -1).toLowerCase() !== `${section.toLowerCase()}: `) {
    return headline;
  }
  const rest = headline.slice(prefix.toLowerCase() === `${section.toLowerCase()} | ` ? prefix.length : section.length + 2).trim();
  return wordsIn(rest) >= MIN_HEADLINE_WORDS ? rest : headline;
}

/** Separators between a headline and the site's name: "Headline | Site", "Headline – Site". */
const SITE_SEPARATOR = / [|\-–—·•] /gu;
/** A site's name is short; a longer tail after a dash is part of the headline ("… — evolve extension for Mercurial"). */
const MAX_SITE_NAME_WORDS = 3;
const MIN_HEADLINE_WORDS = 3;

/**
 * The headline without the site's name that <title> and og:title often append. Readability 0.6 cuts "|", "-",
 * "/" tails from <title> but not en or em dashes, and leaves meta titles whole; we cut a tail that is the site's
 * name, or a dash-separated tail short enough to be one.
 */
function withoutSiteName(headline: string, siteName: string | null): string {
  const separators = [...headline.matchAll(SITE_SEPARATOR)];
  const last = separators.pop();
  if (!last || last.index === undefined) return headline;
  const head = headline.slice(0, last.index).trim();
  const tail = headline.slice(last.index + last[0].length).trim().toLowerCase();
  if (wordsIn(head) < MIN_HEADLINE_WORDS) return headline;
  if (siteName && tail === siteName.trim().toLowerCase()) return head;
  const dash = /[–—]/u.test(last[0]);
  return dash && wordsIn(tail) <= MAX_SITE_NAME_WORDS ? head : headline;
}

function wordsIn(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

export function chooseDek(description: string | null, blocks: readonly ExtractedBlock[], headline: string): string | null {
  if (!description) return null;
  const dek = description.replace(/\s+/g, ' ').trim();
  if (dek === '' || dek.length > MAX_DEK_CHARS) return null;
  const dekWords = words(dek.replace(/(?:\.{3}|…)$/u, ''));
  if (dekWords.length === 0 || dekWords.join(' ') === words(headline).join(' ')) return null;
  const lede = blocks
    .filter((block) => block.type === 'paragraph')
    .slice(0, LEDE_PARAGRAPHS)
    .map((block) => (block.type === 'paragraph' ? block.text : ''))
    .join(' ');
  const ledeWords = words(lede);
  if (ledeWords.join(' ').startsWith(dekWords.join(' '))) return null;
  const ledeSet = new Set(ledeWords);
  const shared = dekWords.filter((word) => ledeSet.has(word)).length;
  return shared / dekWords.length >= LEDE_COPY_OVERLAP ? null : dek;
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

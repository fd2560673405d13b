/**
 * The top of a flattened page: an optional brand line ("CRBC News"), an optional section label ("Security"),
 * then the headline — which pages that print a headline over a lead photo show twice, once in the masthead and
 * once again over the photo. A reader finds the headline first; so do we, and everything above it is labels.
 */
import { DEFAULT_SECTIONS, ExtractError } from '../domain/index.ts';
import { isTitleCase } from './sectionTitles.ts';
import type { PageLine } from './textNormalize.ts';

/** Brands we know without being told; callers add their own with `knownBrands`. */
export const DEFAULT_KNOWN_BRANDS: readonly string[] = ['CRBC News'];

/** Section names we know without being told: the site's default desks. */
export const DEFAULT_KNOWN_SECTIONS: readonly string[] = DEFAULT_SECTIONS.map((section) => section.name);

/** Longer than any headline a news site prints (they run 60–120 characters); longer lines are paragraphs. */
export const MAX_HEADLINE_CHARS = 300;

/** Brand and section labels are a few words ("CRBC News", "Middle East"), never a sentence. */
const MAX_LABEL_CHARS = 40;
const MAX_LABEL_WORDS = 4;

/** The masthead is at most brand + section above the headline; we look no deeper for the headline. */
const MAX_LINES_ABOVE_HEADLINE = 2;

/**
 * Two words over eight ("Daily Planet" / "Probe Finds Water Ice In Shadowed Lunar Craters") is a label over a
 * headline; two over three is as likely a short headline over its dek, so we want the headline clearly longer.
 */
const MIN_HEADLINE_TO_LABEL_WORDS = 2;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LABEL_END_PUNCTUATION = /[.,;:!?]$/;

export interface Masthead {
  brand: string | null;
  sectionName: string | null;
  headline: string;
  /** The headline was printed twice (masthead and over the photo): the seed's layout, with caption and summary. */
  headlineRepeated: boolean;
  /** Index of the first line after the masthead (after the repeated headline, when there is one). */
  next: number;
}

export interface MastheadOptions {
  knownBrands: readonly string[];
  knownSections: readonly string[];
}

const wordCount = (text: string): number => text.split(' ').length;
const sameText = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
const isListed = (text: string, list: readonly string[]): boolean => list.some((name) => sameText(name, text));

/** Any headline at all: some letters or digits, not paragraph length. */
export function isPlausibleHeadline(text: string): boolean {
  return text.length <= MAX_HEADLINE_CHARS && LETTER_OR_DIGIT.test(text);
}

/** A headline we may infer from position alone must also not end like a sentence in a paragraph. */
function isHeadlineShaped(text: string): boolean {
  return isPlausibleHeadline(text) && !text.endsWith('.');
}

function isLabel(text: string): boolean {
  return (
    text.length <= MAX_LABEL_CHARS &&
    wordCount(text) <= MAX_LABEL_WORDS &&
    LETTER_OR_DIGIT.test(text) &&
    !LABEL_END_PUNCTUATION.test(text)
  );
}

/** A label directly above a headline it is shorter than (in words) is the page's label for that headline. */
function labelsHeadline(label: string | undefined, headline: string | undefined): boolean {
  if (label === undefined || headline === undefined || !isLabel(label) || !isHeadlineShaped(headline)) return false;
  return wordCount(headline) > wordCount(label);
}

/**
 * Reads brand, section and headline from the first lines. The rules, strongest evidence first:
 * 1. A line printed twice in a row within the first three lines is the headline; one label above it is the
 *    brand when known, else the section; two labels above it are brand then section.
 * 2. A known brand first: brand, then (label, headline) or headline.
 * 3. Two labels, then a longer headline-shaped line: brand, section, headline ("Daily Planet", "Science", …).
 * 4. One label, then a longer headline-shaped line: section, headline — when the label is a known section or a
 *    single word, or the line under it is a title-case headline at least twice as long. Otherwise a short first
 *    line over a sentence-case line ("Iraq Votes" / "Polls open across the country") is a headline over its dek.
 * 5. Otherwise the first line is the headline.
 */
export function readMasthead(lines: readonly PageLine[], options: MastheadOptions): Masthead {
  const text = (index: number): string | undefined => lines[index]?.text;
  const isBrand = (index: number): boolean => {
    const line = text(index);
    return line !== undefined && isListed(line, options.knownBrands);
  };

  for (let at = 0; at <= MAX_LINES_ABOVE_HEADLINE; at++) {
    const headline = text(at);
    const repeat = text(at + 1);
    if (headline === undefined || repeat === undefined) break;
    if (!isPlausibleHeadline(headline) || !sameText(headline, repeat)) continue;
    const above = lines.slice(0, at).map((line) => line.text);
    if (!above.every(isLabel)) continue;
    const brand = at === 2 || (at === 1 && isBrand(0)) ? above[0]! : null;
    const sectionName = at === 2 ? above[1]! : at === 1 && brand === null ? above[0]! : null;
    return { brand, sectionName, headline, headlineRepeated: true, next: at + 2 };
  }

  const single = (brand: string | null, sectionName: string | null, at: number): Masthead => {
    const headline = text(at);
    if (headline === undefined || !isPlausibleHeadline(headline)) {
      throw new ExtractError(
        'no headline found: the first non-empty line must be the headline (or brand, section, headline), ' +
          `at most ${MAX_HEADLINE_CHARS} characters long`,
      );
    }
    return { brand, sectionName, headline, headlineRepeated: false, next: at + 1 };
  };

  if (isBrand(0)) {
    return labelsHeadline(text(1), text(2)) ? single(text(0)!, text(1)!, 2) : single(text(0)!, null, 1);
  }
  const first = text(0);
  const second = text(1);
  if (labelsHeadline(first, text(2)) && labelsHeadline(second, text(2))) return single(first!, second!, 2);
  const sectionAbove =
    first !== undefined &&
    second !== undefined &&
    (isListed(first, options.knownSections)
      ? isLabel(first) && isHeadlineShaped(second)
      : labelsHeadline(first, second) &&
        (wordCount(first) === 1 ||
          (isTitleCase(second) && wordCount(second) >= MIN_HEADLINE_TO_LABEL_WORDS * wordCount(first))));
  if (sectionAbove) {
    return single(null, first!, 1);
  }
  return single(null, null, 0);
}

/**
 * Titled sections for an article. An article that arrives with titled sections (the seed form) keeps them;
 * one without is cut at paragraph boundaries where its topic shifts (cohesion.ts), and every section after the
 * lead gets a heading built from its own words (titles.ts).
 *
 * Choices, each with its reason:
 * - Fewer than MIN_PARAGRAPHS_TO_CUT paragraphs: one untitled section. Three sections of two paragraphs is the
 *   least that reads as a sectioned story; a shorter piece reads better whole.
 * - The first section stays untitled: it is the lead, and a heading over it would only repeat the headline.
 * - Sections of one paragraph only where the article is too short for three of two.
 */
import { findBoundaries, type BoundaryRules } from './cohesion.ts';
import { sectionTitle } from './titles.ts';
import { readWords, isContentWord } from './words.ts';

export interface TitledSection {
  title: string | null;
  /** Indexes into the input paragraphs, contiguous, in order. */
  paragraphs: number[];
}

export interface SectionInput {
  headline: string;
  paragraphs: readonly string[];
  sections?: readonly { title: string | null; paragraphs: number[] }[];
}

export const MIN_PARAGRAPHS_TO_CUT = 6;
export const SECTION_RULES: BoundaryRules = { minSections: 3, maxSections: 8, minParagraphs: 2 };

export function sectionize(article: SectionInput): TitledSection[] {
  const count = article.paragraphs.length;
  if (count === 0) return [];
  if (article.sections?.some((section) => section.title !== null && section.title.trim() !== '')) {
    return keepGivenSections(count, article.sections);
  }
  if (count < MIN_PARAGRAPHS_TO_CUT) return [{ title: null, paragraphs: range(0, count) }];
  const starts = findBoundaries(article.paragraphs, SECTION_RULES);
  const spans = [0, ...starts, count];
  const sections: TitledSection[] = [];
  for (let i = 0; i + 1 < spans.length; i++) sections.push({ title: null, paragraphs: range(spans[i]!, spans[i + 1]!) });
  return titleSections(article, sections);
}

/** Headings for every section after the lead, each avoiding the headline and the headings before it. */
function titleSections(article: SectionInput, sections: TitledSection[]): TitledSection[] {
  const stemsBySection = sections.map((section) => {
    const stems = new Set<string>();
    for (const index of section.paragraphs) for (const word of readWords(article.paragraphs[index]!)) if (isContentWord(word)) stems.add(word.stem);
    return stems;
  });
  const sectionsUsing = new Map<string, number>();
  for (const stems of stemsBySection) for (const stem of stems) sectionsUsing.set(stem, (sectionsUsing.get(stem) ?? 0) + 1);
  const avoid = [article.headline];
  return sections.map((section, index) => {
    if (index === 0) return section;
    const texts = section.paragraphs.map((p) => article.paragraphs[p]!);
    const title = sectionTitle(texts, { avoid }, { sectionsUsing, sectionCount: sections.length });
    if (title === '') return section;
    avoid.push(title);
    return { ...section, title };
  });
}

/**
 * The article's own sections, made whole: a paragraph no section lists joins the section before it (or an
 * untitled lead when it comes first), one listed twice stays with the first, and order is kept.
 */
function keepGivenSections(count: number, given: readonly { title: string | null; paragraphs: number[] }[]): TitledSection[] {
  const owner = new Array<number>(count).fill(-1);
  given.forEach((section, sectionIndex) => {
    for (const p of section.paragraphs) if (Number.isInteger(p) && p >= 0 && p < count && owner[p] === -1) owner[p] = sectionIndex;
  });
  const sections: TitledSection[] = [];
  let current = -1;
  for (let p = 0; p < count; p++) {
    const claimed = owner[p]!;
    if (claimed > current || sections.length === 0) {
      current = Math.max(current, claimed);
      sections.push({ title: current >= 0 ? given[current]!.title : null, paragraphs: [] });
    }
    sections[sections.length - 1]!.paragraphs.push(p);
  }
  return sections;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

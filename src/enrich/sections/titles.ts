/**
 * A short heading for a section, made only of words that stand in it: the section's most salient noun phrase
 * or name, in Title Case. Salience is how often the phrase's words occur in the section, how specific they
 * are to it within the article, and whether the phrase is a name; words the headline or an earlier heading
 * already used count for less, so headings differ from each other and from the headline.
 */
import { MAX_PHRASE_WORDS, nounPhrases, type Phrase } from './phrases.ts';
import { isContentWord, readWords, stem, type Word } from './words.ts';

export const MIN_TITLE_WORDS = 2;
/** A name reads as a better heading than a common noun phrase of the same weight. */
const NAME_BONUS = 1.3;
/** A phrase in the section's opening sentence is usually what the section is about. */
const OPENING_BONUS = 1.2;
/** Each word already used by the headline or another heading keeps this share of its weight. */
const REPEAT_PENALTY = 0.35;
/** Headings of two to four words read best; five or six are kept but lose a little. */
const LONG_TITLE_WORDS = 4;
const LONG_TITLE_FACTOR = 0.8;

export interface TitleContext {
  /** Stems' section counts across the article, so words spread everywhere weigh less. */
  sectionsUsing?: ReadonlyMap<string, number>;
  sectionCount?: number;
}

/** A Title Case heading for the section, or '' when the section has no words at all. */
export function sectionTitle(paragraphs: readonly string[], options: { avoid?: readonly string[] } = {}, context: TitleContext = {}): string {
  const text = paragraphs.join('\n\n');
  const words = readWords(text);
  if (words.length === 0) return '';
  const avoid = options.avoid ?? [];
  const avoidStems = new Set(avoid.flatMap((title) => readWords(title).map((w) => w.stem)));
  const avoidTitles = new Set(avoid.map((title) => normalise(title)));
  const counts = new Map<string, number>();
  for (const word of words) if (isContentWord(word)) counts.set(word.stem, (counts.get(word.stem) ?? 0) + 1);
  const weight = (word: Word): number => {
    if (!isContentWord(word)) return 0;
    const rarity = context.sectionsUsing && context.sectionCount
      ? Math.log(1 + context.sectionCount / (context.sectionsUsing.get(word.stem) ?? 1))
      : 1;
    return (counts.get(word.stem) ?? 0) * rarity * (avoidStems.has(word.stem) ? REPEAT_PENALTY : 1);
  };
  const openingEnd = words.findIndex((w, i) => i > 0 && w.sentenceStart);
  const openingOffset = openingEnd < 0 ? Infinity : words[openingEnd]!.start;

  let best: { title: string; score: number } | null = null;
  for (const phrase of candidatePhrases(words)) {
    const title = titleCase(phrase.words.map((w) => w.text).join(' '));
    if (avoidTitles.has(normalise(title))) continue;
    const content = phrase.words.filter(isContentWord);
    if (content.length === 0) continue;
    let score = content.reduce((sum, w) => sum + weight(w), 0) / Math.sqrt(content.length);
    if (phrase.isName) score *= NAME_BONUS;
    if (phrase.words[0]!.start < openingOffset) score *= OPENING_BONUS;
    if (phrase.words.length > LONG_TITLE_WORDS) score *= LONG_TITLE_FACTOR;
    if (!best || score > best.score) best = { title, score };
  }
  return best?.title ?? fallbackTitle(words, weight);
}

/** Every noun phrase of 2–6 words, and the tail of longer runs, each kept once. */
function candidatePhrases(words: readonly Word[]): Phrase[] {
  const seen = new Set<string>();
  const candidates: Phrase[] = [];
  for (const phrase of nounPhrases(words)) {
    const forms = [phrase];
    // "final contingent of US advisers" also offers "US advisers"; "Iraqi Ministry of Defense" its whole.
    if (phrase.words.length > 3) forms.push({ words: phrase.words.slice(-2), isName: phrase.isName });
    for (const form of forms) {
      if (form.words.length < MIN_TITLE_WORDS || form.words.length > MAX_PHRASE_WORDS) continue;
      // "Saddam Hussein's" owns something the heading leaves out: the phrase was cut short.
      if (/['’]s$/u.test(form.words[form.words.length - 1]!.text)) continue;
      const key = normalise(form.words.map((w) => w.text).join(' '));
      if (seen.has(key)) continue;
      seen.add(key);
      candidates.push(form);
    }
  }
  return candidates;
}

/** No phrase of two words: the two weightiest adjacent words, or failing that the first words of the text. */
function fallbackTitle(words: readonly Word[], weight: (word: Word) => number): string {
  let best: [Word, Word] | null = null;
  let bestScore = 0;
  for (let i = 1; i < words.length; i++) {
    const score = weight(words[i - 1]!) + weight(words[i]!);
    if (score > bestScore && !words[i]!.afterBreak) {
      best = [words[i - 1]!, words[i]!];
      bestScore = score;
    }
  }
  const chosen = best ?? words.slice(0, MIN_TITLE_WORDS);
  return titleCase(chosen.map((w) => w.text).join(' '));
}

/** Capitalises the first letter of each word and of each hyphenated part; never changes anything else. */
export function titleCase(phrase: string): string {
  return phrase.replace(/(^|[\s\-–])(\p{Ll})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

function normalise(title: string): string {
  return readWords(title).map((w) => stem(w.text)).join(' ');
}

/**
 * Section titles in flattened text. A page that set "Background" in bold above its paragraph, or as a run-in
 * head ("Background — The US military presence…"), arrives here as plain text; these rules decide when a short
 * run of words is a title a reader would see, and when it is just the start of a sentence with a dash in it
 * ("Several Iran-backed militias — including Kataib Hezbollah …" is a sentence, not a section).
 */

/** Titles are headings, not sentences: the seed's longest is "Political And Strategic Implications" (4 words). */
export const MAX_TITLE_WORDS = 8;
export const MAX_TITLE_CHARS = 60;

/**
 * A run-in title must be in title case: nearly every significant word capitalised. 0.8 lets one word of a
 * long title slip ("Talks With the iPhone Makers") but rejects sentence starts such as "Several Iran-backed
 * militias" (2 of 3) or "Last units leave Al-Asad" (2 of 4).
 */
const MIN_TITLE_CASE_RATIO = 0.8;

/** Short words that title case leaves in lower case; they neither count for nor against a title. */
const MINOR_WORDS = new Set([
  'a', 'an', 'the', 'and', 'but', 'or', 'nor', 'for', 'so', 'yet', 'as', 'at', 'by', 'in', 'of', 'off', 'on',
  'per', 'to', 'up', 'via', 'vs', 'with', 'from', 'into', 'onto', 'over', 'amid', 'after', 'than', 'is',
]);

/** A period inside a title is only acceptable in an abbreviation ("U.S.", "St. Louis", "No. 10"). */
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'gen', 'sen', 'rep', 'gov', 'lt', 'col',
  'sgt', 'no', 'vs', 'inc', 'co', 'corp', 'ltd', 'mt', 'ft', 'ave', 'prof']);

/** Characters a heading is made of; anything else (commas, colons, quotes, brackets) marks prose or a dateline. */
const TITLE_CHARACTERS = /^[\p{L}\p{M}\p{N} '’&/.\-–]+$/u;
const INITIALISM = /^(?:\p{L}\.)+\p{L}?$/u;
const DECIMAL = /^\p{N}+(?:\.\p{N}+)+%?$/u;
const STARTS_LIKE_A_HEADING = /^[\p{Lu}\p{N}]/u;
/** The text after a run-in title opens a sentence: a capital or digit, perhaps behind an opening quote. */
const STARTS_LIKE_A_SENTENCE = /^[“"‘'(\[]?[\p{Lu}\p{N}]/u;
const FIRST_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const UPPERCASE_OR_DIGIT = /[\p{Lu}\p{N}]/u;
const ANY_LOWERCASE = /\p{Ll}/u;

/**
 * Separators between a run-in title and its text, as typesetters write them: em dash (spaced or not), en dash,
 * a spaced hyphen and the typewriter double hyphen.
 */
const TITLE_SEPARATORS: readonly string[] = [' — ', ' – ', ' - ', ' -- ', '—'];

export interface TitledParagraph {
  title: string;
  text: string;
}

function isAbbreviatedWord(word: string): boolean {
  if (!word.includes('.')) return true;
  if (INITIALISM.test(word) || DECIMAL.test(word)) return true;
  return word.endsWith('.') && ABBREVIATIONS.has(word.slice(0, -1).toLowerCase()) && !word.slice(0, -1).includes('.');
}

/**
 * Heading shape, shared by run-in and stand-alone titles: short, starts with a capital or digit, built of word
 * characters only, no sentence punctuation (periods only in abbreviations). A stand-alone title may be a
 * question ("What Happens Next?").
 */
export function hasTitleShape(text: string, options: { allowQuestion?: boolean } = {}): boolean {
  if (text.length === 0 || text.length > MAX_TITLE_CHARS) return false;
  const body = options.allowQuestion && text.endsWith('?') ? text.slice(0, -1).trimEnd() : text;
  if (body.length === 0 || !STARTS_LIKE_A_HEADING.test(body) || !TITLE_CHARACTERS.test(body)) return false;
  const words = body.split(' ');
  if (words.length > MAX_TITLE_WORDS) return false;
  return words.every(isAbbreviatedWord);
}

/** Whether nearly every significant word starts with a capital (see MIN_TITLE_CASE_RATIO). */
export function isTitleCase(text: string): boolean {
  const words = text.split(' ').filter((word) => FIRST_LETTER_OR_DIGIT.test(word));
  if (words.length === 0) return false;
  const capitalised = (word: string) => UPPERCASE_OR_DIGIT.test(word.match(FIRST_LETTER_OR_DIGIT)?.[0] ?? '');
  if (!capitalised(words[0]!)) return false;
  const significant = words.slice(1).filter((word) => !MINOR_WORDS.has(word.toLowerCase()));
  if (significant.length === 0) return true;
  return significant.filter(capitalised).length / significant.length >= MIN_TITLE_CASE_RATIO;
}

/** "WASHINGTON — The Pentagon said…" is a wire-copy dateline, not a section: all capitals marks it. */
function isDatelineShaped(text: string): boolean {
  return !ANY_LOWERCASE.test(text);
}

/**
 * "Background — The US military presence…" → { title: "Background", text: "The US military presence…" }, or
 * null when the words before the first dash do not read as a heading (see hasTitleShape and isTitleCase) or the
 * words after it do not open a sentence. Only the first dash can open a title, so dashes later in the
 * paragraph are left alone.
 */
export function splitTitledParagraph(line: string): TitledParagraph | null {
  // Only the head of the line can hold a title; looking no further keeps long paragraphs cheap.
  const head = line.slice(0, MAX_TITLE_CHARS + 4);
  let at = -1;
  let separator = '';
  for (const candidate of TITLE_SEPARATORS) {
    const index = head.indexOf(candidate);
    if (index > 0 && (at === -1 || index < at)) {
      at = index;
      separator = candidate;
    }
  }
  if (at === -1) return null;
  const title = line.slice(0, at).trim();
  const text = line.slice(at + separator.length).trim();
  if (!hasTitleShape(title) || !isTitleCase(title) || isDatelineShaped(title)) return null;
  if (!STARTS_LIKE_A_SENTENCE.test(text)) return null;
  return { title, text };
}

/**
 * A heading on a line of its own ("Outlook", then its paragraphs on the next lines). Position is the evidence
 * here, so sentence case is accepted, but the next line must be prose: a title followed by another
 * heading-shaped line is more likely a list of short items than a section.
 */
export function isStandaloneTitle(line: string, next: string | undefined): boolean {
  if (next === undefined || !hasTitleShape(line, { allowQuestion: true })) return false;
  if (hasTitleShape(next, { allowQuestion: true }) || splitTitledParagraph(next) !== null) return false;
  return true;
}

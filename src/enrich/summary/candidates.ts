/**
 * Which sentences may stand in a summary at all. A summary sentence must read as a statement of the story on its
 * own; lists, line-ups, table rows and captions do not, however many of the story's frequent words they carry
 * (a team sheet repeats every name the match report mentions, which is exactly what a frequency-based salience
 * score rewards). They are recognised by their form alone, before any scoring.
 */

export type NotSummaryMaterial = 'list item' | 'list heading' | 'line-up' | 'table row' | 'caption';

/** "- Increased spending…", "• Tax cuts", "3) Arsenal": a bullet or a number opening the line. */
const LIST_ITEM = /^(?:[-–—•*·▪►]|\d{1,2}[.)])\s+/u;
/** "In his budget the minister has:": the sentence introduces the list that follows. */
const LIST_HEADING = /:\s*$/u;
/** "Pictured: …", "Photo: Reuters", "Image caption …": a label that marks a caption or a credit. */
const CAPTION_LABEL = /^(?:pictured|picture|photo(?:graph)?|image(?: caption)?|caption|credit|copyright|video|watch|listen)\b\s*[:(–—-]/iu;
/** "… the harbour at dawn (Photo: Reuters)": a credit closing the line. */
const CAPTION_CREDIT = /\((?:photo|picture|image|credit)s?\b[^()]*\)\s*$/iu;

/** A line-up names at least this many players or teams in a row. */
const FEWEST_LISTED_NAMES = 5;
/** A listed name is a few words ("Gary Neville", "Paulo Ferreira (Tiago 56)" once the substitution is dropped). */
const MOST_WORDS_IN_A_NAME = 4;
/** Share of the comma- or semicolon-separated parts that must be names: a sentence naming a few places is prose. */
const NAME_LIST_SHARE = 0.7;
/** A line-up has next to no lower-case words; "Nevertheless, the party won in Ohio, Iowa, …" has a clause's worth. */
const MOST_LOWER_CASE_SHARE_OF_A_LIST = 0.15;
/** Names run together with no separator ("Margaret Atwood (Canada) Saul Bellow (Canada) …"): nearly every word capitalised. */
const FEWEST_WORDS_OF_A_NAME_RUN = 10;
const NAME_RUN_CAPITALISED_SHARE = 0.9;
/** A table row is figures and names ("Arsenal 20 14 3 3 45", "Archibald 19, Grady 29"), barely a lower-case word. */
const FEWEST_TABLE_FIGURES = 4;
const MOST_LOWER_CASE_WORDS_IN_A_ROW = 1;

/** Lower-case words that belong inside names (Pieter de Villiers, Ruud van Nistelrooy) and lists (A and B). */
const NAME_PARTICLES = new Set(['de', 'van', 'von', 'der', 'den', 'da', 'di', 'du', 'del', 'la', 'le', 'dos', 'bin', 'al', 'and', 'capt']);

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const PARENTHETICAL = /\([^()]*\)/gu;

/** Why a sentence cannot stand in a summary, or null when it can. */
export function notSummaryMaterial(text: string): NotSummaryMaterial | null {
  const line = text.trim();
  if (LIST_ITEM.test(line)) return 'list item';
  if (LIST_HEADING.test(line)) return 'list heading';
  if (CAPTION_LABEL.test(line) || CAPTION_CREDIT.test(line)) return 'caption';
  if (isTableRow(line)) return 'table row';
  if (isNameList(line) || isNameRun(line)) return 'line-up';
  return null;
}

function wordsOf(text: string): string[] {
  return text.match(WORD) ?? [];
}

function lowerCaseShare(line: string): number {
  const words = wordsOf(line).filter((w) => /^\p{L}/u.test(w));
  return words.length ? words.filter((w) => !isCapitalised(w)).length / words.length : 0;
}

const isCapitalised = (word: string): boolean => /^\p{Lu}/u.test(word) || NAME_PARTICLES.has(word);

/** A name as a line-up lists it: a few words, each capitalised (or a particle of a name), nothing else. */
function isListedName(part: string): boolean {
  const words = wordsOf(part.replace(PARENTHETICAL, ' ')).filter((w) => !/^\p{N}/u.test(w));
  return words.length > 0 && words.length <= MOST_WORDS_IN_A_NAME && words.every(isCapitalised);
}

/**
 * "Everton: Martyn, Hibbert, Yobo, Stubbs, …" and "Walder; May, Tait, Mayerhofler; …": names from the first part
 * to the last. Prose that lists places ("ASEAN members include Myanmar, Laos, …", "Russia, Turkey and Ukraine
 * border the Black Sea.") opens or closes with a clause, and stays a candidate.
 */
function isNameList(line: string): boolean {
  const parts = line
    .replace(/[.!?]\s*$/u, '')
    .split(/[,;:]/u)
    .filter((part) => wordsOf(part).length > 0);
  if (parts.length < FEWEST_LISTED_NAMES) return false;
  if (!isListedName(parts[0]!) || !isListedName(parts[parts.length - 1]!)) return false;
  if (lowerCaseShare(line) > MOST_LOWER_CASE_SHARE_OF_A_LIST) return false;
  return parts.filter(isListedName).length / parts.length >= NAME_LIST_SHARE;
}

/** "Margaret Atwood (Canada) Saul Bellow (Canada) Gabriel Garcia Marquez (Colombia) …": names with no separator. */
function isNameRun(line: string): boolean {
  if (/[,;]/u.test(line)) return false;
  const words = wordsOf(line).filter((w) => /^\p{L}/u.test(w));
  return words.length >= FEWEST_WORDS_OF_A_NAME_RUN && 1 - lowerCaseShare(line) >= NAME_RUN_CAPITALISED_SHARE;
}

function isTableRow(line: string): boolean {
  const words = wordsOf(line);
  const figures = words.filter((w) => /^\p{N}/u.test(w)).length;
  const lowerCase = words.filter((w) => /^\p{Ll}/u.test(w) && !NAME_PARTICLES.has(w)).length;
  return figures >= FEWEST_TABLE_FIGURES && lowerCase <= MOST_LOWER_CASE_WORDS_IN_A_ROW;
}

/**
 * Runs of capitalised words: the candidates every name comes from. English capitalises names, so a run such
 * as "Iraqi Ministry of Defense" or "Harakat al-Nujaba" is where to look; what a run is (or whether it is a
 * name at all) is decided afterwards, by classify.ts.
 */
import { isCommonWord, isTitle, NAME_PARTICLES } from './words.ts';

export interface Word {
  start: number;
  end: number;
  text: string;
  /** Starts with a capital letter (or is an acronym). */
  capitalised: boolean;
  /** Capitalised, or a particle compound that carries a name ("al-Nujaba"). */
  namePart: boolean;
  /** Followed by "'s" / "’s", which closes the name: "Iraq’s government". */
  possessive: boolean;
}

export interface Run {
  words: Word[];
  /** The first word is capitalised by its position (sentence, heading or quote start), not necessarily a name. */
  sentenceStart: boolean;
  /** The run stands in a title-cased line ("Iraq Says US Forces Have Withdrawn"), where capitals say little. */
  titleCase: boolean;
  /** Follows "the": "the Court", "the State" name an institution the article has named in full. */
  afterThe: boolean;
}

/** Lower-case words that may join capitals into one name: "Church of Scientology", "Daughters of the …". */
const CONNECTORS = new Set(['of', 'the', 'for', 'and', 'on', '&']);

/**
 * A word: dotted initials ("U.S.", "D.C."), or letters and digits with inner apostrophes and hyphens.
 * Dashes other than the hyphen separate words: "US–Iraqi" is two.
 */
const WORD = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}][\p{L}\p{N}'’&]*(?:-[\p{L}\p{N}][\p{L}\p{N}'’&]*)*\.?/gu;
/** Abbreviations that keep their full stop inside a name. */
const ABBREVIATIONS = new Set('mr. mrs. ms. dr. prof. gen. col. lt. capt. sgt. gov. sen. rep. rev. st. mt. ft. jr. sr. inc. co. corp. ltd. bros.'.split(' '));
const POSSESSIVE = /['’]s?$/;
/** Before a sentence start: nothing, or an end mark, colon, dash or line break, then quotes and brackets. */
const OPENS_SENTENCE = /(?:(?:^|[.!?:;—–|\n•]|\s-)[\s"'“‘(\[]*|["“(])$/;
/**
 * A line counts as title-cased when this share of its words start with a capital, not counting the short
 * words headline style leaves in lower case ("of", "in", "the"); a sentence opening on a two-word name
 * ("Suella Braverman spoke on Monday") stays below it.
 */
const TITLE_CASE_SHARE = 0.8;
const HEADLINE_LOWER_CASE = new Set('a an and as at but by for from in into of on or the to up via vs with'.split(' '));
const TITLE_CASE_MIN_WORDS = 4;

/** Words of a text, hyphenated compounds split where a part is lower case: "US-led" → "US", "led". */
export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    let raw = match[0];
    const at = match.index;
    // A final full stop belongs to the word only in abbreviations ("U.S.", "Gen."), not at a sentence's end.
    if (raw.endsWith('.') && !/^(?:\p{Lu}\.)+$/u.test(raw) && !ABBREVIATIONS.has(raw.toLowerCase())) raw = raw.slice(0, -1);
    let offset = 0;
    for (const part of splitCompound(raw)) {
      const start = at + offset;
      offset += part.length + 1;
      if (!part) continue;
      let end = start + part.length;
      let possessive = false;
      const tail = POSSESSIVE.exec(part);
      if (tail && part.length > tail[0].length) {
        possessive = tail[0].length === 2 || /s['’]$/.test(part);
        end -= tail[0].length;
      }
      const word = text.slice(start, end);
      // "I've", "I'm": the pronoun, capitalised by rule.
      const capitalised = /^\p{Lu}/u.test(word) && !/^I['’]/.test(word) && !/^\p{Lu}-\p{Ll}/u.test(word);
      const namePart = capitalised || (/^\p{Ll}+-\p{Lu}/u.test(word) && NAME_PARTICLES.has(word.split('-')[0]!));
      words.push({ start, end, text: word, capitalised, namePart, possessive });
    }
  }
  return words;
}

/** Prefixes whose capital is the sentence's, not a name's: "Co-founder", "Anti-war". */
const PREFIXES = new Set('co anti pro ex non pre post self mid neo pan semi sub super ultra'.split(' '));

/**
 * "Al-Asad" and "al-Nujaba" stay whole; "US-led", "Iran-backed", "counter-ISIS" split at the hyphen.
 * "T-shirt", "E-meter" and "Co-founder" stay whole too: a single letter or a prefix is no name.
 */
function splitCompound(raw: string): string[] {
  if (!raw.includes('-')) return [raw];
  const parts = raw.split('-');
  if (parts[0]!.length < 2 || PREFIXES.has(parts[0]!.toLowerCase())) return [raw];
  const mixed = parts.some((p) => /^\p{Lu}/u.test(p)) && parts.some((p) => /^\p{Ll}/u.test(p) && !NAME_PARTICLES.has(p.toLowerCase()));
  return mixed ? parts : [raw];
}

/** Runs of capitalised words on one line, joined by spaces and at most the connectors above. */
export function runsOf(text: string, words: readonly Word[] = wordsOf(text)): Run[] {
  const runs: Run[] = [];
  const titleCased = titleCasedWords(text, words);
  let i = 0;
  while (i < words.length) {
    const first = words[i]!;
    if (!isNamePart(words, i)) {
      i++;
      continue;
    }
    const run: Word[] = [first];
    let j = i + 1;
    while (j < words.length && !run[run.length - 1]!.possessive) {
      // Connectors may be skipped over only if a capitalised word follows them.
      let k = j;
      while (k < words.length && !words[k]!.capitalised && (CONNECTORS.has(words[k]!.text) || NAME_PARTICLES.has(words[k]!.text.toLowerCase())) && k - j < 2) k++;
      const next = words[k];
      if (!next || !isNamePart(words, k)) break;
      if (!words.slice(j - 1, k + 1).every((w, n, all) => n === 0 || onlySpacesBetween(text, all[n - 1]!, w))) break;
      run.push(...words.slice(j, k + 1));
      j = k + 1;
    }
    runs.push({
      words: run,
      sentenceStart: OPENS_SENTENCE.test(text.slice(Math.max(0, first.start - 6), first.start)),
      titleCase: titleCased[i] === 1,
      afterThe: i > 0 && words[i - 1]!.text === 'the' && /^[ \t]+$/.test(text.slice(words[i - 1]!.end, first.start)),
    });
    i = j;
  }
  return runs;
}

function isNamePart(words: readonly Word[], i: number): boolean {
  return words[i]!.namePart;
}

/** Words of one name stand a space apart; a full stop ends the name unless it closes a title ("Gen. Smith"). */
function onlySpacesBetween(text: string, left: Word, right: Word): boolean {
  if (left.possessive) return false;
  // "U.S. Navy" is one name, "in the U.S. The President" two sentences: an ordinary word after initials starts anew.
  if (/^(?:\p{Lu}\.)+$/u.test(left.text) && isCommonWord(right.text)) return false;
  if (left.text.endsWith('.') && !isTitle(left.text) && !/^(?:\p{Lu}\.)+$/u.test(left.text)) return false;
  return /^[ \t\u00a0]+$/.test(text.slice(left.end, right.start));
}

/**
 * For each word, whether its line's capitals say little: headlines with most words capitalised, and short
 * lines (section heads such as "Background", "Security Context") with every word capitalised and no stop.
 * One sweep over lines and words together, both in text order.
 */
function titleCasedWords(text: string, words: readonly Word[]): Uint8Array {
  const flags = new Uint8Array(words.length);
  let first = 0;
  let lineStart = 0;
  while (first < words.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    let last = first;
    let counted = 0;
    let capitals = 0;
    while (last < words.length && words[last]!.start < lineEnd) {
      const word = words[last++]!;
      if (HEADLINE_LOWER_CASE.has(word.text) || !/\p{L}/u.test(word.text)) continue;
      counted++;
      if (word.capitalised) capitals++;
    }
    const closed = /[.!?:"”'’)]\s*$/.test(text.slice(lineStart, lineEnd));
    const titled = counted > 0 && (counted >= TITLE_CASE_MIN_WORDS ? capitals / counted >= TITLE_CASE_SHARE : capitals === counted && !closed);
    if (titled) flags.fill(1, first, last);
    first = last;
    lineStart = lineEnd + 1;
  }
  return flags;
}

/**
 * From a run of capitals to the names in it, each with a type. The order of the rules is the story:
 *  1. capitals that are only there because of position (sentence start, title-cased headline) are dropped;
 *  2. titles before a name ("Afghan Ambassador", "President") are dropped but remembered as a person cue;
 *  3. gazetteer names are cut out of longer runs ("United States" | "Hamdullah Mohib", "US" | "National
 *     Science Foundation"), unless the run goes on to a place head ("Al-Asad Air Base");
 *  4. "of"/"for" joins only after a head word ("Church of Scientology"), "and" never;
 *  5. the piece is typed by gazetteer, head word, title cue, first name, acronym, lexicon, then shape.
 * A piece no rule can type is left untyped for the article-level pass in spans.ts.
 */
import { LONGEST_NAME_WORDS, lookUpName } from './gazetteer.ts';
import type { Run, Word } from './runs.ts';
import type { EntityType } from './types.ts';
import { isCalendarWord, isCommonWord, isFunctionWord, isNotAName, isRomanNumeral, isDemonym, isFirstName, isLastName, isOpener, isOtherNameHead, isTitle, typeOfHead, typeOfWord } from './words.ts';

/** 'unknown': a name by its shape, but nothing in it says what kind; the article-level pass decides. */
export type Guess = EntityType | 'unknown';

export interface Piece {
  words: Word[];
  type: Guess;
  /** From a title-cased line, where a name by shape alone is no evidence: only the article can confirm it. */
  titleCase: boolean;
  /**
   * Its capital may be positional (it opens a sentence) or descriptive ("Malaysia Tourism"): it does not
   * count as the article capitalising the word by choice.
   */
  sentenceStart: boolean;
}

/** What the rest of the text says about words: which of them also stand in lower case (so are ordinary). */
export interface TextEvidence {
  lowerCaseWords: ReadonlySet<string>;
}

const CONNECTORS = new Set(['of', 'for', 'the', 'on', '&']);

/** Capital, then lower case (an initial, "O'Brien", "Hee-Chan" too): no digits, no inner capitals. */
const NAME_SHAPE = /^\p{Lu}(?:[\p{Ll}'’-]*(?:-\p{Lu}\p{Ll}*)?|\.)$/u;

/** A person's name rarely runs longer than this without a particle; longer unknown runs are organisations. */
const LONGEST_UNMARKED_PERSON = 3;

export function piecesOf(run: Run, evidence: TextEvidence): Piece[] {
  let words = run.words;
  if (run.titleCase) {
    return splitTitleCase(words, evidence).flatMap((part) => splitAtConnectors(part)).flatMap((part) => typedPieces(part, false, evidence, true));
  }
  // "the Court", "the Church", "the State": a capitalised head word alone stands for the institution.
  const head = words.length === 1 && run.afterThe ? typeOfHead(words[0]!.text) : undefined;
  if (head) return [{ words, type: head, titleCase: false, sentenceStart: false }];
  let personCue = false;
  // 1. Sentence-initial ordinary words: "According", "However", "Image".
  if (run.sentenceStart) {
    while (words.length && !gazetteerPrefix(words) && isPositional(words[0]!, evidence) && !givenNameBefore(words, evidence)) {
      if (isTitle(words[0]!.text)) personCue = true;
      words = words.slice(1);
    }
  }
  const pieces = splitAtConnectors(words).flatMap((part, n) => typedPieces(part, personCue && n === 0, evidence, false));
  if (run.sentenceStart && pieces[0] && pieces[0].words[0] === words[0]) pieces[0].sentenceStart = true;
  return pieces;
}

function isPositional(word: Word, evidence: TextEvidence): boolean {
  if (!word.capitalised || isFirstName(word.text)) return !word.capitalised;
  // All capitals is a choice, not a position: "FIRST Global", "WHO".
  if (/^\p{Lu}[\p{Lu}\d&.]+$/u.test(word.text) && word.text !== 'I') return false;
  return isOpener(word.text) || isCommonWord(word.text) || evidence.lowerCaseWords.has(word.text.toLowerCase());
}

/**
 * "Dries Mertens's attempt": an opening word the lexicon knows only as a verb or noun form, followed by a
 * surname-like word, is a given name; a function word ("The", "According", "Several") never is.
 */
function givenNameBefore(words: readonly Word[], evidence: TextEvidence): boolean {
  const [first, second] = words;
  if (!first || !second || words.length > LONGEST_UNMARKED_PERSON) return false;
  return !isFunctionWord(first.text) && !evidence.lowerCaseWords.has(first.text.toLowerCase()) && looksLikeNameWord(second.text, evidence) && typeOfWord(second.text) === undefined;
}

/** In a title-cased line only words that are not ordinary, and gazetteer names, can be names. */
function splitTitleCase(words: Word[], evidence: TextEvidence): Word[][] {
  const parts: Word[][] = [];
  let current: Word[] = [];
  for (let i = 0; i < words.length; ) {
    const known = gazetteerPrefix(words.slice(i));
    if (known) {
      current.push(...words.slice(i, i + known));
      i += known;
      continue;
    }
    const word = words[i]!;
    if (!word.namePart && current.length && CONNECTORS.has(word.text)) current.push(word);
    else if (!word.namePart || isPositional(word, evidence)) {
      if (current.length) parts.push(current);
      current = [];
    } else current.push(word);
    i++;
  }
  if (current.length) parts.push(current);
  return parts.map(trimConnectors).filter((part) => part.length > 0);
}

/** "and" always separates; "of", "for", "on", "the" join only after a head word: "Ministry of Defense". */
function splitAtConnectors(words: Word[]): Word[][] {
  if (words.length < 3 || lookUpName(textOf(words))) return words.length ? [words] : [];
  const parts: Word[][] = [];
  let current: Word[] = [];
  // Once "of"/"for" has joined after a head, the name may go on: "Joint Council for the Welfare of Immigrants".
  let joined = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word.namePart) {
      current.push(word);
      continue;
    }
    const left = current.filter((w) => w.namePart);
    const previous = current[current.length - 1];
    const joins =
      word.text !== 'and' &&
      left.length > 0 &&
      !countryAfter(words, i) &&
      (joined || typeOfHead(left[left.length - 1]!.text) !== undefined || typeOfHead(left[0]!.text) !== undefined || word.text === '&' || (word.text === 'the' && previous !== undefined && !previous.capitalised));
    if (joins) {
      current.push(word);
      joined = true;
    } else {
      if (current.length) parts.push(trimConnectors(current));
      current = [];
      joined = false;
    }
  }
  if (current.length) parts.push(trimConnectors(current));
  return parts.filter((part) => part.length > 0);
}

/** "University of Sheffield of the UK": "of the" before a country places the name, it does not continue it. */
function countryAfter(words: readonly Word[], i: number): boolean {
  if (words[i]!.text !== 'of' || words[i + 1]?.text !== 'the') return false;
  const known = gazetteerPrefix(words.slice(i + 2));
  return known > 0 && lookUpName(textOf(words.slice(i + 2, i + 2 + known)))?.type === 'place';
}

function trimConnectors(words: Word[]): Word[] {
  let end = words.length;
  while (end > 0 && !words[end - 1]!.namePart) end--;
  return words.slice(0, end);
}

/** Steps 2, 3 and 5 for one connector-free part. */
function typedPieces(words: Word[], cue: boolean, evidence: TextEvidence, titleCase: boolean): Piece[] {
  const pieces: Piece[] = [];
  let personCue = cue;
  let rest = words;
  while (rest.length) {
    // "The" is never part of the name (GUM and CoNLL leave it out), even of "The Iraqi Ministry of Defense".
    if (rest[0]!.text === 'The') {
      rest = rest.slice(1);
      continue;
    }
    const known = gazetteerPrefix(rest);
    if (known) {
      const after = rest.slice(known);
      // "Al-Asad Air Base", "Anbar Province": a place name that goes on to a place head is one place. An
      // organisation after a country is two names ("US" | "National Science Foundation"), as GUM and CoNLL
      // mark them; the gazetteer keeps the few whole ones ("US Central Command").
      const headType = after.length ? typeOfHead(after[after.length - 1]!.text) : undefined;
      if (after.length && headType === 'place' && !lookUpName(textOf(after))) {
        pieces.push({ words: rest, type: headType, titleCase, sentenceStart: false });
        return pieces;
      }
      pieces.push({ words: rest.slice(0, known), type: lookUpName(textOf(rest.slice(0, known)))!.type, titleCase, sentenceStart: false });
      // A lone word after a place describes it more often than it names a person: "Malaysia Tourism".
      if (after.length === 1) {
        const type = typeOf(after, false, evidence, !titleCase);
        if (type) pieces.push({ words: after, type, titleCase, sentenceStart: true });
        return pieces;
      }
      rest = after;
      continue;
    }
    // Titles and what qualifies them: "Afghan Ambassador", "Shadow Home Secretary", "Gen.": all up to the
    // last title word, when a name of at most three words follows.
    let titles = 0;
    for (let i = rest.length - 2; i >= 0; i--) {
      if (isTitle(rest[i]!.text) && rest.length - i - 1 <= LONGEST_UNMARKED_PERSON) {
        titles = i + 1;
        break;
      }
    }
    if (titles === 0 && isTitle(rest[rest.length - 1]!.text) && rest.every((w) => isTitle(w.text) || isDemonym(w.text))) titles = rest.length;
    // "Scientologist Tom Cruise", "Swedish Andreas Granqvist": a nationality or creed before a person's name.
    if (titles === 0 && rest.length > 2 && rest.length <= LONGEST_UNMARKED_PERSON + 1 && isDemonym(rest[0]!.text) && isFirstName(rest[1]!.text)) titles = 1;
    if (titles > 0 && titles < rest.length && typeOfHead(rest[rest.length - 1]!.text) === undefined) {
      personCue = true;
      rest = rest.slice(titles);
      continue;
    }
    if (titles === rest.length) return pieces;
    // "Refugee Council Enver Solomon": an organisation's head, then a person's name (two or three words).
    let head = rest.length - 3;
    while (head > 0 && typeOfHead(rest[head]!.text) !== 'organization') head--;
    const after = rest.slice(head + 1);
    if (head > 0 && after.length <= LONGEST_UNMARKED_PERSON && after.every((w) => looksLikeNameWord(w.text, evidence)) && !after.some((w) => typeOfHead(w.text))) {
      pieces.push({ words: rest.slice(0, head + 1), type: 'organization', titleCase, sentenceStart: false });
      pieces.push({ words: after, type: 'person', titleCase, sentenceStart: false });
      return pieces;
    }
    // "… Station Image: NASA": a caption's credit label is not part of the name before it.
    if (rest.length > 1 && isOpener(rest[rest.length - 1]!.text)) {
      rest = rest.slice(0, -1);
      continue;
    }
    // "Saturday Night", "Questions Wednesday": days and months are not part of a name.
    if (rest.length > 1 && isCalendarWord(rest[rest.length - 1]!.text)) {
      rest = rest.slice(0, -1);
      continue;
    }
    if (rest.length > 1 && isCalendarWord(rest[0]!.text)) {
      rest = rest.slice(1);
      continue;
    }
    const type = typeOf(rest, personCue, evidence, !titleCase);
    if (type) pieces.push({ words: rest, type, titleCase, sentenceStart: false });
    return pieces;
  }
  return pieces;
}

/** Step 5: the type of a piece; undefined when it is not a name after all (a weekday, "Afghans"). */
function typeOf(words: Word[], personCue: boolean, evidence: TextEvidence, byShape: boolean): Guess | undefined {
  const text = textOf(words);
  const capitals = words.filter((w) => w.namePart);
  const first = capitals[0];
  const last = capitals[capitals.length - 1];
  if (!first || !last) return undefined;
  const known = lookUpName(text);
  if (known) return known.type;
  const head = capitals.length > 1 && isRomanNumeral(last.text) ? capitals[capitals.length - 2]! : last;
  if (isOtherNameHead(head.text) || capitals.every((w) => isCalendarWord(w.text) || isNotAName(w.text))) return undefined;
  if (words.length > 1) {
    const ofAt = words.findIndex((w) => w.text === 'of' || w.text === 'for');
    const leftHead = ofAt > 0 ? typeOfHead(words[ofAt - 1]!.text) ?? typeOfHead(words[0]!.text) : undefined;
    if (leftHead) return leftHead;
    const head = typeOfHead(last.text);
    if (head) return head;
  }
  if (personCue) return 'person';
  if (capitals.length > 1 && isFirstName(first.text) && !isCommonWord(first.text)) return 'person';
  if (capitals.length === 1 && /^\p{Lu}[\p{Lu}\d&.]+$/u.test(text)) return typeOfWord(text) ?? 'organization';
  if (capitals.length === 1) return singleWordType(first, evidence);
  if (isLastName(last.text)) return 'person';
  if (!byShape) return 'unknown';
  // A name by its shape: the surname must look like one; a given name may be any word ("Dries Mertens").
  const given = capitals.slice(0, -1);
  if (capitals.length <= LONGEST_UNMARKED_PERSON && looksLikeNameWord(last.text, evidence) && given.every((w) => looksLikeNameWord(w.text, evidence) || (NAME_SHAPE.test(w.text) && !evidence.lowerCaseWords.has(w.text.toLowerCase()) && !isDemonym(w.text)))) return 'person';
  return capitals.length === 2 && isDemonym(first.text) ? undefined : 'organization';
}

/** A word a person's name could be made of: not ordinary, no digits, no inner capitals ("PlayStation", "VR"). */
function looksLikeNameWord(word: string, evidence: TextEvidence): boolean {
  return NAME_SHAPE.test(word) && !isCommonWord(word) && !isDemonym(word) && !evidence.lowerCaseWords.has(word.toLowerCase());
}

function singleWordType(word: Word, evidence: TextEvidence): Guess | undefined {
  const lexical = typeOfWord(word.text);
  if (lexical) return lexical;
  if (isDemonym(word.text)) return undefined;
  if (typeOfHead(word.text) || isCommonWord(word.text) || evidence.lowerCaseWords.has(word.text.toLowerCase())) return undefined;
  // "PCs", "NGOs": plural initials name a kind of thing.
  if (/^\p{Lu}{2,}s$/u.test(word.text)) return undefined;
  // "Cloud9", "MicroMega", "Secunia.com": digits, inner capitals or a domain make a brand, not a person.
  if (/\d|^\p{Lu}\p{Ll}+\p{Lu}|\.(?:com|org|net)$/u.test(word.text)) return 'organization';
  return 'unknown';
}

/** Number of words at the start of `words` that form the longest gazetteer name (0 if none). */
export function gazetteerPrefix(words: readonly Word[]): number {
  for (let n = Math.min(words.length, LONGEST_NAME_WORDS); n > 0; n--) {
    if (lookUpName(textOf(words.slice(0, n)))) return n;
  }
  return 0;
}

/** The words as written, single-spaced (a run never crosses anything but spaces). */
export function textOf(words: readonly Word[]): string {
  return words.map((w) => w.text).join(' ');
}

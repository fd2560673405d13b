/**
 * entitySpans: the typed names of a text, in order. Runs of capitals are cut and typed one by one
 * (classify.ts); then the article settles what a lone word could not: "Montalvo" is the person "Daniel
 * Montalvo" named earlier, "Scientology" the organisation in "Church of Scientology".
 */
import { piecesOf, type Piece, type TextEvidence } from './classify.ts';
import { runsOf, wordsOf } from './runs.ts';
import type { EntitySpan, EntityType } from './types.ts';

/** What a lone capitalised word that nothing else types is taken for: in news copy, mostly a surname. */
const UNKNOWN_WORD_TYPE: EntityType = 'person';
/**
 * How often such a word must stand capitalised mid-sentence to be taken for a name at all: once is as often
 * a product, a typo or an odd capital ("Chrome", "Technlogy") as a person.
 */
const UNKNOWN_WORD_MIN_MENTIONS = 2;

export function entitySpans(text: string): EntitySpan[] {
  const words = wordsOf(text);
  const evidence: TextEvidence = {
    lowerCaseWords: new Set(words.filter((w) => /^\p{Ll}/u.test(w.text)).map((w) => w.text)),
  };
  const pieces = runsOf(text, words).flatMap((run) => piecesOf(run, evidence));
  const known = typesOfNameWords(pieces);
  const midSentence = new Map<string, number>();
  for (const piece of pieces) {
    if (piece.sentenceStart || piece.titleCase) continue;
    for (const word of piece.words) midSentence.set(word.text, (midSentence.get(word.text) ?? 0) + 1);
  }
  const spans: EntitySpan[] = [];
  for (const piece of pieces) {
    const type = piece.type === 'unknown' ? resolveUnknown(piece, known, midSentence) : piece.type;
    if (type) spans.push({ start: piece.words[0]!.start, end: piece.words[piece.words.length - 1]!.end, type });
  }
  return spans;
}

/**
 * A lone word takes the type of the article's longer name it belongs to. Failing that, it is guessed a
 * person only where the capital is the writer's choice (not in a title-cased line) and the article keeps
 * using it ("Usually", "Lawsuits" at a sentence start, "Chrome" once, are not names to us).
 */
function resolveUnknown(piece: Piece, known: ReadonlyMap<string, EntityType>, midSentence: ReadonlyMap<string, number>): EntityType | undefined {
  if (piece.words.length > 1) return piece.titleCase ? undefined : 'organization';
  const word = piece.words[0]!.text;
  const guess = !piece.titleCase && (midSentence.get(word) ?? 0) >= UNKNOWN_WORD_MIN_MENTIONS ? UNKNOWN_WORD_TYPE : undefined;
  return known.get(word) ?? guess;
}

/** Each word of a typed name of two or more words, with that name's type: the article's own evidence. */
function typesOfNameWords(pieces: readonly Piece[]): Map<string, EntityType> {
  const types = new Map<string, EntityType>();
  for (const piece of pieces) {
    if (piece.type === 'unknown' || piece.words.length < 2) continue;
    for (const word of piece.words) if (word.capitalised && !types.has(word.text)) types.set(word.text, piece.type);
  }
  return types;
}

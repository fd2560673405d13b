/**
 * entitySpans: the typed names of a text, in order. Runs of capitals are cut and typed one by one
 * (classify.ts); then the article settles what a lone word could not: "Montalvo" is the person "Daniel
 * Montalvo" named earlier, "Scientology" the organisation in "Church of Scientology".
 */
import { piecesOf, type Piece, type TextEvidence } from './classify.ts';
import { runsOf, wordsOf } from './runs.ts';
import type { EntitySpan, EntityType } from './types.ts';

/** What a lone capitalised word that nothing else types is taken for: in news copy, mostly a surname. */
const UNKNOWN_WORD_TYPE: EntityType | undefined = 'person';

export function entitySpans(text: string): EntitySpan[] {
  const words = wordsOf(text);
  const evidence: TextEvidence = {
    lowerCaseWords: new Set(words.filter((w) => /^\p{Ll}/u.test(w.text)).map((w) => w.text)),
  };
  const pieces = runsOf(text, words).flatMap((run) => piecesOf(run, evidence));
  const known = typesOfNameWords(pieces);
  const midSentence = new Set(pieces.filter((p) => !p.sentenceStart && !p.titleCase).flatMap((p) => p.words.map((w) => w.text)));
  const spans: EntitySpan[] = [];
  for (const piece of pieces) {
    const type = piece.type === 'unknown' ? resolveUnknown(piece, known, midSentence) : piece.type;
    if (type) spans.push({ start: piece.words[0]!.start, end: piece.words[piece.words.length - 1]!.end, type });
  }
  return spans;
}

/**
 * A lone word takes the type of the article's longer name it belongs to. Failing that, a guess is made only
 * where the capital is the writer's choice: not in a title-cased line, and at a sentence start only if the
 * word is capitalised elsewhere too ("Usually", "Lawsuits" are not).
 */
function resolveUnknown(piece: Piece, known: ReadonlyMap<string, EntityType>, midSentence: ReadonlySet<string>): EntityType | undefined {
  if (piece.words.length > 1) return piece.titleCase ? undefined : 'organization';
  const word = piece.words[0]!.text;
  const guess = piece.titleCase || (piece.sentenceStart && !midSentence.has(word)) ? undefined : UNKNOWN_WORD_TYPE;
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

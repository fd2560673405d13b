/**
 * The learned part of the section classifier: a multinomial naive Bayes over TF-IDF-weighted terms (the
 * "transformed" naive Bayes of Rennie et al., 2003: log term frequency, inverse document frequency, length
 * normalisation), trained by train.ts and stored as model.json beside this file.
 *
 * Only the desks with labelled stories are in it (see labelledData.ts); the others come from the seed
 * lexicon (lexicon.ts).
 */
import { readFileSync } from 'node:fs';
import { ownEntry } from '../../domain/index.ts';

/** model.json: plain numbers, so the file can be read, diffed and rebuilt byte for byte. */
export interface SectionModel {
  format: 1;
  /** What the model was trained on, for people reading the file. */
  trainedOn: string;
  /** The desks the model knows, in the order of every weight array below. */
  sections: string[];
  /** log P(section) in the training stories. */
  logPriors: number[];
  /** Multiplies the length-normalised evidence so the probabilities fit the training stories (see train.ts). */
  evidenceScale: number;
  /** term → [idf, weight per section]; weights are log P(term | section), centred on their mean over sections. */
  terms: Record<string, number[]>;
}

export const MODEL_FILE = new URL('./model.json', import.meta.url);

export function loadSectionModel(file: URL | string = MODEL_FILE): SectionModel {
  const model = JSON.parse(readFileSync(file, 'utf8')) as SectionModel;
  if (model.format !== 1 || model.sections.length !== model.logPriors.length) {
    throw new Error(`section model ${String(file)} is not a format-1 model; rebuild it with train.ts`);
  }
  // No prototype: a story containing the word "constructor" must not find Object's method as a term.
  model.terms = Object.assign(Object.create(null) as Record<string, number[]>, model.terms);
  return model;
}

/**
 * TF-IDF vector of an article over the model's vocabulary, scaled to unit length so a long story is not more
 * certain than a short one merely for having more words.
 */
export function tfidfVector(
  counts: ReadonlyMap<string, number>,
  idfOf: (term: string) => number | undefined,
): Map<string, number> {
  const vector = new Map<string, number>();
  let squares = 0;
  for (const [term, count] of counts) {
    const idf = idfOf(term);
    if (idf === undefined) continue;
    const value = Math.log1p(count) * idf;
    vector.set(term, value);
    squares += value * value;
  }
  const norm = Math.sqrt(squares);
  if (norm > 0) for (const [term, value] of vector) vector.set(term, value / norm);
  return vector;
}

/** Log-scores of each of the model's sections (unnormalised log posteriors). */
export function learnedLogScores(model: SectionModel, counts: ReadonlyMap<string, number>): number[] {
  const vector = tfidfVector(counts, (term) => ownEntry(model.terms, term)?.[0]);
  const scores = [...model.logPriors];
  for (const [term, value] of vector) {
    const entry = ownEntry(model.terms, term)!;
    for (let s = 0; s < scores.length; s++) scores[s]! += model.evidenceScale * value * entry[s + 1]!;
  }
  return scores;
}

/** exp-normalises log-scores into probabilities that sum to 1. */
export function softmax(logScores: readonly number[]): number[] {
  const top = Math.max(...logScores);
  const exps = logScores.map((score) => Math.exp(score - top));
  const total = exps.reduce((sum, value) => sum + value, 0);
  return exps.map((value) => value / total);
}

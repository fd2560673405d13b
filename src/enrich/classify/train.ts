/**
 * Rebuilds model.json from the labelled Wikinews stories: `npx tsx src/enrich/classify/train.ts`.
 * Only the training split is read (labelledData.ts fixes it by id); the held-out stories are what the bench
 * and the tests measure on. Same data in, same bytes out: terms are sorted and weights rounded.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readLabelledStories, splitStories, type LabelledStory } from './labelledData.ts';
import { MODEL_FILE, learnedLogScores, softmax, tfidfVector, type SectionModel } from './model.ts';
import { articleTerms } from './terms.ts';

/** A term must stand in this many training stories: rarer ones are names and typos that do not generalise. */
const MIN_DOCUMENT_FREQUENCY = 3;
/** Terms kept, the most telling first; keeps model.json well under 1 MB at no measured cost in accuracy. */
const MAX_TERMS = 6000;
/** Laplace smoothing added to every term's weight in every section. */
const SMOOTHING = 0.1;
/** Digits kept in the file: more only adds bytes, fewer starts to move scores. */
const WEIGHT_DECIMALS = 4;
/** Evidence scales tried when fitting probabilities to the training stories (a plain grid: deterministic). */
const EVIDENCE_SCALES = [0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.7, 1, 1.5, 2, 3, 5, 8];

const round = (value: number): number => Number(value.toFixed(WEIGHT_DECIMALS));

export function trainSectionModel(stories: readonly LabelledStory[], trainedOn = 'given stories'): SectionModel {
  // The evidence scale is fitted on stories the weights did not see: on their own training stories naive Bayes
  // weights are far too sure of themselves. One in CALIBRATION_ONE_IN training stories is set aside for it.
  const calibration = stories.filter((story) => calibrationBucket(story.id));
  const fitting = stories.filter((story) => !calibrationBucket(story.id));
  const evidenceScale =
    calibration.length > 0 && fitting.length > 0 ? fitEvidenceScale(countTerms(fitting), calibration) : 1;
  return { ...countTerms(stories), trainedOn, evidenceScale };
}

/** One in this many training stories calibrates the probabilities (see trainSectionModel). */
const CALIBRATION_ONE_IN = 5;

function calibrationBucket(id: string): boolean {
  return createHash('sha1').update(`calibration:${id}`).digest()[0]! % CALIBRATION_ONE_IN === 0;
}

/** The naive Bayes counting itself: priors, idf and per-section term weights, pruned to MAX_TERMS. */
function countTerms(stories: readonly LabelledStory[]): SectionModel {
  const sections = [...new Set(stories.map((story) => story.section))].sort();
  const termCounts = stories.map((story) => articleTerms(story));

  // Document frequency → idf, over the terms common enough to keep.
  const documentFrequency = new Map<string, number>();
  for (const counts of termCounts) {
    for (const term of counts.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const idf = new Map<string, number>();
  for (const [term, df] of documentFrequency) {
    if (df >= MIN_DOCUMENT_FREQUENCY) idf.set(term, round(Math.log(stories.length / df)));
  }

  // Summed TF-IDF mass of each term per section.
  const mass = new Map<string, number[]>();
  const sectionTotals = sections.map(() => 0);
  stories.forEach((story, i) => {
    const s = sections.indexOf(story.section);
    for (const [term, value] of tfidfVector(termCounts[i]!, (t) => idf.get(t))) {
      let row = mass.get(term);
      if (!row) mass.set(term, (row = sections.map(() => 0)));
      row[s]! += value;
      sectionTotals[s]! += value;
    }
  });

  // log P(term | section), centred per term; a term is worth keeping as far as its weights differ.
  const vocabularySize = mass.size;
  const weighted = [...mass].map(([term, row]) => {
    const logs = row.map((value, s) => Math.log((value + SMOOTHING) / (sectionTotals[s]! + SMOOTHING * vocabularySize)));
    const mean = logs.reduce((sum, value) => sum + value, 0) / logs.length;
    const centred = logs.map((value) => value - mean);
    const spread = Math.max(...centred) - Math.min(...centred);
    return { term, centred, worth: spread * Math.sqrt(documentFrequency.get(term)!) };
  });
  weighted.sort((a, b) => b.worth - a.worth || (a.term < b.term ? -1 : 1));
  const kept = weighted.slice(0, MAX_TERMS).sort((a, b) => (a.term < b.term ? -1 : 1));

  const terms: Record<string, number[]> = {};
  for (const { term, centred } of kept) terms[term] = [idf.get(term)!, ...centred.map(round)];
  const logPriors = sections.map((section) =>
    round(Math.log(stories.filter((story) => story.section === section).length / stories.length)),
  );
  return { format: 1, trainedOn: '', sections, logPriors, evidenceScale: 1, terms };
}

/** The scale under which the calibration stories are most probable: turns raw evidence into usable probabilities. */
function fitEvidenceScale(model: SectionModel, calibration: readonly LabelledStory[]): number {
  const termCounts = calibration.map((story) => articleTerms(story));
  let best = { scale: EVIDENCE_SCALES[0]!, logLikelihood: -Infinity };
  for (const scale of EVIDENCE_SCALES) {
    const trial = { ...model, evidenceScale: scale };
    let logLikelihood = 0;
    calibration.forEach((story, i) => {
      const probabilities = softmax(learnedLogScores(trial, termCounts[i]!));
      const truth = model.sections.indexOf(story.section);
      // A desk the fitting stories never saw cannot be scored here.
      if (truth >= 0) logLikelihood += Math.log(probabilities[truth]!);
    });
    if (logLikelihood > best.logLikelihood) best = { scale, logLikelihood };
  }
  return best.scale;
}

/** model.json's bytes: one term per line so a retrain shows as a readable diff. */
export function serializeSectionModel(model: SectionModel): string {
  const { terms, ...header } = model;
  const lines = Object.keys(terms).map((term) => `    ${JSON.stringify(term)}: ${JSON.stringify(terms[term])}`);
  const head = JSON.stringify(header, null, 2).replace(/\n}$/, '');
  return `${head},\n  "terms": {\n${lines.join(',\n')}\n  }\n}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { training, heldOut } = splitStories(readLabelledStories());
  const model = trainSectionModel(training, `Wikinews demo corpus, training split (${training.length} stories)`);
  const bytes = serializeSectionModel(model);
  writeFileSync(MODEL_FILE, bytes);
  console.log(
    `model.json: ${Object.keys(model.terms).length} terms, ${model.sections.join('/')}, ` +
      `${training.length} training stories (${heldOut.length} held out), ${(bytes.length / 1024).toFixed(0)} KB`,
  );
}

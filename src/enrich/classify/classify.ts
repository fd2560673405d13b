/**
 * Which desk a story belongs to. Two kinds of evidence, kept apart because they are of different worth:
 *
 *   learned  model.json, naive Bayes trained on labelled Wikinews stories: Business and Politics, the only
 *            desks with labelled data we may ship a model of (see README.md in this folder)
 *   seeded   seedLexicon.json, words the newsroom wrote down for every other desk; a story goes to such a desk
 *            when those words are dense enough in it (SEED_THRESHOLD), the more surely the denser
 *
 * Each seeded desk competes with the learned desks as a group: its log-odds against them is
 * SEED_SLOPE × (density − SEED_THRESHOLD); the learned model then shares the group's probability among its own
 * desks. A learned desk may also have supporting terms (seedLexicon.json), which add to its log-odds where
 * its training stories are thin. A feed's section setting overrides all of this; that is the caller's to apply.
 */
import { seedDensities, loadSeedLexicon, type SeedLexicon } from './lexicon.ts';
import { learnedLogScores, loadSectionModel, softmax, type SectionModel } from './model.ts';
import { articleTerms } from './terms.ts';
import { ownEntry } from '../../domain/index.ts';

export interface SectionScore {
  section: string;
  probability: number;
}

export interface Classification {
  section: string;
  confidence: number;
  /** Every candidate desk, most probable first; probabilities sum to 1. */
  scores: SectionScore[];
}

export interface ClassifyOptions {
  /**
   * The editor's list of desks: only these are candidates (matched without regard to case; "Sport" = "Sports").
   * Missing or empty: the demo desks.
   */
  sections?: readonly string[];
}

/** The demo site's desks, in nav order. */
export const DEMO_SECTIONS: readonly string[] = [
  'World', 'Politics', 'Business', 'Technology', 'Science', 'Health', 'Sports', 'Security', 'Entertainment',
];

/**
 * Seed-term occurrences per 100 words at which a seeded desk is as likely as the learned desks together. Set by
 * looking at the training split: Business and Politics stories mostly stay under 1.5 for every seeded desk
 * (90th percentiles), while sport, entertainment and technology stories run at 5–8 for their own.
 */
const SEED_THRESHOLD = 3;
/** Log-odds gained per extra seed term per 100 words: two terms above the threshold is about 88 % sure. */
const SEED_SLOPE = 1;

/**
 * Log-odds a learned desk gains per supporting term per 100 words: half a seeded desk's, since the model already
 * speaks for the desk. Chosen among 0, 0.5 and 1 on the BBC dev part (Politics recall there rose from 72 % to
 * the high 80s without costing Wikinews held-out accuracy).
 */
const SUPPORT_SLOPE = 0.5;

/** Names an editor may use for the same desk. */
const ALIASES: Record<string, string> = { sport: 'sports' };

const canonical = (name: string): string => {
  const key = name.trim().toLowerCase();
  return ownEntry(ALIASES, key) ?? key;
};

let loaded: { model: SectionModel; lexicon: SeedLexicon } | null = null;

/** The model and lexicon files, read once on first use. */
function classifierData(): { model: SectionModel; lexicon: SeedLexicon } {
  loaded ??= { model: loadSectionModel(), lexicon: loadSeedLexicon() };
  return loaded;
}

export function classifySection(
  article: { headline: string; text: string },
  options: ClassifyOptions = {},
): Classification {
  const { model, lexicon } = classifierData();
  const candidates = distinctDesks(options.sections?.length ? options.sections : DEMO_SECTIONS);
  const counts = articleTerms(article);

  // Learned desks among the candidates, their probabilities renormalised over the ones the editor kept.
  const learned = candidates.flatMap((name) => {
    const index = model.sections.findIndex((section) => canonical(section) === canonical(name));
    return index >= 0 ? [{ name, index }] : [];
  });
  const learnedScores = learnedLogScores(model, counts);
  const learnedShares = softmax(learned.map(({ index }) => learnedScores[index]!));

  const byName = (densities: Map<string, number>): Map<string, number> =>
    new Map([...densities].map(([section, density]) => [canonical(section), density]));
  const seededDensity = byName(seedDensities(lexicon.sections, counts));
  const supportDensity = byName(seedDensities(lexicon.supporting, counts));

  const names: string[] = [];
  const logits: number[] = [];
  learned.forEach(({ name }, i) => {
    names.push(name);
    const support = supportDensity.get(canonical(name)) ?? 0;
    logits.push(Math.log(learnedShares[i]!) + SUPPORT_SLOPE * support);
  });
  for (const name of candidates) {
    const density = seededDensity.get(canonical(name));
    if (density === undefined || learned.some((desk) => canonical(desk.name) === canonical(name))) continue;
    names.push(name);
    logits.push(SEED_SLOPE * (density - SEED_THRESHOLD));
  }
  return rank(names, logits, candidates);
}

/** The editor's list with a desk named twice ("Sport", "sports") kept once, as first spelled. */
function distinctDesks(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => !seen.has(canonical(name)) && seen.add(canonical(name)));
}

/**
 * Probabilities, most probable first. A desk with neither data nor seed terms cannot be scored; if no candidate
 * can, every candidate is equally likely (no evidence) and the first listed is chosen.
 */
function rank(names: readonly string[], logits: readonly number[], candidates: readonly string[]): Classification {
  let scores: SectionScore[];
  if (names.length === 0) {
    scores = candidates.map((section) => ({ section, probability: 1 / candidates.length }));
  } else {
    const probabilities = softmax(logits);
    scores = names.map((section, i) => ({ section, probability: probabilities[i]! }));
    for (const section of candidates) if (!names.includes(section)) scores.push({ section, probability: 0 });
    scores.sort((a, b) => b.probability - a.probability);
  }
  const best = scores[0] ?? { section: '', probability: 0 };
  return { section: best.section, confidence: best.probability, scores };
}

/**
 * The hand-written part of the section classifier, for desks that have no labelled stories (World, Security,
 * Technology, Science, Health, Sports, Entertainment): seedLexicon.json lists each desk's telling words, and a
 * story's evidence for the desk is how densely they stand in it. Kept apart from the learned model so nobody
 * mistakes a list a person wrote for weights learned from data.
 */
import { readFileSync } from 'node:fs';
import { NUMBER_TOKEN, contentWords } from './terms.ts';

export interface SeedLexicon {
  /** Seeded desk → its seed terms, stemmed like the model's terms ("air base" → "air base", "troops" → "troop"). */
  sections: Map<string, Set<string>>;
  /** Learned desk → terms that add to the model's evidence where its training stories are thin. */
  supporting: Map<string, Set<string>>;
}

export const SEED_LEXICON_FILE = new URL('./seedLexicon.json', import.meta.url);

/**
 * One word repeated is one topic mentioned often, not many signs of the desk: a term adds at most this many
 * occurrences ("Apple" twenty times in a results story should not make it Technology on its own).
 */
const MAX_OCCURRENCES_PER_TERM = 3;

/** Stories shorter than this many words are scored as if this long, so a two-line brief is not all evidence. */
const MIN_SCORED_WORDS = 60;

export function loadSeedLexicon(file: URL | string = SEED_LEXICON_FILE): SeedLexicon {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as {
    sections: Record<string, string[]>;
    supporting?: Record<string, string[]>;
  };
  return { sections: stemLists(raw.sections), supporting: stemLists(raw.supporting ?? {}) };
}

function stemLists(lists: Record<string, string[]>): Map<string, Set<string>> {
  const stemmed = new Map<string, Set<string>>();
  for (const [section, phrases] of Object.entries(lists)) {
    const terms = new Set<string>();
    for (const phrase of phrases) {
      const words = contentWords(phrase);
      // Numbers fold into one token ("3G" → "#num"): alone, it would match every figure in every story.
      if (words.length === 1 && words[0] === NUMBER_TOKEN) {
        throw new Error(`seed term "${phrase}" (${section}) reads as a bare number; write it as a phrase`);
      }
      // Terms are at most two words long (the model's bigrams); a longer phrase stands as its word pairs.
      if (words.length <= 2) terms.add(words.join(' '));
      else for (let i = 1; i < words.length; i++) terms.add(`${words[i - 1]} ${words[i]}`);
    }
    terms.delete('');
    stemmed.set(section, terms);
  }
  return stemmed;
}

/**
 * Seed-term occurrences per 100 words of the story, for each desk of `lists` (a lexicon's `sections` or
 * `supporting`). `counts` are the story's terms
 * (terms.ts articleTerms: headline counted several times).
 */
export function seedDensities(
  lists: ReadonlyMap<string, ReadonlySet<string>>,
  counts: ReadonlyMap<string, number>,
): Map<string, number> {
  let words = 0;
  for (const [term, count] of counts) if (!term.includes(' ')) words += count;
  const scoredWords = Math.max(words, MIN_SCORED_WORDS);
  const densities = new Map<string, number>();
  for (const [section, terms] of lists) {
    let hits = 0;
    for (const term of terms) hits += Math.min(counts.get(term) ?? 0, MAX_OCCURRENCES_PER_TERM);
    densities.set(section, (100 * hits) / scoredWords);
  }
  return densities;
}

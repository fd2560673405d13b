/**
 * One compromise reading per sentence, shared by the tense rules and the statement rules: tagging is the
 * costly part of a timeline, and a sentence with three dates would otherwise be tagged six times. The terms
 * are read straight from compromise's document (its JSON output costs more than the tagging). The cache is
 * small and per process; it only spares repeats within an article and across its retellings.
 */
import nlp from 'compromise';
import type { Span } from './words.ts';

export interface Term extends Span {
  text: string;
  tags: ReadonlySet<string>;
  /** What follows the word before the next one: ", " ends a phrase. */
  post: string;
}

/** Sentences kept: more than one long article's dated sentences, few enough to stay small. */
const CACHED_SENTENCES = 256;
const cache = new Map<string, Term[]>();

/** Verbs of markets and counts that compromise reads as nouns ("Investment rose by 19%"). */
const MOVEMENT_VERBS = '(rose|soared|slumped|plunged|dipped|jumped|surged|tumbled)';

interface CompromiseTerm {
  text: string;
  post: string;
  tags: Set<string>;
}

export function termsOf(sentence: string): Term[] {
  const cached = cache.get(sentence);
  if (cached) return cached;
  const doc = nlp(sentence);
  doc.match(MOVEMENT_VERBS).tag('PastTense');
  const terms: Term[] = [];
  let cursor = 0;
  for (const term of (doc as unknown as { docs: CompromiseTerm[][] }).docs.flat()) {
    if (!term.text) continue;
    const start = sentence.indexOf(term.text, cursor);
    if (start < 0) continue; // compromise normalised the word; it has no place in the sentence to cut from
    cursor = start + term.text.length;
    terms.push({ text: term.text, start, end: cursor, tags: term.tags, post: term.post });
  }
  if (cache.size >= CACHED_SENTENCES) cache.clear();
  cache.set(sentence, terms);
  return terms;
}

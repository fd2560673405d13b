/**
 * Which way a sentence looks from its publication date: back ("rose in January"), forward ("will vote in
 * January") or at the present ("holds its caucus on Monday"). compromise tags the verbs and their tense; the
 * verb nearest a date mention decides for that mention, since one sentence can tell a past fact and a plan
 * ("said on Friday it will cut jobs in March": Friday is the saying's, March the plan's).
 */
import { termsOf, type Term } from './parsed.ts';

export type Tense = 'past' | 'present' | 'future';

interface TensedVerb {
  start: number;
  end: number;
  tense: Tense;
}

/** Words that put a clause in the future where compromise sees a present or an infinitive ("is set to", "plans to"). */
const FUTURE_MARKERS =
  /\b(?:will|shall|won't|'ll|’ll|to be held|to take place|(?:is|are) (?:set|due|expected|scheduled|planned|going) to|plans to|intends to|aims to|scheduled for|set for|due (?:on|in|by)|upcoming|next|(?:may|might|should|could|must) (?!have\b))/i;

/** A dash or bracket aside ("the Eurogroup -- that is, those which use the euro --"): its verbs are not the clause's. */
const ASIDE = /\s(?:--|—)\s[^]*?\s(?:--|—)\s|\([^)]*\)/g;

/** The verb groups of a sentence ("will vote", "had been killed", "rose"), in text order, with their tense. */
export function tensedVerbs(sentence: string): TensedVerb[] {
  const verbs: TensedVerb[] = [];
  let group: Term[] = [];
  const close = () => {
    const tense = groupTense(group);
    if (tense) verbs.push({ start: group[0]!.start, end: group.at(-1)!.end, tense });
    group = [];
  };
  for (const term of termsOf(sentence)) {
    const inGroup = term.tags.has('Verb') || term.tags.has('Negative') || (group.length > 0 && term.tags.has('Adverb'));
    if (inGroup && !term.tags.has('Gerund')) group.push(term);
    else if (group.length) close();
    if (group.length && /[,;:.!?]/.test(term.post)) close();
  }
  if (group.length) close();
  return verbs;
}

function groupTense(group: readonly Term[]): Tense | null {
  if (!group.some((t) => t.tags.has('Verb'))) return null;
  if (group.some((t) => /^(?:will|shall|won't|'ll|’ll)$/i.test(t.text))) return 'future';
  if (group.some((t) => t.tags.has('PastTense') || /^(?:had|was|were|did)$/i.test(t.text))) return 'past';
  return 'present';
}

/**
 * The tense that governs the words at `at` (a date mention's offsets): the nearest tensed verb of the same
 * clause, else of the sentence; a future marker beside the mention's verb wins. Null when no verb is found.
 */
export function tenseAt(sentence: string, at: { start: number; end: number }): Tense | null {
  const clause = clauseOf(sentence, at);
  const text = sentence.slice(clause.start, clause.end);
  const asides = [...sentence.matchAll(ASIDE)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const verbs = tensedVerbs(sentence).filter((v) => !asides.some((a) => a.start <= v.start && v.end <= a.end));
  const inClause = verbs.filter((v) => v.start >= clause.start && v.end <= clause.end);
  const nearest = closest(inClause.length ? inClause : verbs, at);
  const markers = [...text.matchAll(new RegExp(FUTURE_MARKERS.source, 'gi'))].map((m) => ({
    start: clause.start + m.index,
    end: clause.start + m.index + m[0].length,
  }));
  // "to be held" is tagged as a participle: the marker around the verb says what it is.
  if (nearest && markers.some((m) => m.start < nearest.end && nearest.start < m.end)) return 'future';
  if (markers.length && nearest?.tense !== 'past') return 'future';
  return nearest?.tense ?? null;
}

function closest(verbs: readonly TensedVerb[], at: { start: number; end: number }): TensedVerb | null {
  const distance = (v: TensedVerb) => (v.end <= at.start ? at.start - v.end : v.start >= at.end ? v.start - at.end : 0);
  return [...verbs].sort((a, b) => distance(a) - distance(b))[0] ?? null;
}

/** The clause around a span: from the last clause break before it to the next after it. */
function clauseOf(sentence: string, at: { start: number; end: number }): { start: number; end: number } {
  const BREAK = /[;:—–]|\s--\s|,\s+(?:and|but|while|although|though|whereas|after|before|when|as)\b|\b(?:but|while|although|whereas)\b/g;
  let start = 0;
  let end = sentence.length;
  for (const match of sentence.matchAll(BREAK)) {
    if (match.index + match[0].length <= at.start) start = match.index + match[0].length;
    else if (match.index >= at.end) {
      end = match.index;
      break;
    }
  }
  return { start, end };
}

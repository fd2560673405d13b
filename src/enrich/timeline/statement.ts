/**
 * A timeline entry reads as a short statement of what happened, cut from its sentence: who (the subject),
 * did what (the verb) to what (the object and its first phrase) — "Iran launched a ballistic-missile strike
 * on US forces", "US forces withdrew". compromise tags the words; the rules here pick the clause's main verb
 * (not a verb of saying when the sentence reports something else), walk back for its subject and forward for
 * its object, and stop at dates, clause breaks and the next clause. Every piece is a slice of the sentence.
 */
import { termsOf, type Term } from './parsed.ts';
export { termsOf };
import type { Span } from './words.ts';


/** Verbs of saying and their forms: the news is what they introduce, not the saying itself. */
const SPEECH_VERBS = new Set(
  (
    'say says said tell tells told announce announces announced report reports reported confirm confirms confirmed ' +
    'state states stated declare declares declared add adds added claim claims claimed note notes noted ' +
    'explain explains explained write writes wrote according'
  ).split(' '),
);
/** Words after which an object phrase ends: a new clause begins. */
const OBJECT_STOPS = new Set(
  'that which who whom whose when where while although though because after before since as if unless until but and or according'.split(' '),
);
/** The most words kept on each side of the verb: a statement names the fact, the sentence beside it tells it. */
const MAX_SUBJECT_WORDS = 5;
const MAX_OBJECT_WORDS = 7;
const SUBJECT_TAGS = ['Noun', 'Adjective', 'Determiner', 'Value', 'Acronym', 'Possessive', 'Pronoun'];
const SMALL_WORDS = new Set('the a an of in on at to for with by from and or its their his her this that'.split(' '));
/** Words a subject does not start with: a preposition or a conjunction belongs to what stands before it. */
const NOT_SUBJECT_START = new Set('of in on at to for with by from and or that'.split(' '));



/** Words of a run as a reader counts them: "23-year-old" is one. */
const wordCount = (run: readonly Term[]) => run.filter((t) => !t.post.endsWith('-')).length;
const isVerb = (t: Term) => t.tags.has('Verb') && !t.tags.has('Gerund') && !t.tags.has('Participle') || t.tags.has('Auxiliary') || t.tags.has('Modal');
const isSpeech = (t: Term) => SPEECH_VERBS.has(t.text.toLowerCase());
const endsPhrase = (t: Term) => /[,;:.!?)"”]/.test(t.post);

/**
 * The statement of the clause `clause` of `sentence`, leaving out the words of `dates`; null when the clause
 * has no verb with a subject or an object to make one.
 */
export function statementFor(sentence: string, terms: readonly Term[], clause: Span, dates: readonly Span[]): string | null {
  const inside = terms.filter((t) => t.start >= clause.start && t.end <= clause.end);
  const verbAt = mainVerb(inside, dates[0] ?? null);
  if (verbAt < 0) return null;
  const all = verbAt < inside.length && inside[verbAt] ? inside : terms;
  const verbIndex = all === inside ? verbAt : terms.indexOf(inside[verbAt]!);
  const dateSpans = dates.map((d) => withLead(sentence, d));
  const isDate = (t: Term) => dateSpans.some((d) => t.start < d.end && d.start < t.end);
  let first = verbIndex;
  while (first > 0 && (all[first - 1]!.tags.has('Auxiliary') || all[first - 1]!.tags.has('Modal') || all[first - 1]!.tags.has('Negative') || (all[first - 1]!.tags.has('Adverb') && !endsPhrase(all[first - 1]!)))) first--;
  let last = verbIndex;
  while (last + 1 < all.length && !endsPhrase(all[last]!) && ((all[last + 1]!.tags.has('Particle') && !isDate(all[last + 1]!)) || (all[last + 1]!.tags.has('Verb') && isVerb(all[last]!) && all[last]!.tags.has('Auxiliary')))) last++;
  const subject = subjectBefore(all, first, isDate);
  // "The plant opened in March 2015 and closed in December 2019": the second verb shares the first's subject.
  if (!subject.length && first > 0 && ['and', 'but', 'or'].includes(all[first - 1]!.text.toLowerCase())) {
    let previousVerb = first - 2;
    while (previousVerb >= 0 && !(isVerb(all[previousVerb]!) && !all[previousVerb]!.tags.has('Auxiliary'))) previousVerb--;
    if (previousVerb >= 0) subject.push(...subjectBefore(all, previousVerb, isDate));
  }
  const object = objectAfter(all, last, isDate);
  if (!subject.length && !object.length) return null;
  const pieces = [subject, all.slice(first, last + 1), object].filter((p) => p.length);
  return pieces.map((p) => wholeWords(sentence, p[0]!.start, p[p.length - 1]!.end)).join(' ').replace(/[,;:]+$/, '');
}

/** compromise splits "three-decade" in two; a label shows whole words of the sentence. */
function wholeWords(sentence: string, start: number, end: number): string {
  while (start > 0 && /[\p{L}\p{N}-]/u.test(sentence[start - 1]!)) start--;
  while (end < sentence.length && /[\p{L}\p{N}]/u.test(sentence[end]!) || (sentence[end] === '-' && /[\p{L}\p{N}]/u.test(sentence[end + 1] ?? ''))) end++;
  return sentence.slice(start, end);
}

/** A date with the words that lead into it ("murdered last October", "returned in 2014"): none of them is the event's. */
const DATE_LEAD = /\b(?:(?:in|on|at|by|since|during|from|until)\s+)?(?:(?:last|next|this|early|late|mid|the)[\s-]+)?$/i;

function withLead(sentence: string, date: Span): Span {
  const lead = DATE_LEAD.exec(sentence.slice(0, date.start));
  return { start: lead ? lead.index : date.start, end: date.end };
}

/** The clause's main verb: the first tensed verb that is not a verb of saying, else the first verb. */
function mainVerb(clause: readonly Term[], date: Span | null): number {
  const verbs = clause
    .map((t, i) => ({ t, i }))
    .filter(({ t }) => t.tags.has('Verb') && !['Auxiliary', 'Modal', 'Gerund', 'Particle'].some((tag) => t.tags.has(tag)))
    .filter(({ i }) => !pluralNounReadAsVerb(clause, i));
  const events = verbs.filter(({ t }) => !isSpeech(t));
  // "entered politics in 1946 and served as minister from 1967": the verb just before a date is its event's.
  const beforeDate = date ? events.filter(({ t }) => t.end <= date.start).at(-1) : undefined;
  return (beforeDate ?? events[0] ?? verbs[0])?.i ?? -1;
}

/** "US forces withdrew", "US forces have completed": a plural noun after a noun, before the real verb. */
function pluralNounReadAsVerb(terms: readonly Term[], i: number): boolean {
  const t = terms[i]!;
  const before = terms[i - 1];
  const after = terms[i + 1];
  if (t.tags.has('Copula') || !/[^s]s$/i.test(t.text) || t.text.length < 4 || !before || endsPhrase(before) || !before.tags.has('Noun') || before.tags.has('Pronoun')) return false;
  // "a strike on US forces at Al-Asad": a noun after a preposition or a determiner starts a noun phrase.
  const opener = terms[i - 2];
  if (opener && (opener.tags.has('Preposition') || opener.tags.has('Determiner'))) return true;
  return Boolean(after && (after.tags.has('Verb') || after.tags.has('Auxiliary') || after.tags.has('Modal')));
}

/** Words an appositive may run to ("Don Blankenship, the Constitution Party's 2020 presidential nominee, answered"). */
const MAX_APPOSITIVE_TERMS = 10;

function subjectBefore(terms: readonly Term[], verb: number, isDate: (t: Term) => boolean): Term[] {
  const run = subjectRun(terms, verb, verb - 1, isDate);
  if (run.length || !/^,/.test(terms[verb - 1]?.post ?? '')) return run;
  // The subject stands before an appositive set off by commas: skip the appositive, keep the name.
  for (let i = verb - 2; i >= Math.max(0, verb - 1 - MAX_APPOSITIVE_TERMS); i--) {
    if (/^,/.test(terms[i]!.post)) return subjectRun(terms, verb, i, isDate, true).filter(isNamePart).length ? subjectRun(terms, verb, i, isDate, true) : [];
  }
  return run;
}

/** The subject's words, walking back from `from`; `commaAfterFirst` lets the first word end the appositive's comma. */
function subjectRun(terms: readonly Term[], verb: number, from: number, isDate: (t: Term) => boolean, commaAfterFirst = false): Term[] {
  const run: Term[] = [];
  for (let i = from; i >= 0 && wordCount(run) < MAX_SUBJECT_WORDS; i--) {
    const t = terms[i]!;
    // "an attack in 2024 reportedly injured": the date phrase stands between the subject and its verb.
    if (isDate(t) && !run.length && !endsPhrase(t)) continue;
    if ((endsPhrase(t) && !(commaAfterFirst && i === from)) || isDate(t)) break;
    const lower = t.text.toLowerCase();
    if (!SUBJECT_TAGS.some((tag) => t.tags.has(tag)) && !['of', 'and', '&'].includes(lower) && !(t.tags.has('Verb') && /s$/.test(lower) && i > 0 && terms[i - 1]!.tags.has('Noun'))) break;
    if (t.tags.has('Pronoun') && run.length) break;
    run.unshift(t);
  }
  while (run.length && NOT_SUBJECT_START.has(run[0]!.text.toLowerCase())) run.shift();
  return run;
}

const isNamePart = (t: Term) => t.tags.has('ProperNoun') || /^\p{Lu}/u.test(t.text) && t.tags.has('Noun');

function objectAfter(terms: readonly Term[], verb: number, isDate: (t: Term) => boolean): Term[] {
  const run: Term[] = [];
  if (endsPhrase(terms[verb]!)) return run;
  for (let i = verb + 1; i < terms.length && wordCount(run) < MAX_OBJECT_WORDS; i++) {
    const t = terms[i]!;
    const lower = t.text.toLowerCase().replace(/[^\p{L}\p{N}%-]/gu, '');
    // "returned in 2014 at Baghdad’s request": a date right after the verb is skipped, not an end.
    if (isDate(t) && !run.length && !endsPhrase(t)) continue;
    if (isDate(t) || OBJECT_STOPS.has(lower)) break;
    // A tensed verb starts the next clause, unless it is a plural noun read as a verb ("US forces").
    if (isVerb(t) && !(terms[i - 1]?.tags.has('Noun') && /s$/.test(lower)) && !t.tags.has('Infinitive')) break;
    run.push(t);
    if (endsPhrase(t)) break;
  }
  // "lost the nomination to businessman Rocky De La Fuente": a name is never cut in two.
  for (let i = terms.indexOf(run.at(-1)!) + 1; run.length && isNamePart(run.at(-1)!) && !endsPhrase(run.at(-1)!) && i < terms.length && isNamePart(terms[i]!); i++) {
    run.push(terms[i]!);
  }
  while (run.length && (SMALL_WORDS.has(run.at(-1)!.text.toLowerCase().replace(/[^\p{L}]/gu, '')) || isDate(run.at(-1)!))) run.pop();
  return run;
}

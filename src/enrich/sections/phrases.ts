/**
 * Noun phrases and names of a section, found by a small chunker rather than a full tagger: compromise's
 * tagger gives good phrases but costs ~17 ms for a 250-word article, several times our whole budget, so we
 * read only its lexicon (a plain word → tag table) and chunk runs of nouns and adjectives between function
 * words, verbs and punctuation. A heading needs a phrase that reads well, not a parse, and this is ~50× faster.
 */
import nlp from 'compromise';
import { isNameWord, STOP_WORDS, type Word } from './words.ts';
import { ownEntry } from '../../domain/index.ts';

export interface Phrase {
  /** The words, as written in the section. */
  words: Word[];
  /** True when every word is a name word ("Harir Air Base"). */
  isName: boolean;
}

/** Longest heading we build, in words. */
export const MAX_PHRASE_WORDS = 6;

type Role = 'break' | 'verb' | 'adjective' | 'noun';

const LEXICON = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;

const BREAK_TAGS = new Set([
  'Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'Possessive', 'Copula', 'Modal', 'Auxiliary',
  'Negative', 'QuestionWord', 'Adverb', 'Value', 'TextValue', 'Ordinal', 'Cardinal', 'Reflexive', 'Condition',
  'Expression', 'Comparative', 'Superlative',
]);
const VERB_TAGS = new Set(['PastTense', 'PresentTense', 'Infinitive', 'Gerund', 'Participle', 'Verb', 'PhrasalVerb', 'Imperative']);
/** Lower-case words that stand inside names: "Ministry of Defense", "Dominique de Villepin", "Harakat al-Nujaba". */
const NAME_PARTICLES = new Set(['of', 'de', 'da', 'di', 'del', 'la', 'le', 'du', 'van', 'von', 'der', 'den', 'bin', 'al', 'el']);

/** Words after which a verb-looking word is a noun: "the strike", "a target", "its return". */
const NOUN_MARKERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'this', 'that', 'these', 'those']);

function lexiconTags(lower: string): string[] {
  const entry = ownEntry(LEXICON, lower);
  if (entry === undefined) return [];
  return (Array.isArray(entry) ? entry : [entry]).flatMap((tag) => tag.split(','));
}

function roleOf(word: Word, previous: Word | undefined): Role {
  const lower = word.text.toLowerCase();
  if (/^[\p{N}.,\-–]+$/u.test(word.text)) return 'break';
  const tags = lexiconTags(lower);
  if (isNameWord(word) && !tags.some((tag) => BREAK_TAGS.has(tag))) return 'noun';
  if (STOP_WORDS.has(lower) || tags.some((tag) => BREAK_TAGS.has(tag))) return 'break';
  // "to help", "to reshape": after "to" a bare word is a verb, whatever the lexicon lists first.
  if (previous?.text.toLowerCase() === 'to' && !word.afterBreak && !isNameWord(word)) return 'verb';
  const afterMarker = previous !== undefined && !word.afterBreak && NOUN_MARKERS.has(previous.text.toLowerCase());
  if (tags.some((tag) => VERB_TAGS.has(tag))) return afterMarker ? 'noun' : 'verb';
  if (tags.includes('Adjective')) return 'adjective';
  if (tags.length === 0) {
    if (/ly$/.test(lower)) return 'break';
    if (/(?:ed|ing)$/.test(lower) && !afterMarker) return 'verb';
  }
  return 'noun';
}

/**
 * Maximal runs of adjectives and nouns ending in a noun, unbroken by punctuation; "of", "de" and the like may
 * join two names ("Ministry of Defense"). Runs longer than MAX_PHRASE_WORDS keep their last words, where the head noun is.
 */
export function nounPhrases(words: readonly Word[]): Phrase[] {
  const phrases: Phrase[] = [];
  let run: { word: Word; role: Role }[] = [];
  // A run that ends just before a verb ends in its subject's head: "the national average is" — the lexicon
  // lists "average" as an adjective, but here it is the noun.
  const close = (beforeVerb = false): void => {
    if (beforeVerb && run.length > 1 && run[run.length - 1]!.role === 'adjective') run[run.length - 1]!.role = 'noun';
    while (run.length > 0 && run[run.length - 1]!.role !== 'noun') run.pop();
    while (run.length > 0 && NAME_PARTICLES.has(run[0]!.word.text)) run.shift();
    if (run.length > 0) {
      const kept = run.slice(-MAX_PHRASE_WORDS).map((entry) => entry.word);
      phrases.push({ words: kept, isName: kept.every((w) => isNameWord(w) || NAME_PARTICLES.has(w.text)) });
    }
    run = [];
  };
  words.forEach((word, index) => {
    const previous = words[index - 1];
    if (word.afterBreak || word.sentenceStart) close();
    const lower = word.text.toLowerCase();
    const next = words[index + 1];
    if (NAME_PARTICLES.has(word.text) && run.length > 0 && isNameWord(run[run.length - 1]!.word) && next && isNameWord(next) && !next.afterBreak) {
      run.push({ word, role: 'adjective' });
      return;
    }
    const role = roleOf(word, previous);
    if (role === 'noun' || role === 'adjective') run.push({ word, role });
    else close(!word.afterBreak && (role === 'verb' || lexiconTags(lower).some((tag) => tag === 'Copula' || tag === 'Modal')));
  });
  close();
  return phrases;
}

/**
 * An article as the section model sees it: lower-cased, stemmed words with the common function words left
 * out, plus each pair of neighbouring words ("air base", "central bank"), which often says more about the
 * desk than either word alone. Training and classifying both go through here, so they always agree.
 */
import { stem } from './stem.ts';

/** Words that stand in every desk's copy and so say nothing about which desk a story belongs to. */
const STOPWORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing down during each few for from further had has have having ' +
    'he her here hers herself him himself his how i if in into is it its itself just me more most my myself no ' +
    'nor not now of off on once only or other our ours ourselves out over own same she should so some such than ' +
    'that the their theirs them themselves then there these they this those through to too under until up very ' +
    'was we were what when where which while who whom why will with would you your yours yourself yourselves ' +
    'said says say told according also one two three new year years would may might must shall us mr mrs ms'
  ).split(' '),
);

/** Tokens this short (after folding) are initials or stray letters, not words. */
const MIN_WORD_LENGTH = 2;

/** Headline words are counted this many times: a headline names the story's subject in a few words. */
export const HEADLINE_WEIGHT = 3;

/** What every number becomes. */
export const NUMBER_TOKEN = '#num';

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** Lower-cased, stemmed content words of a text, in order; numbers become one token so years don't split the vocabulary. */
export function contentWords(text: string): string[] {
  const words: string[] = [];
  for (const match of text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').matchAll(WORD)) {
    let word = match[0].toLowerCase().replace(/['’]s$/, '').replace(/['’]/g, '');
    if (/^\d/.test(word)) word = NUMBER_TOKEN;
    if (word.length < MIN_WORD_LENGTH || STOPWORDS.has(word)) continue;
    words.push(stem(word));
  }
  return words;
}

/** Unigrams and bigrams of a word list ("us forc" → "us", "forc", "us forc"), adding to `counts`. */
export function addTerms(words: readonly string[], counts: Map<string, number>, weight = 1): void {
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    counts.set(word, (counts.get(word) ?? 0) + weight);
    if (i > 0) {
      const bigram = `${words[i - 1]} ${word}`;
      counts.set(bigram, (counts.get(bigram) ?? 0) + weight);
    }
  }
}

/** Term counts of an article, its headline counted HEADLINE_WEIGHT times. */
export function articleTerms(article: { headline: string; text: string }): Map<string, number> {
  const counts = new Map<string, number>();
  addTerms(contentWords(article.headline), counts, HEADLINE_WEIGHT);
  addTerms(contentWords(article.text), counts);
  return counts;
}

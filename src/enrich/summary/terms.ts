/**
 * The words a sentence is about: lower-cased, function words dropped. Salience and redundancy both compare
 * sentences by these. No stemming: on news copy the same story repeats its key nouns verbatim, and skipping a
 * stemmer keeps the summariser at well under a millisecond per article.
 */

/** English function words (the common NLTK list, plus contractions spelt with a curly apostrophe by the splitter). */
const FUNCTION_WORDS = new Set(
  (
    "i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers herself " +
    "it its itself they them their theirs themselves what which who whom this that these those am is are was were be " +
    "been being have has had having do does did doing a an the and but if or because as until while of at by for with " +
    "about against between into through during before after above below to from up down in out on off over under again " +
    "further then once here there when where why how all any both each few more most other some such no nor not only " +
    "own same so than too very s t can will just don should now d ll m o re ve y ain aren couldn didn doesn hadn hasn " +
    "haven isn ma mightn mustn needn shan shouldn wasn weren won wouldn also would could said says say mr mrs ms"
  ).split(' '),
);

const WORD = /[\p{L}\p{N}]+/gu;

/** Content words of a text, in order, repeats kept. */
export function contentWords(text: string): string[] {
  const words: string[] = [];
  for (const [word] of text.toLowerCase().matchAll(WORD)) {
    if (!FUNCTION_WORDS.has(word)) words.push(word);
  }
  return words;
}

/** How many words a text has, function words included. */
export function wordCount(text: string): number {
  let count = 0;
  for (const _ of text.matchAll(WORD)) count++;
  return count;
}

/** Cosine similarity of two bags of words. */
export function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [word, count] of a) {
    na += count * count;
    dot += count * (b.get(word) ?? 0);
  }
  for (const count of b.values()) nb += count * count;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

export function bagOf(words: readonly string[]): Map<string, number> {
  const bag = new Map<string, number>();
  for (const w of words) bag.set(w, (bag.get(w) ?? 0) + 1);
  return bag;
}

/**
 * The words a story is told in: lower-cased terms without function words, and the capitalised names that
 * tell two look-alike events apart ("Tara Reid enters rehab" vs "Lindsay Lohan enters rehab").
 */

/** Function words and reporting verbs: they appear in every article, so they say nothing about which story. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a an the and or but if of in on at to for from by with as is are was were be been
being it its this that these those he she they we you i his her their our your not no
said says say will would could should can may might has have had do does did than then
there here who whom which what when where why how all any some more most other such
into over after before about against between during up down out off again new
also just one two told year years us him them my me so very while since would
according reported report reports news week day monday tuesday wednesday thursday friday saturday sunday`.split(/\s+/),
);

const WORD = /[a-z0-9]+/g;
/** A capitalised word (or run of them) not at the start of a sentence: most often a name of a person, place or body. */
const NAME = /(?<![.!?"“]\s)(?<!^)\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*/gm;

/** Shorter tokens are initials and numbering, not vocabulary. */
const MIN_TERM_LENGTH = 2;

/** Content terms of a text, in order, lightly stemmed so "arrests" and "arrest" count as one. */
export function contentTerms(text: string): string[] {
  const terms: string[] = [];
  for (const match of text.toLowerCase().matchAll(WORD)) {
    const word = match[0];
    if (word.length < MIN_TERM_LENGTH || STOP_WORDS.has(word)) continue;
    terms.push(stem(word));
  }
  return terms;
}

/** Every word of a text, lower-cased, stop words kept: the raw material of shingles for duplicate detection. */
export function plainWords(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/**
 * Names as slugs ("lindsay-lohan", "promises"): capitalised words inside sentences. Cheap and rough, but a
 * name shared by two articles is far stronger evidence of one story than any common noun.
 */
export function nameSlugs(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(NAME)) {
    const slug = match[0].toLowerCase().replace(/[ -]+/g, '-');
    if (STOP_WORDS.has(slug)) continue;
    names.add(slug);
  }
  return [...names];
}

/** Plural and third-person "s" only: enough to join the common variants without a stemmer's surprises. */
function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  return word;
}

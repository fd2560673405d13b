/**
 * What a reader types into the search box, read as words, "quoted phrases" and prefix* words, and written out
 * again in each engine's query language from those parts alone. The reader's text never reaches MATCH or
 * to_tsquery: every term is made of letters, digits and combining marks only and is quoted, so FTS operators
 * (AND, OR, NOT, NEAR, ^, column:), stray quotes, NUL bytes and emoji are read as text or dropped, never as syntax.
 */

/**
 * One thing a result must contain: a word (prefix: any word that starts with it) or words in this order (prefix:
 * the last of them is a prefix).
 */
export type SearchTerm = { kind: 'word'; word: string; prefix: boolean } | { kind: 'phrase'; words: string[]; prefix: boolean };

export interface ParsedSearch {
  terms: SearchTerm[];
  /** For the reader: what was left out of their query, or why nothing can be searched. */
  notices: string[];
}

/** More words than anyone types; beyond this a query is pasted text, and its first words are searched. */
export const MAX_SEARCH_WORDS = 32;
/** Longer than any word in a dictionary: a longer run of letters is noise, and PostgreSQL refuses to index it. */
export const MAX_WORD_LENGTH = 64;
/** Characters read from the query; a 10 KB paste is cut here before it is parsed. */
export const MAX_QUERY_CHARS = 1_000;
/** `a*` would match a large share of the archive; a prefix needs this many letters to be one. */
const MIN_PREFIX_LENGTH = 2;

/** Letters, digits and combining marks: the characters of a word in both engines' tokenizers. */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
/**
 * Words joined by a hyphen or an apostrophe (straight or typographic, ’): "al-Qaeda", "O'Brien", "Jean-Luc".
 * Both engines index the parts as words side by side, so the parts are searched as a phrase: searched as
 * separate words, "Al-Asad" found any story that mentioned "al-Qaeda" and, anywhere, "Asad".
 */
const NAME = /[\p{L}\p{N}\p{M}]+(?:[-\u2010\u2011'\u2019][\p{L}\p{N}\p{M}]+)*/gu;
/** "Asad's": a possessive, which is the name itself (as a phrase it would miss every plain "Asad"). */
const POSSESSIVE = /['\u2019]s$/iu;
/** A quoted phrase (closed, or running to the end when the quote is never closed), or a run outside quotes. */
const PART = /"([^"]*)"?|[^"]+/g;

/** A name as typed (one word, or words joined as above), and whether a `*` follows it directly. */
interface TypedName {
  words: string[];
  starred: boolean;
}

export function parseSearch(query: string): ParsedSearch {
  const notices: string[] = [];
  let text = query;
  if (text.length > MAX_QUERY_CHARS) {
    text = text.slice(0, MAX_QUERY_CHARS);
    notices.push(`Your search was long, so only its first ${MAX_QUERY_CHARS.toLocaleString('en')} characters were read.`);
  }
  const terms: SearchTerm[] = [];
  let wordCount = 0;
  let tooLong = false;
  let truncated = false;
  /** The words that fit within MAX_SEARCH_WORDS, counted. */
  const withinRoom = (words: readonly string[]) => {
    const room = Math.max(0, MAX_SEARCH_WORDS - wordCount);
    if (words.length > room) truncated = true;
    const kept = words.slice(0, room);
    wordCount += kept.length;
    return kept;
  };
  /** The names of a run of text; a name with a word too long to be one is left out whole. */
  const namesOf = (run: string, { possessives }: { possessives: boolean }): TypedName[] =>
    [...run.matchAll(NAME)].flatMap((match) => {
      const name = possessives ? match[0].replace(POSSESSIVE, '') : match[0];
      const words = (name.match(WORD) ?? []).map((word) => word.toLowerCase());
      if (words.some((word) => word.length > MAX_WORD_LENGTH)) {
        tooLong = true;
        return [];
      }
      return [{ words, starred: run[match.index + match[0].length] === '*' }];
    });

  for (const part of text.matchAll(PART)) {
    const quoted = part[1];
    if (quoted !== undefined) {
      const words = withinRoom(namesOf(quoted, { possessives: false }).flatMap((name) => name.words));
      const term = termOf(words, false);
      if (term) terms.push(term);
      continue;
    }
    for (const name of namesOf(part[0], { possessives: true })) {
      const term = termOf(withinRoom(name.words), name.starred);
      if (term) terms.push(term);
    }
  }

  if (tooLong) notices.push(`Words longer than ${MAX_WORD_LENGTH} characters were left out.`);
  if (truncated) notices.push(`Only the first ${MAX_SEARCH_WORDS} words were searched.`);
  if (terms.length === 0) notices.push('Type a word or two to search for: letters and numbers are searched, other characters are not.');
  return { terms: dedupe(terms), notices };
}

/** One word is a word, more are a phrase; a starred last word is a prefix when it is long enough to be one. */
function termOf(words: readonly string[], starred: boolean): SearchTerm | null {
  const last = words[words.length - 1];
  if (last === undefined) return null;
  const prefix = starred && last.length >= MIN_PREFIX_LENGTH;
  return words.length === 1 ? { kind: 'word', word: last, prefix } : { kind: 'phrase', words: [...words], prefix };
}

/** The same word twice asks nothing more; keeping one keeps the engines' work down. */
function dedupe(terms: SearchTerm[]): SearchTerm[] {
  const seen = new Set<string>();
  return terms.filter((term) => {
    const key = `${term.prefix ? '*' : ''}${term.kind === 'word' ? term.word : `"${term.words.join(' ')}"`}`;
    return !seen.has(key) && seen.add(key);
  });
}

/**
 * FTS5: every term quoted ("…" is a string to FTS5, never an operator) and all of them required. Terms hold
 * no quote character, so none needs escaping.
 */
export function fts5Query(terms: readonly SearchTerm[], column?: string): string {
  const query = terms
    .map((term) => `"${term.kind === 'word' ? term.word : term.words.join(' ')}"${term.prefix ? ' *' : ''}`)
    .join(' AND ');
  // A column filter: every term must match within that column.
  return column === undefined ? query : `${column} : (${query})`;
}

/**
 * PostgreSQL to_tsquery text: each word a quoted lexeme ('word', 'pre':*), phrases joined by <->, all terms by
 * &. to_tsquery then stems them and drops stop words exactly as it did the documents. `inHeadline` labels every
 * lexeme with weight A ('word':A), which the search document gives its headline's words alone
 * (migrations/0008_search.ts): the query then matches within the headline.
 */
export function tsQuery(terms: readonly SearchTerm[], { inHeadline = false } = {}): string {
  const lexeme = (word: string, prefix: boolean) => {
    const label = `${prefix ? '*' : ''}${inHeadline ? 'A' : ''}`;
    return label ? `'${word}':${label}` : `'${word}'`;
  };
  return terms
    .map((term) => {
      if (term.kind === 'word') return lexeme(term.word, term.prefix);
      const last = term.words.length - 1;
      return `(${term.words.map((word, i) => lexeme(word, term.prefix && i === last)).join(' <-> ')})`;
    })
    .join(' & ');
}

/**
 * Every word of the terms, with phrases taken apart ('vote' & 'count' for "vote count"). A GIN index answers
 * this query by itself; for a phrase it can only name candidates, each of which is then checked again from its
 * text (for the headline index, the headline tokenised anew).
 */
export function tsWordsQuery(terms: readonly SearchTerm[]): string {
  const words = terms.flatMap((term): SearchTerm[] => {
    if (term.kind === 'word') return [term];
    const last = term.words.length - 1;
    return term.words.map((word, i) => ({ kind: 'word', word, prefix: term.prefix && i === last }));
  });
  return tsQuery(words);
}

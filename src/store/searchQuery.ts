/**
 * What a reader types into the search box, read as words, "quoted phrases" and prefix* words, and written out
 * again in each engine's query language from those parts alone. The reader's text never reaches MATCH or
 * to_tsquery: every term is made of letters, digits and combining marks only and is quoted, so FTS operators
 * (AND, OR, NOT, NEAR, ^, column:), stray quotes, NUL bytes and emoji are read as text or dropped, never as syntax.
 */

/** One thing a result must contain: a word (prefix: any word that starts with it) or words in this order. */
export type SearchTerm = { kind: 'word'; word: string; prefix: boolean } | { kind: 'phrase'; words: string[] };

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
/** A quoted phrase (closed, or running to the end when the quote is never closed), or a run outside quotes. */
const PART = /"([^"]*)"?|[^"]+/g;

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
  const room = () => wordCount < MAX_SEARCH_WORDS || ((truncated = true), false);
  /** The words of a run of text, each with whether a `*` follows it directly. */
  const wordsOf = (run: string) =>
    [...run.matchAll(WORD)].flatMap((match) => {
      const word = match[0].toLowerCase();
      if (word.length > MAX_WORD_LENGTH) {
        tooLong = true;
        return [];
      }
      return [{ word, starred: run[match.index + match[0].length] === '*' }];
    });

  for (const part of text.matchAll(PART)) {
    const quoted = part[1];
    if (quoted !== undefined) {
      const words = wordsOf(quoted).map((w) => w.word);
      const kept: string[] = [];
      for (const word of words) if (room()) (kept.push(word), wordCount++);
      if (kept.length === 1) terms.push({ kind: 'word', word: kept[0]!, prefix: false });
      else if (kept.length > 1) terms.push({ kind: 'phrase', words: kept });
      continue;
    }
    for (const { word, starred } of wordsOf(part[0])) {
      if (!room()) break;
      terms.push({ kind: 'word', word, prefix: starred && word.length >= MIN_PREFIX_LENGTH });
      wordCount++;
    }
  }

  if (tooLong) notices.push(`Words longer than ${MAX_WORD_LENGTH} characters were left out.`);
  if (truncated) notices.push(`Only the first ${MAX_SEARCH_WORDS} words were searched.`);
  if (terms.length === 0) notices.push('Type a word or two to search for: letters and numbers are searched, other characters are not.');
  return { terms: dedupe(terms), notices };
}

/** The same word twice asks nothing more; keeping one keeps the engines' work down. */
function dedupe(terms: SearchTerm[]): SearchTerm[] {
  const seen = new Set<string>();
  return terms.filter((term) => {
    const key = term.kind === 'word' ? `${term.prefix ? '*' : ''}${term.word}` : `"${term.words.join(' ')}"`;
    return !seen.has(key) && seen.add(key);
  });
}

/**
 * FTS5: every term quoted ("…" is a string to FTS5, never an operator) and all of them required. Terms hold
 * no quote character, so none needs escaping.
 */
export function fts5Query(terms: readonly SearchTerm[], column?: string): string {
  const query = terms
    .map((term) => (term.kind === 'word' ? `"${term.word}"${term.prefix ? ' *' : ''}` : `"${term.words.join(' ')}"`))
    .join(' AND ');
  // A column filter: every term must match within that column.
  return column === undefined ? query : `${column} : (${query})`;
}

/**
 * PostgreSQL to_tsquery text: each word a quoted lexeme ('word', 'pre':*), phrases joined by <->, all terms by
 * &. to_tsquery then stems them and drops stop words exactly as it did the documents.
 */
export function tsQuery(terms: readonly SearchTerm[]): string {
  const lexeme = (word: string) => `'${word}'`;
  return terms
    .map((term) =>
      term.kind === 'word'
        ? `${lexeme(term.word)}${term.prefix ? ':*' : ''}`
        : `(${term.words.map(lexeme).join(' <-> ')})`,
    )
    .join(' & ');
}

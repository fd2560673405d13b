/**
 * The words a section is made of, as the sectioner and the title builder both see them: tokens with their
 * place in the text, a light stem so that "troops" and "troop" count as one word, and the function words that
 * carry no topic.
 */

export interface Word {
  /** The word as written ("Al-Asad", "U.S.", "troops"). */
  text: string;
  /** Lower-cased, light-stemmed form used for counting ("troop"). */
  stem: string;
  /** Offset of `text` in the string it was read from. */
  start: number;
  /** True when this word opens a sentence, where a capital says nothing about a name. */
  sentenceStart: boolean;
  /** True when punctuation (a comma, a dash, a bracket) stands between this word and the one before. */
  afterBreak: boolean;
}

/**
 * Function words and reporting verbs: they stand in every news paragraph whatever its topic, so they neither
 * tie paragraphs together nor make a heading.
 */
export const STOP_WORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing down during each few for from further had has have having ' +
    'he her here hers herself him himself his how i if in into is it its itself just me more most my myself no ' +
    'nor not now of off on once only or other our ours out over own same she should so some such than that the ' +
    'their theirs them themselves then there these they this those through to too under until up very was we ' +
    'were what when where which while who whom why will with would you your yours yourself yet however also ' +
    'said says say saying told tell according reported reports report stated added mr mrs ms dr one two three ' +
    'four five six seven eight nine ten many much several since upon within without across among along around ' +
    'via per may might must shall us its it’s there’s including including whose whether either neither though ' +
    'although unless onto toward towards amid despite new year years day days week weeks month months today ' +
    'yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday time times last first next ' +
    'made make makes get got like well still even back way ever never another every'
  ).split(' '),
);

// Letters, digits and the marks that stay inside a word: hyphens, apostrophes, and the dots of "U.S.".
const WORD_PATTERN = /[\p{L}\p{N}](?:[\p{L}\p{N}'’.\-–]*[\p{L}\p{N}])?\.?/gu;
const SENTENCE_END = /[.!?]["'”’)\]]*\s*$/;
const BREAK_MARKS = /[,;:()\[\]"“”—–]|\s-\s/;

/** Reads the words of a text in order. */
export function readWords(text: string): Word[] {
  const words: Word[] = [];
  let previousEnd = 0;
  for (const match of text.matchAll(WORD_PATTERN)) {
    let raw = match[0];
    // A trailing dot belongs to the word only for abbreviations with inner dots ("U.S."), not to "forces."
    if (raw.endsWith('.') && !/\.\p{L}+\.$/u.test(raw) && !/^\p{L}\.$/u.test(raw)) raw = raw.slice(0, -1);
    const start = match.index;
    const between = text.slice(previousEnd, start);
    const sentenceStart = words.length === 0 || SENTENCE_END.test(text.slice(Math.max(0, previousEnd - 1), start));
    words.push({ text: raw, stem: stem(raw), start, sentenceStart, afterBreak: BREAK_MARKS.test(between) });
    previousEnd = start + raw.length;
  }
  return words;
}

/**
 * A light English stem: plurals and possessives folded, nothing more aggressive. A Porter stem would merge
 * more forms but would also make "securities" and "secure" one topic, which costs more than it gains here.
 */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/u, '').replace(/\.$/, '');
  if (w.length > 4 && w.endsWith('ies')) w = w.slice(0, -3) + 'y';
  else if (w.length > 4 && /(?:ss|sh|ch|x)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  return w;
}

/** True for a word that can carry a topic: not a function word, not a bare number. */
export function isContentWord(word: Word): boolean {
  const lower = word.text.toLowerCase();
  return !STOP_WORDS.has(lower) && !STOP_WORDS.has(word.stem) && !/^[\p{N}.,\-–]+$/u.test(word.text) && word.stem.length > 1;
}

/** A capitalised word that is not merely opening its sentence: most likely part of a name. */
export function isNameWord(word: Word): boolean {
  return /^\p{Lu}/u.test(word.text) && (!word.sentenceStart || /\p{Lu}.*\p{Lu}/u.test(word.text));
}

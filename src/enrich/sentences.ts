/**
 * Sentences of a paragraph, with their offsets, so a summary sentence can point back to where it stands.
 * Intl.Segmenter (Unicode UAX #29, built into Node) does the splitting; it breaks after every "Mr." or
 * "U.S." followed by a capital, so we join such breaks back using a list of abbreviations that end with a
 * full stop in news copy.
 */

export interface Sentence {
  /** The sentence, trimmed. */
  text: string;
  /** Index of the paragraph it stands in. */
  paragraph: number;
  /** Offsets of `text` in its paragraph: paragraph.slice(start, end) === text. */
  start: number;
  end: number;
}

/** Abbreviations after which a full stop does not end a sentence (lower-cased, without the final dot). */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof st sr jr gen lt col maj capt cmdr adm sgt cpl pvt gov sen rep pres supt insp det ' +
    'rev fr hon messrs no nos vol fig inc corp co ltd bros dept univ est approx vs etc al ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ' +
    'u.s u.k u.n e.u u.s.a d.c n.y l.a a.m p.m i.e e.g'
  ).split(' '),
);

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Splits one paragraph into sentences. */
export function splitSentences(paragraph: string, paragraphIndex = 0): Sentence[] {
  const sentences: Sentence[] = [];
  let pending: { start: number; end: number } | null = null;
  for (const { segment, index } of segmenter.segment(paragraph)) {
    const start = index + (segment.length - segment.trimStart().length);
    const end = index + segment.trimEnd().length;
    if (end <= start) continue;
    if (pending && endsWithAbbreviation(paragraph.slice(pending.start, pending.end))) {
      pending.end = end;
      continue;
    }
    if (pending) sentences.push(sentenceAt(paragraph, paragraphIndex, pending));
    pending = { start, end };
  }
  if (pending) sentences.push(sentenceAt(paragraph, paragraphIndex, pending));
  return sentences;
}

/** Every sentence of an article's paragraphs, in reading order. */
export function articleSentences(paragraphs: readonly string[]): Sentence[] {
  return paragraphs.flatMap((paragraph, index) => splitSentences(paragraph, index));
}

function sentenceAt(paragraph: string, index: number, span: { start: number; end: number }): Sentence {
  return { text: paragraph.slice(span.start, span.end), paragraph: index, start: span.start, end: span.end };
}

/** "… said Mr." or "… the U.S." (the segmenter broke after it): the next segment continues this sentence. */
function endsWithAbbreviation(text: string): boolean {
  const match = /(?:^|[\s("'“‘])([A-Za-z](?:[A-Za-z.]*[A-Za-z])?)\.$/.exec(text);
  if (!match) return false;
  const word = match[1]!;
  // A single capital with a dot is an initial ("John F. Kennedy"), not the end of a sentence.
  return ABBREVIATIONS.has(word.toLowerCase()) || /^[A-Z]$/.test(word);
}

/**
 * LEAD-k, the news baseline, with the reference scorer's own rule-based splitter (`split_sentences` in
 * rouge.py), so the baseline we print is the one the benchmark's published figures were computed with.
 */

const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof st sen rep gov gen lt col sgt capt cmdr adm jr sr inc co corp ltd plc vs no nos mt ft rev ' +
    'hon pres messrs jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e etc approx dept est fig univ'
  ).split(' '),
);

/** . ! or ? (plus closing quotes/brackets), whitespace, then an opening quote/bracket, a capital or a digit. */
const BOUNDARY = /([.!?]["'\u2019\u201d)\]]*)\s+(?=["'\u2018\u201c(\[]?[A-Z0-9])/g;
const LAST_WORD = /([A-Za-z.]+)[.!?]["'\u2019\u201d)\]]*$/;
const CLOSERS = /["'\u2019\u201d)\]]+$/;

export function referenceSentences(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/\n+/)) {
    const paragraph = raw.trim();
    if (!paragraph) continue;
    let start = 0;
    for (const match of paragraph.matchAll(BOUNDARY)) {
      const end = match.index + match[1]!.length;
      const head = paragraph.slice(start, end);
      const last = LAST_WORD.exec(head);
      if (last && head.replace(CLOSERS, '').endsWith('.')) {
        const word = last[1]!.toLowerCase().replace(/\.+$/, '');
        if (ABBREVIATIONS.has(word) || (word.length === 1 && /[a-z]/.test(word))) continue;
      }
      const sentence = head.trim();
      if (sentence) out.push(sentence);
      start = match.index + match[0].length;
    }
    const rest = paragraph.slice(start).trim();
    if (rest) out.push(rest);
  }
  return out;
}

/** The first k sentences, one per line. */
export function leadSummary(article: string, k = 3): string {
  return referenceSentences(article).slice(0, k).join('\n');
}

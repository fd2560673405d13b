/**
 * The grounded summary: 3–5 sentences of the article itself, chosen for salience and coverage, shown in the order
 * they stand in the body (a news story is told forward, so "he" and "the deal" resolve the way the reporter
 * wrote them), each with a pointer back to its paragraph and offsets. A short form of at most 300 characters
 * serves cards and the meta description.
 *
 * Nothing is rewritten. The only edit allowed is dropping a parenthetical from an over-long sentence, and a
 * sentence so edited is marked `trimmed`. Leading attributions ("Police said …") are kept on purpose: without
 * them a claim would read as our own statement of fact.
 */
import type { ArticleSummary as Summary, SummarySentence } from '../../domain/index.ts';
import { articleSentences, type Sentence } from '../sentences.ts';
import { FEATURE_NAMES, salienceCues, salienceScore } from './salience.ts';
import { bagOf, cosine } from './terms.ts';

// The stored shapes are the domain's: what the summariser returns is what the store keeps.
export type { ArticleSummary as Summary, SummarySentence } from '../../domain/index.ts';

export interface SummaryOptions {
  /** How many sentences; by default 3, growing to 5 for long stories. */
  sentences?: number;
}

/** The summary box holds 3 to 5 sentences. */
const FEWEST_SENTENCES = 3;
const MOST_SENTENCES = 5;
/** Long reads get more: 3 sentences up to 29 article sentences, 4 from 30, 5 from 40. */
const ARTICLE_SENTENCES_PER_SUMMARY_SENTENCE = 10;
/** Cards and meta descriptions: search engines cut descriptions around 155–300 characters. */
export const SHORT_SUMMARY_LIMIT = 300;
/** A candidate this similar (cosine of content words) to one already chosen repeats it; it is passed over. */
const REDUNDANT_SIMILARITY = 0.6;
/** Sentences longer than this get their parentheticals dropped, if they have any. */
const LONG_SENTENCE_CHARS = 300;
const ELLIPSIS = '…';
const SHORT_CUE = FEATURE_NAMES.indexOf('short');

/** The lede: the first sentence that is not a dateline or label. */
function firstFullSentence(features: readonly number[][]): number | undefined {
  const i = features.findIndex((f) => !f[SHORT_CUE]);
  return i < 0 ? undefined : i;
}

export function summarize(
  article: { headline: string; paragraphs: readonly string[] },
  options: SummaryOptions = {},
): Summary {
  const sentences = articleSentences(article.paragraphs);
  const wanted = options.sentences ?? defaultLength(sentences.length);
  const ranked = rankSentences(sentences, article.headline, wanted);
  const chosen = [...ranked].sort((a, b) => a.index - b.index).map(({ sentence }) => trimLong(sentence));
  return { sentences: chosen, short: shortForm(ranked.map(({ sentence }) => sentence), ranked.map((r) => r.index)) };
}

function defaultLength(articleSentenceCount: number): number {
  const extra = Math.floor(articleSentenceCount / ARTICLE_SENTENCES_PER_SUMMARY_SENTENCE) - FEWEST_SENTENCES + 1;
  return Math.min(MOST_SENTENCES, FEWEST_SENTENCES + Math.max(0, extra));
}

interface RankedSentence {
  sentence: Sentence;
  index: number;
}

/**
 * Greedy selection by salience, skipping near-repeats of a sentence already chosen, so the summary covers more
 * of the story (a lede restated in the third paragraph adds nothing).
 */
function rankSentences(sentences: readonly Sentence[], headline: string, wanted: number): RankedSentence[] {
  if (wanted <= 0 || !sentences.length) return [];
  const cues = salienceCues(
    sentences.map((s, index) => ({ text: s.text, index, paragraph: s.paragraph })),
    headline,
  );
  const bags = cues.words.map(bagOf);
  const order = sentences.map((_, index) => index);
  const scores = cues.features.map((f) => salienceScore(f));
  order.sort((a, b) => scores[b]! - scores[a]! || a - b);
  const picked: number[] = [];
  // The lede always leads: news is written so its first sentence carries the story (inverted pyramid). On BBC
  // the fitted weights alone would often drop it for a wordier sentence: BBC's references favour sentences dense
  // in the story's frequent words, which is not what a reader of a summary box needs first.
  const lede = firstFullSentence(cues.features);
  if (lede !== undefined) picked.push(lede);
  for (const index of order) {
    if (picked.length >= wanted) break;
    if (picked.includes(index) || isUnattributedQuote(sentences[index]!.text)) continue;
    if (picked.some((p) => cosine(bags[p]!, bags[index]!) >= REDUNDANT_SIMILARITY)) continue;
    picked.push(index);
  }
  // A story of near-identical lines: fill up with the best of the rest rather than fall short.
  for (const index of order) {
    if (picked.length >= wanted) break;
    if (!picked.includes(index)) picked.push(index);
  }
  return picked.map((index) => ({ sentence: sentences[index]!, index }));
}

/** Verbs that say who is speaking; a quotation with one of them carries its source with it. */
const ATTRIBUTION = /\b(?:said|says|say|told|tells|according|added|adds|asked|explained|insisted|argued|warned|stated|wrote|claimed)\b/i;
const OPENING_QUOTE = /^["“‘']/;

/**
 * A quotation standing alone ("It was a disaster.") loses its speaker once lifted out of the story, and would
 * read as the summary's own claim; it is passed over unless nothing else is left.
 */
function isUnattributedQuote(text: string): boolean {
  return OPENING_QUOTE.test(text) && !ATTRIBUTION.test(text);
}

const PARENTHETICAL = /\s*\([^()]*\)/g;

function trimLong(sentence: Sentence): SummarySentence {
  const base = { text: sentence.text, paragraph: sentence.paragraph, start: sentence.start, end: sentence.end, trimmed: false };
  if (sentence.text.length <= LONG_SENTENCE_CHARS) return base;
  const text = sentence.text.replace(PARENTHETICAL, '').trim();
  return text !== sentence.text && text.length ? { ...base, text, trimmed: true } : base;
}

/**
 * The lede, then the most salient other summary sentences that still fit in SHORT_SUMMARY_LIMIT, in source order.
 * A card that skipped the lede for a shorter, lesser sentence would misstate what the story is, so a lede too
 * long even without its parentheticals is cut at a word boundary and ends with an ellipsis (the one place a
 * sentence is not whole).
 */
function shortForm(byRank: readonly Sentence[], indices: readonly number[]): string {
  const [lede, ...rest] = byRank;
  if (!lede) return '';
  const ledeText = fitted(lede.text);
  if (ledeText.length > SHORT_SUMMARY_LIMIT) return cutAtWord(ledeText);
  const kept = [{ text: ledeText, index: indices[0]! }];
  let length = ledeText.length;
  rest.forEach((sentence, rank) => {
    const text = fitted(sentence.text);
    if (length + 1 + text.length > SHORT_SUMMARY_LIMIT) return;
    kept.push({ text, index: indices[rank + 1]! });
    length += 1 + text.length;
  });
  return kept.sort((a, b) => a.index - b.index).map((s) => s.text).join(' ');
}

/** A sentence as it goes into the short form: whole if it fits, else without its parentheticals. */
function fitted(text: string): string {
  if (text.length <= SHORT_SUMMARY_LIMIT) return text;
  const trimmed = text.replace(PARENTHETICAL, '').trim();
  return trimmed.length ? trimmed : text;
}

function cutAtWord(text: string): string {
  const room = text.slice(0, SHORT_SUMMARY_LIMIT - ELLIPSIS.length);
  const cut = room.lastIndexOf(' ');
  return (cut > 0 ? room.slice(0, cut) : room).replace(/[\s,;:–—-]+$/, '') + ELLIPSIS;
}

/**
 * The grounded summary: 3–5 sentences of the article itself, chosen for salience and coverage, shown in the order
 * they stand in the body (a news story is told forward, so "he" and "the deal" resolve the way the reporter
 * wrote them), each with a pointer back to its paragraph and offsets. A short form of at most 300 characters
 * serves cards and the meta description.
 *
 * Nothing is rewritten: every sentence is the source's own, checked word for word (whitespace aside) right
 * before it is emitted (./grounding.ts). Lists, line-ups, table rows and captions are never candidates
 * (./candidates.ts). Leading attributions ("Police said …") are kept on purpose: without them a claim would read
 * as our own statement of fact.
 *
 * The box is not bound to open with the lede: it stands right above the lede on the article page, so repeating
 * it there spends a line on what the reader reads next anyway, and on BBC forcing it in costs 2.5 ROUGE-2
 * points. The short form, read where the article is not (cards, search results), does open with the lede.
 */
import type { ArticleSummary as Summary, SummarySentence } from '../../domain/index.ts';
import { articleSentences, type Sentence } from '../sentences.ts';
import { notSummaryMaterial } from './candidates.ts';
import { isOwnSentence } from './grounding.ts';
import { FEATURE_NAMES, salienceCues, salienceChance } from './salience.ts';
import { selectSentences, type Candidate } from './selection.ts';
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
const ELLIPSIS = '…';
const SHORT_CUE = FEATURE_NAMES.indexOf('short');

export function summarize(
  article: { headline: string; paragraphs: readonly string[] },
  options: SummaryOptions = {},
): Summary {
  // Only the source's own sentences, and only those that read as prose, may be chosen at all.
  const sentences = articleSentences(article.paragraphs).filter(
    (s) => isOwnSentence(article.paragraphs, s) && notSummaryMaterial(s.text) === null,
  );
  const wanted = options.sentences ?? defaultLength(articleSentences(article.paragraphs).length);
  const { ranked, lede } = rankSentences(sentences, article.headline, wanted);
  const chosen = [...ranked].sort((a, b) => a.index - b.index).map(({ sentence }) => summarySentence(sentence));
  return { sentences: chosen, short: shortForm(sentences, ranked, lede) };
}

function defaultLength(articleSentenceCount: number): number {
  const extra = Math.floor(articleSentenceCount / ARTICLE_SENTENCES_PER_SUMMARY_SENTENCE) - FEWEST_SENTENCES + 1;
  return Math.min(MOST_SENTENCES, FEWEST_SENTENCES + Math.max(0, extra));
}

interface RankedSentence {
  sentence: Sentence;
  /** Index among the candidate sentences (source order). */
  index: number;
}

/** The chosen sentences best first, and the lede: the first candidate that is not a dateline or label. */
function rankSentences(
  sentences: readonly Sentence[],
  headline: string,
  wanted: number,
): { ranked: RankedSentence[]; lede: number | undefined } {
  if (!sentences.length) return { ranked: [], lede: undefined };
  const cues = salienceCues(
    sentences.map((s, index) => ({ text: s.text, index, paragraph: s.paragraph })),
    headline,
  );
  const bags = cues.words.map(bagOf);
  const candidates: Candidate[] = sentences.map((s, index) => ({ index, text: s.text, chance: salienceChance(cues.features[index]!) }));
  const passOver = (candidate: Candidate, chosen: readonly Candidate[]): boolean =>
    isUnattributedQuote(candidate.text) || chosen.some((c) => cosine(bags[c.index]!, bags[candidate.index]!) >= REDUNDANT_SIMILARITY);
  const ranked = selectSentences(candidates, wanted, passOver).map(({ index }) => ({ sentence: sentences[index]!, index }));
  const lede = cues.features.findIndex((f) => !f[SHORT_CUE]);
  return { ranked, lede: lede < 0 ? undefined : lede };
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

function summarySentence(sentence: Sentence): SummarySentence {
  // Never trimmed: a sentence with a part cut out is no longer the source's own.
  return { text: sentence.text, paragraph: sentence.paragraph, start: sentence.start, end: sentence.end, trimmed: false };
}

/**
 * The lede, then the most salient summary sentences that still fit whole in SHORT_SUMMARY_LIMIT, in source order.
 * A card that skipped the lede for a shorter, lesser sentence would misstate what the story is, so a lede too
 * long to fit is cut at a word boundary and ends with an ellipsis: the one place a sentence is not whole, and
 * the ellipsis says so.
 */
function shortForm(sentences: readonly Sentence[], ranked: readonly RankedSentence[], lede: number | undefined): string {
  const opening = lede ?? ranked[0]?.index;
  if (opening === undefined) return '';
  const ledeText = sentences[opening]!.text;
  if (ledeText.length > SHORT_SUMMARY_LIMIT) return cutAtWord(ledeText);
  const kept = [{ text: ledeText, index: opening }];
  let length = ledeText.length;
  for (const { sentence, index } of ranked) {
    if (index === opening || length + 1 + sentence.text.length > SHORT_SUMMARY_LIMIT) continue;
    kept.push({ text: sentence.text, index });
    length += 1 + sentence.text.length;
  }
  return kept.sort((a, b) => a.index - b.index).map((s) => s.text).join(' ');
}

function cutAtWord(text: string): string {
  const room = text.slice(0, SHORT_SUMMARY_LIMIT - ELLIPSIS.length);
  const cut = room.lastIndexOf(' ');
  return (cut > 0 ? room.slice(0, cut) : room).replace(/[\s,;:–—-]+$/, '') + ELLIPSIS;
}

/**
 * The timeline of an article: its dated facts in time order, each with the sentence it comes from.
 *
 * The story, step by step:
 *  1. every date a sentence names becomes a fact, labelled by the words beside it, carrying the figures of
 *     its clause (of the whole sentence when the sentence names one date);
 *  2. the news itself — the article's first sentence — is dated by its own words or, failing them, by the
 *     publication time, so "Iraq announced that US forces have completed a full withdrawal" ends the line;
 *  3. an undated sentence that gives a figure for an event ("At its peak, about 170,000 US troops …") between
 *     two dated sentences of a paragraph told in time order is placed between them, as an interval;
 *  4. the same event told twice (summary and body, or "announced on Sunday" and the undated lede) is one fact.
 */
import { articleSentences, type Sentence } from '../sentences.ts';
import { compareSpans, daysApart, formatSpan, isBefore, precisionOf, type DateSpan } from './calendarDate.ts';
import type { TimelineFact } from '../../domain/index.ts';
import { findDateMentions } from './dateMentions.ts';
import { findFigures } from './figures.ts';
import { clauseAround, eventPhrases, MAX_LABEL_WORDS } from './label.ts';
import { asPlanned, isReadable, newsLabel, readableLabel } from './readableLabel.ts';
import { tenseAt } from './tense.ts';
import { wordsOf, type Word } from './words.ts';
import { FUNCTION_WORDS } from './wordLists.ts';

/** A dated fact as the store keeps it (the domain's `TimelineFact`). */
export type TimelineEntry = TimelineFact;

export interface TimelineArticle {
  paragraphs: readonly string[];
  publishedAt: string | null;
}

/** How the fact got its date; a date the text gives outranks one taken from the publication time. */
type Dating = 'text' | 'publication' | 'between';

interface Fact {
  span: DateSpan;
  label: string;
  figures: string[];
  sentence: Sentence;
  dating: Dating;
  /** Where the sentence names the date, when it does. */
  mention?: { start: number; end: number };
  /** Reading order, to keep text order among facts of the same date. */
  order: number;
}

/** Cheap test before asking chrono: a sentence with no digit and no date word names no date. */
const DATE_HINT =
  /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day|\b(?:today|tonight|yesterday|tomorrow|ago|last|next)\b/i;

/** Days within which a dated account and the undated lede can be the same news (a weekly's "on Sunday"). */
const SAME_NEWS_DAYS = 7;

export function buildTimeline(article: TimelineArticle): TimelineEntry[] {
  const reference = referenceTime(article.publishedAt);
  const sentences = articleSentences(article.paragraphs);
  const facts: Fact[] = [];
  const datedSentences = new Map<Sentence, Fact[]>();
  sentences.forEach((sentence, order) => {
    const own = DATE_HINT.test(sentence.text) ? datedFacts(sentence, reference, order) : [];
    if (own.length) datedSentences.set(sentence, own);
    facts.push(...own);
  });
  const lede = sentences[0];
  const news = lede && reference && !datedSentences.has(lede) ? newsFact(lede, reference) : null;
  if (news) facts.push(news);
  facts.push(...placedBetween(sentences, datedSentences));
  return mergeRetellings(facts)
    .sort((a, b) => compareSpans(a.span, b.span) || a.order - b.order)
    .flatMap((fact) => (reference && isAfter(fact.span, reference) ? planned(fact) : [fact]))
    .map(toEntry);
}

/**
 * Nothing lies past the publication date unless the sentence speaks of the future: then it is a plan and says
 * so ("Planned: … will step down"); a past-tense fact dated later is a misreading and is left out.
 */
function planned(fact: Fact): Fact[] {
  const text = fact.sentence.text;
  const at = fact.mention ?? { start: 0, end: text.length };
  return tenseAt(text, at) === 'future' ? [{ ...fact, label: asPlanned(fact.label, text) }] : [];
}

/** Whether a date begins after the publication day: what the story tells of it is a plan or an expectation. */
function isAfter(span: DateSpan, reference: Date): boolean {
  const published = { year: reference.getUTCFullYear(), month: reference.getUTCMonth() + 1, day: reference.getUTCDate() };
  return isBefore({ from: published }, { from: span.from });
}

function referenceTime(publishedAt: string | null): Date | null {
  if (!publishedAt) return null;
  const time = new Date(publishedAt);
  return Number.isNaN(time.getTime()) ? null : time;
}

function datedFacts(sentence: Sentence, reference: Date | null, order: number): Fact[] {
  const mentions = findDateMentions(sentence.text, reference);
  if (mentions.length === 0) return [];
  const words = wordsOf(sentence.text);
  const whole = { start: 0, end: sentence.text.length };
  return mentions.flatMap((mention) => {
    const clause = clauseAround(sentence.text, words, mention);
    const label = readableLabel(sentence.text, words, mention, mentions.filter((m) => m !== mention));
    if (!label) return [];
    return {
      span: mention,
      mention: { start: mention.start, end: mention.end },
      label,
      // One date in the sentence: the sentence's figures are that fact's ("… until this latest drawdown").
      figures: findFigures(sentence.text, mentions.length === 1 ? whole : clause, mentions),
      sentence,
      dating: 'text' as const,
      order,
    };
  });
}

/** The article's first sentence is the news: dated by the publication time when it names no date. */
function newsFact(lede: Sentence, reference: Date): Fact | null {
  const words = wordsOf(lede.text);
  const whole = { start: 0, end: lede.text.length };
  const event = eventPhrases(lede.text, words, null)[0];
  const label = newsLabel(lede.text) ?? (event ? lede.text.slice(event.start, event.end) : openingWords(lede.text, words));
  if (!isReadable(label)) return null;
  const day = { year: reference.getUTCFullYear(), month: reference.getUTCMonth() + 1, day: reference.getUTCDate() };
  return { span: { from: day }, label, figures: findFigures(lede.text, whole, []), sentence: lede, dating: 'publication', order: 0 };
}

function openingWords(text: string, words: readonly Word[]): string {
  const run = words.slice(0, MAX_LABEL_WORDS);
  while (run.length > 1 && FUNCTION_WORDS.has(run[run.length - 1]!.lower)) run.pop();
  return run.length ? text.slice(run[0]!.start, run[run.length - 1]!.end) : text;
}

/**
 * Step 3: an undated sentence with a figure and an event noun, between two dated sentences of the same
 * paragraph whose dates run forward, took place between them ("At its peak, about 170,000 US troops …"
 * between the 2003 invasion and the 2011 withdrawal).
 */
function placedBetween(sentences: readonly Sentence[], dated: Map<Sentence, Fact[]>): Fact[] {
  const placed: Fact[] = [];
  sentences.forEach((sentence, order) => {
    if (dated.has(sentence)) return;
    const previous = sentences[order - 1];
    const next = sentences[order + 1];
    if (!previous || !next || previous.paragraph !== sentence.paragraph || next.paragraph !== sentence.paragraph) return;
    const earlier = dated.get(previous)?.at(-1);
    const later = dated.get(next)?.[0];
    if (!earlier || !later || !isBefore(earlier.span, later.span)) return;
    const figures = findFigures(sentence.text, { start: 0, end: sentence.text.length }, []);
    const words = wordsOf(sentence.text);
    const event = eventPhrases(sentence.text, words, null)[0];
    if (!figures.length || !event) return;
    const span: DateSpan = { from: earlier.span.to ?? earlier.span.from, to: later.span.from };
    const label = eventWithFigure(sentence.text, words, event, figures[0]!);
    if (isReadable(label)) placed.push({ span, label, figures, sentence, dating: 'between', order });
  });
  return placed;
}

/** "peak, about 170,000 US troops": the event and its figure when they stand close together, else the event. */
function eventWithFigure(text: string, words: readonly Word[], event: { start: number; end: number }, figure: string): string {
  const at = text.indexOf(figure, event.end);
  if (at < 0) return text.slice(event.start, event.end);
  const span = words.filter((w) => w.start >= event.start && w.end <= at + figure.length).length;
  return span <= MAX_LABEL_WORDS ? text.slice(event.start, at + figure.length) : text.slice(event.start, event.end);
}

/** Step 4: the same event told twice is kept once, with the better date and all its figures. */
function mergeRetellings(facts: readonly Fact[]): Fact[] {
  const kept: Fact[] = [];
  for (const fact of [...facts].sort((a, b) => a.order - b.order)) {
    const twin = kept.find((k) => sameEvent(k, fact));
    if (!twin) {
      kept.push({ ...fact, figures: [...fact.figures] });
      continue;
    }
    if (twin.dating !== 'text' && fact.dating === 'text') {
      Object.assign(twin, { span: fact.span, label: fact.label, sentence: fact.sentence, dating: fact.dating });
    }
    // Figures shown with a sentence must stand in it: the retelling's figures join only when they do.
    const figures = [...twin.figures, ...fact.figures].filter((f) => twin.sentence.text.includes(f));
    twin.figures = [...new Set(figures)];
  }
  return kept;
}

function sameEvent(a: Fact, b: Fact): boolean {
  if (!sharesContentWord(a.label, b.label)) return false;
  if (formatSpan(a.span) === formatSpan(b.span)) return true;
  const news = a.dating === 'publication' || b.dating === 'publication';
  return (
    news && !a.span.to && !b.span.to && precisionOf(a.span.from) === 'day' && precisionOf(b.span.from) === 'day' &&
    daysApart(a.span.from, b.span.from) <= SAME_NEWS_DAYS
  );
}

function sharesContentWord(a: string, b: string): boolean {
  const content = (label: string) =>
    new Set(
      wordsOf(label)
        .map((w) => w.lower.replace(/s$/, ''))
        .filter((w) => w.length > 2 && !FUNCTION_WORDS.has(w) && !/^\d/.test(w)),
    );
  const left = content(a);
  return [...content(b)].some((w) => left.has(w));
}

function toEntry(fact: Fact): TimelineEntry {
  const { text, paragraph, start, end } = fact.sentence;
  return {
    date: formatSpan(fact.span),
    precision: precisionOf(fact.span.from),
    label: fact.label,
    figures: fact.figures,
    sentence: { text, paragraph, start, end },
  };
}

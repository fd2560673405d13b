/**
 * Datelines and bylines left in the article: "PUBLISHED: 10:48, Tue, Nov 19, 2019", "Updated at 1:23 p.m.",
 * "By Justine Coleman - 11/18/19 11:04 PM EST", "sexta-feira, 22 de outubro de 2010 às 20:13". The core
 * extractor reads the byline and the publication time from the page's metadata; in the body they are noise.
 *
 * A block is a dateline when, once its date words are taken away, nothing is left but a few words of a name.
 * A time alone ("10 p.m.", a live blog's entry heading) is not: without a year, a month or a "published"/
 * "updated" label it may be the story's own text.
 */
import { collapsedText, removeAll } from './markup.ts';

/** A dateline is one line; anything longer is a sentence that happens to carry a date. */
const MAX_DATELINE_CHARS = 100;

/** What may remain of a byline once the date is gone: "By Jane Doe and John Roe" leaves a short name. */
const MAX_NAME_WORDS = 5;

const MONTHS = [
  // English
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  // Portuguese, Spanish, Italian, French, German, Indonesian (the languages news pages we meet are written in)
  'janeiro', 'fevereiro', 'março', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro',
  'dezembro', 'enero', 'febrero', 'marzo', 'mayo', 'junio', 'julio', 'septiembre', 'octubre', 'noviembre',
  'diciembre', 'gennaio', 'febbraio', 'aprile', 'maggio', 'giugno', 'luglio', 'settembre', 'ottobre',
  'dicembre', 'janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre',
  'novembre', 'décembre', 'januar', 'februar', 'märz', 'juni', 'juli', 'oktober', 'dezember', 'maret', 'mei',
  'agustus', 'desember', 'januari', 'februari', 'oktober',
];

const WEEKDAYS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'segunda', 'terça', 'quarta', 'quinta', 'sexta', 'sábado', 'domingo',
]);

const DATE_WORDS = new Set([
  ...MONTHS,
  ...WEEKDAYS,
  'feira',
  'published', 'updated', 'posted', 'modified', 'first', 'last', 'date', 'time', 'on', 'at', 'às', 'de', 'em',
  'le', 'il', 'el', 'am', 'pm', 'a', 'p', 'm', 'utc', 'gmt', 'est', 'edt', 'cst', 'cdt', 'mst', 'mdt', 'pst',
  'pdt', 'bst', 'cet', 'cest', 'ist', 'et', 'pt', 'ago', 'hours', 'hour', 'minutes', 'days', 'day',
]);

/** A year, or a day and month in figures (11/18/19, 2019-11-18). */
const YEAR_OR_NUMERIC_DATE = /\b(?:19|20)\d{2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b/;
const CLOCK = /\b\d{1,2}:\d{2}\b/;
const STAMP_LABEL = /^\|?\s*(?:published|updated|posted|first published|last updated|modified)\b/i;

export function removeDatelines(content: Element): void {
  const datelines: Element[] = [];
  for (const block of content.querySelectorAll('p, div, span, time, h2, h3, h4, h5, h6, small')) {
    if (block.querySelector('p, div, li, h2, h3, h4, h5, h6')) continue;
    // Dates in a table, a code sample or a list are the story's data (a log, a timeline), not its dateline.
    if (block.closest('table, pre, code, li')) continue;
    const text = collapsedText(block);
    if (text.length > 0 && text.length <= MAX_DATELINE_CHARS && isDateline(text)) datelines.push(block);
  }
  removeAll(datelines);
}

export function isDateline(text: string): boolean {
  const words = text.toLowerCase().match(/[\p{L}]+|\d+/gu) ?? [];
  const hasMonth = words.some((word) => MONTHS.includes(word));
  const hasNumber = words.some((word) => /^\d+$/.test(word));
  const labelled = STAMP_LABEL.test(text);
  const dated = YEAR_OR_NUMERIC_DATE.test(text) || (hasMonth && hasNumber) || (labelled && hasNumber);
  // A date in figures alone ("2020-08-01", "1.234.567") may be data; a dateline names its month, its weekday or
  // what it stamps, or gives the clock time ("15:23 2019").
  const named = hasMonth || labelled || CLOCK.test(text) || words.some((word) => WEEKDAYS.has(word) || word === 'pm' || word === 'am');
  if (!dated || !named) return false;
  const rest = words.filter((word) => !DATE_WORDS.has(word) && !/^\d+$/.test(word));
  if (rest.length === 0) return true;
  // "By Justine Coleman - 11/18/19", "Posted on March 30, 2015 by Admin": a byline with its date
  return rest.includes('by') && rest.length - 1 <= MAX_NAME_WORDS;
}

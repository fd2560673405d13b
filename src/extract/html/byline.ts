/**
 * Bylines as the newsroom prints them: names only, "Jane Doe and John Roe", without the "By " the page shows or
 * the date and job title that byline boxes carry along.
 */
import { decodeEntities } from './metadataText.ts';

/** "By", and its equivalents on the foreign-language pages we ingest, before a capitalised name. */
const BY_PREFIX =
  /^(?:by|written by|words by|story by|reporting by|text|texto|texte|par|por|von|di|door|av|от|автор|текст)\s*:?\s+(?=[\p{Lu}\p{Lo}])/iu;
/** A byline is a few names; a longer string is a sentence or a whole byline box. */
const MAX_BYLINE_CHARS = 120;
/** Pieces of byline boxes that are not names. */
const NOT_A_NAME =
  /^(?:follow(?: author)?|share|updated?|last updated|published|posted|staff|admin|administrator|unknown|anonymous|editor|editorial|news desk|contributor)\b/i;
const MONTH =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}:\d{2}/i;
/** Profile links and bare host names ("blog.example.com") that some pages put in their author tags. */
const URL_LIKE = /^(?:https?:)?\/\/|^www\.|^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:\/\S*)?$/i;
/** A byline box that breaks the line right after its "By": "By\n  Jane Doe". */
const DANGLING_BY = /^\s*(by|par|por|von)\s*\n\s*/i;
const HAS_LETTER = /\p{L}/u;

/** A clean byline from whatever a page gives for it, or null when it holds no name. */
export function cleanByline(raw: string | null | undefined): string | null {
  if (!raw) return null;
  // A byline box breaks lines between the name and its date or role: the name comes first.
  const lines = decodeEntities(raw).replace(DANGLING_BY, '$1 ').split(/\n|\s{3,}|\s+[|•·]\s+/).map((line) => line.replace(/\s+/g, ' ').trim()).filter(Boolean);
  for (const line of lines) {
    const name = cleanLine(line);
    if (name) return name;
  }
  return null;
}

function cleanLine(line: string): string | null {
  let name = line.replace(BY_PREFIX, '').trim();
  // "Jane Doe, March 25, 2015" / "Jane Doe - 12:30": cut the time off where it starts.
  const dateAt = name.search(MONTH);
  if (dateAt > 0) name = name.slice(0, dateAt);
  else if (dateAt === 0) return null;
  name = name.replace(/[\s,;:|–—-]+$/u, '').replace(/^[\s,;:|–—-]+/u, '').trim();
  name = name.replace(BY_PREFIX, '').trim();
  if (name === '' || !HAS_LETTER.test(name) || URL_LIKE.test(name)) return null;
  if (name.length > MAX_BYLINE_CHARS || NOT_A_NAME.test(name)) return null;
  return name;
}

/** "Jane Doe", "Jane Doe and John Roe", "Jane Doe, John Roe and Ann Poe". */
export function joinNames(names: readonly string[]): string | null {
  const unique = [...new Set(names.map((name) => name.trim()).filter(Boolean))];
  if (unique.length === 0) return null;
  if (unique.length === 1) return unique[0]!;
  return `${unique.slice(0, -1).join(', ')} and ${unique[unique.length - 1]}`;
}

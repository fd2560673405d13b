/**
 * The lead photo's caption line. Flattened pages keep the caption and the credit on one line, the credit tacked
 * on the end the way the site printed it: "… on December 29, 2019. - Nasser Nasser/AP/File",
 * "… in Athens. Photo: Reuters", "… at dawn (Credit: Getty Images)". We split it so the credit can be shown
 * (and kept) exactly as published, apart from the caption.
 */

/** Credits are names and agencies ("Nasser Nasser/AP/File", "John Smith for The New York Times"), never prose. */
export const MAX_CREDIT_CHARS = 60;
const MAX_CREDIT_WORDS = 8;

/** A caption is a sentence or two; a longer line is a paragraph, however it ends. */
export const MAX_CAPTION_CHARS = 600;

/**
 * Most words of a credit are capitalised names; 0.6 still admits "via Getty Images" and "Jane Doe for Reuters"
 * while rejecting the tail of a sentence after a dash ("- and the crowd cheered").
 */
const MIN_CREDIT_CAPITALISED_RATIO = 0.6;

/** Labels that introduce a credit, matched case-insensitively; longer labels first so "photo credit:" wins. */
const CREDIT_LABELS: readonly string[] = [
  'photo credit:', 'image credit:', 'photograph:', 'photographs:', 'photos:', 'photo:', 'images:', 'image:',
  'pictures:', 'picture:', 'credit:', 'photo by ',
];

/** Separators a site prints between caption and credit. */
const CREDIT_SEPARATORS: readonly string[] = [' - ', ' – ', ' — ', ' | '];

/** Punctuation left dangling at the end of a caption once its credit is cut off ("… dawn. |"). */
const CAPTION_TAIL = new Set([' ', '-', '–', '—', '|', '/']);

const CREDIT_START = /^[\p{Lu}\p{N}©]/u;
const FIRST_LETTER = /\p{L}/u;
const UPPERCASE = /\p{Lu}/u;
const SENTENCE_BREAK = /[.!?] \p{Ll}/u;
const SENTENCE_END = /[.!?,;:]$/;

export interface CaptionParts {
  caption: string | null;
  credit: string | null;
}

/** Whether a string reads like a photo credit: short, a name or agency, no sentence in it. */
export function isCreditShaped(text: string): boolean {
  if (text.length < 2 || text.length > MAX_CREDIT_CHARS) return false;
  if (!CREDIT_START.test(text) || SENTENCE_END.test(text) || SENTENCE_BREAK.test(text)) return false;
  const words = text.split(' ');
  if (words.length > MAX_CREDIT_WORDS) return false;
  // Words without letters ("©", "2019") neither make nor break a name.
  const named = words.filter((word) => FIRST_LETTER.test(word));
  if (named.length === 0) return false;
  const capitalised = named.filter((word) => word.includes('/') || UPPERCASE.test(word.match(FIRST_LETTER)?.[0] ?? ''));
  return capitalised.length / named.length >= MIN_CREDIT_CAPITALISED_RATIO;
}

function trimCaptionTail(text: string): string | null {
  let end = text.length;
  while (end > 0 && CAPTION_TAIL.has(text[end - 1]!)) end--;
  const caption = text.slice(0, end);
  return caption === '' ? null : caption;
}

/** "(Credit: Getty Images)" / "(Photo: AP)" closing the line. */
function parenthesisedCredit(line: string): CaptionParts | null {
  if (!line.endsWith(')')) return null;
  const open = line.lastIndexOf('(');
  if (open === -1) return null;
  const inner = line.slice(open + 1, -1).trim();
  const lower = inner.toLowerCase();
  for (const label of CREDIT_LABELS) {
    if (!lower.startsWith(label)) continue;
    const credit = inner.slice(label.length).trim();
    if (isCreditShaped(credit)) return { caption: trimCaptionTail(line.slice(0, open)), credit };
  }
  return null;
}

/** "… in Athens. Photo: Reuters" — a label, then the credit to the end of the line. */
function labelledCredit(line: string): CaptionParts | null {
  const lower = line.toLowerCase();
  for (const label of CREDIT_LABELS) {
    const at = lower.lastIndexOf(label);
    if (at === -1 || (at > 0 && line[at - 1] !== ' ')) continue;
    const credit = line.slice(at + label.length).trim();
    if (isCreditShaped(credit)) return { caption: trimCaptionTail(line.slice(0, at)), credit };
  }
  return null;
}

/** "… on December 29, 2019. - Nasser Nasser/AP/File" — the credit after the last separator. */
function separatedCredit(line: string): CaptionParts | null {
  for (const separator of CREDIT_SEPARATORS) {
    const at = line.lastIndexOf(separator);
    if (at <= 0) continue;
    const credit = line.slice(at + separator.length).trim();
    if (isCreditShaped(credit)) return { caption: trimCaptionTail(line.slice(0, at)), credit };
  }
  return null;
}

/** The caption and credit of a line that ends with a recognisable credit, or null when it has none. */
export function findCreditSuffix(line: string): CaptionParts | null {
  if (line.length > MAX_CAPTION_CHARS) return null;
  return parenthesisedCredit(line) ?? labelledCredit(line) ?? separatedCredit(line);
}

/** Caption and credit of a line known to be a caption (by its position); the credit is null when none is given. */
export function splitCaptionCredit(line: string): CaptionParts {
  return findCreditSuffix(line) ?? { caption: line, credit: null };
}

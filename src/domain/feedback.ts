import { ValidationError } from './errors.ts';

/**
 * A reader's note on an article ("Help us improve."): what kind of problem, in their words, optionally with an
 * address to answer. Reader text is stored as text and is only ever shown as text: nothing here interprets it.
 */

export const FEEDBACK_KINDS = ['error', 'typo', 'missing-context', 'other'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

/** The choices as the form words them, in the form's order. */
export const FEEDBACK_KIND_LABELS: Readonly<Record<FeedbackKind, string>> = {
  error: 'A factual error',
  typo: 'A typo or wording problem',
  'missing-context': 'Missing context',
  other: 'Something else',
};

/** Long enough for a paragraph and a source link; an essay belongs in an email to the editors. */
export const FEEDBACK_TEXT_MAX_CHARS = 2_000;
/** The longest address SMTP allows (RFC 5321 path limit less the brackets). */
export const FEEDBACK_EMAIL_MAX_CHARS = 254;
/** User agents are kept to tell bots from browsers; anything longer than this is itself a sign. */
export const FEEDBACK_USER_AGENT_MAX_CHARS = 512;

/** What a reader sent, checked and normalised. */
export interface FeedbackSubmission {
  articleId: number;
  /** The content hash of the article as the reader's page showed it, when the form carried a well-formed one. */
  revision: string | null;
  kind: FeedbackKind;
  text: string;
  email: string | null;
}

/** A stored note: the submission, the article version it is about, and where it came from. */
export interface Feedback {
  id: number;
  articleId: number;
  /** The article's content hash at the time (see Article.contentHash and the article's revisions). */
  articleRevision: string;
  kind: FeedbackKind;
  text: string;
  email: string | null;
  createdAt: string;
  /** A keyed hash of the sender's address: the same sender is recognisable, the address is not kept. */
  ipHash: string;
  userAgent: string | null;
}

export type NewFeedback = Omit<Feedback, 'id'>;

/** A stored note with the article it is about, as the inbox lists it. */
export interface FeedbackEntry extends Feedback {
  article: { section: string; slug: string; headline: string };
}

export function isFeedbackKind(value: unknown): value is FeedbackKind {
  return typeof value === 'string' && (FEEDBACK_KINDS as readonly string[]).includes(value);
}

/** A sha256 in hex, as contentHash writes it: anything else in the revision field is not ours. */
const CONTENT_HASH = /^[0-9a-f]{64}$/;
/** Deliberately loose: one @, something on each side, a dot in the domain. Typos are the reader's to fix. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Control characters other than tab and newline: invisible in a note, and NUL cannot be stored in PostgreSQL. */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Reads the form's fields into a submission, or throws a ValidationError whose message tells the reader what
 * to change. Text is kept as written apart from line endings (browsers send CRLF) and control characters;
 * its length is counted in characters, so a browser's maxlength (UTF-16 units) never allows more than this.
 */
export function readFeedbackForm(fields: Readonly<Record<string, unknown>>): FeedbackSubmission {
  const articleId = feedbackArticleId(fields);

  const kind = single(fields['kind']);
  if (!isFeedbackKind(kind)) {
    throw new ValidationError(`Choose what is wrong: ${FEEDBACK_KINDS.map((k) => FEEDBACK_KIND_LABELS[k].toLowerCase()).join(', ')}.`);
  }

  const text = cleanText(single(fields['text']) ?? '');
  if (!text) throw new ValidationError('Tell us what is wrong: the text box is empty.');
  const length = [...text].length;
  if (length > FEEDBACK_TEXT_MAX_CHARS) {
    throw new ValidationError(`Your note is ${length} characters long; please keep it to ${FEEDBACK_TEXT_MAX_CHARS}.`);
  }

  const email = (single(fields['email']) ?? '').trim() || null;
  if (email !== null && (email.length > FEEDBACK_EMAIL_MAX_CHARS || !EMAIL.test(email))) {
    throw new ValidationError('That email address does not look complete; correct it or leave the box empty.');
  }

  const revision = single(fields['revision']);
  return { articleId, revision: revision && CONTENT_HASH.test(revision) ? revision : null, kind, text, email };
}

/** Which article a form is about: read first, so a refusal can show the form again under its article. */
export function feedbackArticleId(fields: Readonly<Record<string, unknown>>): number {
  const id = Number(single(fields['article']));
  if (!Number.isSafeInteger(id) || id < 1) throw new ValidationError('The form does not say which article it is about.');
  return id;
}

/** The text as it will be stored: LF line endings, no control characters, no surrounding blank space. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROL_CHARACTERS, '').trim();
}

/** A form field's value: the string sent, or undefined (a repeated field or a non-string counts as absent). */
function single(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

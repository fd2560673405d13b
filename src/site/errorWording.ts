/**
 * What a reader is told when a request is refused or fails, in one place. Fastify and Node word their errors for
 * developers ("querystring/page must be integer", "'/%' is not a valid url component"); none of that reaches a
 * page. Each status has a title and a sentence, and a refusal may add a detail saying what to fix.
 */

export interface ErrorWording {
  title: string;
  text: string;
}

const WORDING_BY_STATUS: Readonly<Record<number, ErrorWording>> = {
  400: { title: 'That address did not make sense', text: 'Something in the address is not quite right, so we could not tell which page you wanted.' },
  404: { title: 'Page not found', text: 'We could not find that page. It may have moved, or the address may be mistyped.' },
  410: { title: 'This story has been taken down', text: 'The story that was at this address is no longer published.' },
  405: { title: 'That cannot be done here', text: 'This page can only be read, not changed.' },
  408: { title: 'That took too long', text: 'Your browser took too long to send its request. Please try again.' },
  413: { title: 'That was too much to send', text: 'What your browser sent is larger than we accept.' },
  414: { title: 'That address is too long', text: 'No page on our site has an address this long.' },
  415: { title: 'We could not read what was sent', text: 'What your browser sent is not in a form this page accepts.' },
  429: { title: 'Too many requests', text: 'You have sent a lot of requests in a short time. Please wait a moment and try again.' },
  431: {
    title: 'That request was too large',
    text: 'The address, or what your browser sent with it, is far longer than any page on our site needs. Check the link, or clear this site’s cookies and try again.',
  },
  500: {
    title: 'Something went wrong',
    text: 'We could not show this page just now. The problem is on our side; please try again in a moment.',
  },
};

/** The title and sentence for a status; a status without its own wording reads as its class (4xx or 5xx). */
export function wordingFor(statusCode: number): ErrorWording {
  return WORDING_BY_STATUS[statusCode] ?? (statusCode >= 500 ? WORDING_BY_STATUS[500]! : WORDING_BY_STATUS[400]!);
}

/** A page number that is not a whole number of 1 or more; said the same on every paged list. */
export const BAD_PAGE_NUMBER = 'That page number isn’t one we have. Page numbers are whole numbers like 2.';

/**
 * Per query parameter, what was wrong with it. The schemas type these as single strings or numbers, so the only
 * way to break them is a malformed value or the parameter given twice.
 */
const QUERY_PROBLEMS: Readonly<Record<string, string>> = {
  page: BAD_PAGE_NUMBER,
  q: 'The address asks for more than one search at once. Search for one thing at a time.',
  section: 'The address names more than one section to search in. Choose one from the list.',
  from: 'The address gives more than one start date. Dates are written like 2026-01-31.',
  to: 'The address gives more than one end date. Dates are written like 2026-01-31.',
};

const UNREADABLE_QUERY = 'Part of the address after the “?” is not something we can read. Try the link again without it.';
const UNREADABLE_BODY = 'What your browser sent could not be read.';

/** One failed check of a Fastify schema, as Fastify reports it (error.validation). */
export interface SchemaProblem {
  instancePath?: string;
  params?: Record<string, unknown>;
}

/** Fastify's schema errors, per field and in readers' words. */
export function schemaProblemWording(problems: readonly SchemaProblem[], context: string | undefined): string {
  if (context !== 'querystring') return UNREADABLE_BODY;
  const fields = problems.map(fieldOf).filter((field): field is string => field !== null);
  const worded = [...new Set(fields.map((field) => QUERY_PROBLEMS[field] ?? UNREADABLE_QUERY))];
  return worded.length ? worded.join(' ') : UNREADABLE_QUERY;
}

/** The field a schema problem is about: "/page" → page; a missing required field names itself in params. */
function fieldOf(problem: SchemaProblem): string | null {
  const fromPath = problem.instancePath?.split('/')[1];
  if (fromPath) return fromPath;
  const missing = problem.params?.missingProperty;
  return typeof missing === 'string' ? missing : null;
}

/** A malformed %-escape in the path: the router could not decode it. */
export function badAddressWording(url: string): string {
  return `We could not read the address “${excerpt(url)}”: it has a “%” code that does not stand for any letter. The link may have been cut short or mistyped.`;
}

/** A path segment longer than any slug we make. */
export function overlongAddressWording(url: string): string {
  return `The address begins “${excerpt(url)}”. Perhaps the link was pasted twice, or ran into other text.`;
}

/** How much of a reader's request a page may show back: enough to recognise, never a pasted essay. */
export const EXCERPT_CHARS = 60;

/** Control characters (tab and newline included) and unpaired surrogates: nothing a page should show. */
const UNSHOWABLE = /[\u0000-\u001f\u007f-\u009f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A short, showable excerpt of what a reader sent: unshowable characters dropped, cut to EXCERPT_CHARS
 * characters (never inside a surrogate pair) and marked "…" when cut. The view escapes it like any text.
 */
export function excerpt(text: string): string {
  const characters = Array.from(text.replace(UNSHOWABLE, ''));
  return characters.length > EXCERPT_CHARS ? `${characters.slice(0, EXCERPT_CHARS).join('')}…` : characters.join('');
}

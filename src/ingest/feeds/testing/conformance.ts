/**
 * Runs one case of feedparser's suite through parseFeed and judges it:
 *
 * - pass / fail: the `Expect:` line, evaluated against our parse (project.ts), is true / false;
 * - not-modelled: it names a field our model does not carry (counted, not failed);
 * - for `wellformed/sanitize/` the judgement is safety, not feedparser's exact string: our field holds no hazard
 *   (safety.ts) and the same visible text as feedparser's output;
 * - crashed: parseFeed threw something other than a FeedError (always a failure).
 */
import { ALLOWED_IFRAME_HOSTS } from '../../../extract/html/index.ts';
import { FeedError } from '../../../domain/errors.ts';
import { readFeedText } from '../decode.ts';
import type { ParsedFeed } from '../model.ts';
import { parseFeed } from '../parseFeed.ts';
import { htmlToText } from '../text.ts';
import { feedRequest, readFeedCase } from './feedCase.ts';
import { projectionScope } from './project.ts';
import { evaluate, NotModelled, PyError, truthy, type PyValue } from './pythonExpr.ts';
import { markupHazards } from './safety.ts';

export type Verdict = 'pass' | 'fail' | 'not-modelled' | 'crashed';

export interface CaseResult {
  name: string;
  verdict: Verdict;
  /** Why it failed or is not modelled. */
  detail: string;
  feed: ParsedFeed | null;
  error: FeedError | null;
}

export function runCase(name: string): CaseResult {
  const feedCase = readFeedCase(name);
  const request = feedRequest(feedCase);
  let feed: ParsedFeed | null = null;
  let error: FeedError | null = null;
  try {
    feed = parseFeed(feedCase.bytes, request);
  } catch (thrown) {
    if (!(thrown instanceof FeedError)) {
      return { name, verdict: 'crashed', detail: String((thrown as Error)?.stack ?? thrown), feed, error };
    }
    error = thrown;
  }
  const result = (verdict: Verdict, detail = ''): CaseResult => ({ name, verdict, detail, feed, error });
  if (!feedCase.expect) return result('not-modelled', 'no Expect header');

  const encoding = name.endsWith('.json') ? null : readFeedText(feedCase.bytes, request.contentType).encoding;
  const scope = projectionScope({ feed, encoding });
  try {
    if (name.startsWith('wellformed/sanitize/')) return judgeSafety(feedCase.expect, scope, result);
    return truthy(evaluate(feedCase.expect, scope)) ? result('pass') : result('fail', describe(feed, error));
  } catch (thrown) {
    if (thrown instanceof NotModelled) return result('not-modelled', thrown.message);
    if (thrown instanceof PyError) return result('fail', `${thrown.message}; ${describe(feed, error)}`);
    throw thrown;
  }
}

const COMPARISON = /^\s*not bozo and (.+?) == ((?:u?'(?:[^'\\]|\\.)*'\s*)+|(?:u?"(?:[^"\\]|\\.)*"\s*)+)$/s;

function judgeSafety(
  expect: string,
  scope: ReturnType<typeof projectionScope>,
  result: (verdict: Verdict, detail?: string) => CaseResult,
): CaseResult {
  const match = COMPARISON.exec(expect);
  if (!match) return truthy(evaluate(expect, scope)) ? result('pass') : result('fail', 'expectation not met');
  if (truthy(evaluate('bozo', scope))) return result('fail', 'flagged as not well-formed');
  const expected = evaluate(match[2]!, scope) as string;
  let ours: PyValue;
  try {
    ours = evaluate(match[1]!, scope);
  } catch (thrown) {
    // Nothing kept at all is safe, and right when feedparser kept no text either.
    if (thrown instanceof PyError && !htmlToText(expected)) return result('pass');
    throw thrown;
  }
  const html = typeof ours === 'object' && ours !== null && 'html' in ours ? String(ours.html) : null;
  const text = html === null ? (typeof ours === 'object' && ours !== null && 'text' in ours ? String(ours.text) : String(ours)) : null;
  if (html !== null) {
    const hazards = markupHazards(html, ALLOWED_IFRAME_HOSTS);
    if (hazards.length > 0) return result('fail', `unsafe: ${hazards.join(', ')} in ${html}`);
  }
  const ourText = html !== null ? htmlToText(html) : htmlToText(text);
  const theirText = htmlToText(expected);
  if ((ourText ?? '') !== (theirText ?? '')) {
    return result('fail', `text differs: ours ${JSON.stringify(ourText)}, feedparser ${JSON.stringify(theirText)}`);
  }
  return result('pass');
}

function describe(feed: ParsedFeed | null, error: FeedError | null): string {
  if (error) return `FeedError: ${error.message}`;
  if (!feed) return 'no feed';
  const item = feed.items[0];
  return JSON.stringify({
    title: feed.title, link: feed.link, language: feed.language, warnings: feed.warnings, items: feed.items.length,
    first: item ?? null,
  });
}

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
import { firstUnmodelledName, projectionScope } from './project.ts';
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
  const expect = feedCase.expect;
  // A failed expectation that also names a field we do not model says nothing about us, unless we were the
  // ones to call a well-formed document broken.
  const unmodelledOr = (verdict: CaseResult) => {
    const unmodelled = firstUnmodelledName(expect);
    const wronglyBozo = /^\s*not bozo\b/.test(expect) && (feed === null || feed.warnings.length > 0);
    return unmodelled !== null && !wronglyBozo ? result('not-modelled', unmodelled) : verdict;
  };
  try {
    if (name.startsWith('wellformed/sanitize/')) return judgeSafety(expect, scope, result);
    if (truthy(evaluate(expect, scope))) return result('pass');
    return unmodelledOr(result('fail', describe(feed, error)));
  } catch (thrown) {
    if (thrown instanceof NotModelled) return result('not-modelled', thrown.message);
    if (thrown instanceof PyError) return unmodelledOr(result('fail', `${thrown.message}; ${describe(feed, error)}`));
    throw thrown;
  }
}

/** `not bozo and <field> == '<literal>'`, the literal possibly split into pieces joined with `+`. */
const COMPARISON = /^\s*not bozo and (.+?) == ((?:u?'(?:[^'\\]|\\.)*'|u?"(?:[^"\\]|\\.)*"|\s|\+)+)$/s;

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

/** What the test needs to know about a case, small enough to pass between threads. */
export interface CaseReport {
  name: string;
  verdict: Verdict;
  detail: string;
  feedError: string | null;
  warnings: string[];
  items: number;
  /** Items without an absolute http(s) URL, without a title, without a date (for the real/ feeds). */
  itemsWithoutUrl: number;
  itemsWithoutTitle: number;
  itemsWithoutDate: number;
}

export function reportCase(result: CaseResult): CaseReport {
  const items = result.feed?.items ?? [];
  return {
    name: result.name,
    verdict: result.verdict,
    detail: result.detail.slice(0, 1000),
    feedError: result.error?.message ?? null,
    warnings: result.feed?.warnings ?? [],
    items: items.length,
    itemsWithoutUrl: items.filter((item) => !item.url || !/^https?:\/\//.test(item.url)).length,
    itemsWithoutTitle: items.filter((item) => !item.title).length,
    itemsWithoutDate: items.filter((item) => !item.publishedAt).length,
  };
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

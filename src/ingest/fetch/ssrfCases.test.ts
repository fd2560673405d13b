/**
 * The shared SSRF corpus (../shared/benchmarks/ssrf/cases.json, see its README): every "refuse" case is refused
 * with a clear error, every "allowed" case passes the URL check, and every name with a known DNS answer is
 * refused once a stub resolver gives that answer.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { FetchError } from '../../domain/index.ts';
import { checkUrl, createFetcher } from './index.ts';
import { stubResolver, TEST_USER_AGENT } from './testing/localServer.ts';

interface SsrfCase {
  url: string;
  why: string;
  category?: string;
  needsDns?: boolean;
  resolvesTo?: string[];
  policy?: string;
  base?: string;
}

const CASES_FILE = new URL('../../../../shared/benchmarks/ssrf/cases.json', import.meta.url);
const cases = JSON.parse(readFileSync(CASES_FILE, 'utf8')) as { refuse: SsrfCase[]; allowed: SsrfCase[] };

/** The URL as the fetcher would meet it: a relative reference (a Location, a feed link) resolved first. */
function target(entry: SsrfCase): string {
  return entry.base ? new URL(entry.url, entry.base).href : entry.url;
}

function describeCase(entry: SsrfCase, outcome: string): string {
  return `[${entry.category ?? 'allowed'}] ${JSON.stringify(entry.url)} (${entry.why}): ${outcome}`;
}

describe('SSRF corpus, URL check without DNS', () => {
  test('the corpus is the one the README describes', () => {
    assert.equal(cases.refuse.length, 161);
    assert.equal(cases.allowed.length, 27);
  });

  test('every refuse case that needs no DNS answer is refused with FetchError and a clear message', () => {
    const gotThrough: string[] = [];
    for (const entry of cases.refuse.filter((candidate) => !candidate.needsDns)) {
      try {
        const url = checkUrl(target(entry));
        gotThrough.push(describeCase(entry, `accepted as ${url.href}`));
      } catch (error) {
        if (!(error instanceof FetchError) || !['blocked', 'bad-url'].includes(error.failure)) {
          gotThrough.push(describeCase(entry, `wrong error ${String(error)}`));
        } else if (!error.message.startsWith('Refused ')) {
          gotThrough.push(describeCase(entry, `unclear message ${error.message}`));
        }
      }
    }
    assert.deepEqual(gotThrough, [], `got through the URL check:\n${gotThrough.join('\n')}`);
  });

  test('every allowed case passes the URL check', () => {
    const refused: string[] = [];
    for (const entry of cases.allowed) {
      try {
        checkUrl(target(entry));
      } catch (error) {
        refused.push(describeCase(entry, (error as Error).message));
      }
    }
    assert.deepEqual(refused, [], `wrongly refused:\n${refused.join('\n')}`);
  });

  test('unusual ports are refused by the default-ports policy, and pass when a deployment allows them', () => {
    const portCases = cases.refuse.filter((entry) => entry.policy === 'default-ports-only');
    assert.equal(portCases.length, 9);
    for (const entry of portCases) {
      assert.throws(() => checkUrl(entry.url), /is not allowed/, entry.url);
      const port = Number(new URL(entry.url).port);
      if (port !== 0) assert.doesNotThrow(() => checkUrl(entry.url, { allowedPorts: [port] }), entry.url);
    }
  });

  test('messages name the address and what it is', () => {
    assert.throws(() => checkUrl('http://10.0.0.1/'), {
      message: 'Refused http://10.0.0.1/: 10.0.0.1 is a private address',
    });
    assert.throws(() => checkUrl('http://0x7f000001/'), /127\.0\.0\.1 is a loopback address/);
    assert.throws(() => checkUrl('http://[::ffff:a9fe:a9fe]/'), /IPv4-mapped form of 169\.254\.169\.254, a link-local/);
    assert.throws(() => checkUrl('file:///etc/passwd'), /only http and https URLs are fetched, not file:/);
    assert.throws(() => checkUrl('http://256.0.0.1/'), { failure: 'bad-url' });
  });
});

describe('SSRF corpus, names refused by their DNS answer', () => {
  const withAnswers = cases.refuse.filter((entry) => entry.resolvesTo);

  test('every case with a known DNS answer is refused when the resolver gives that answer', async () => {
    assert.ok(withAnswers.length >= 5);
    const answers = Object.fromEntries(withAnswers.map((entry) => [new URL(entry.url).hostname, entry.resolvesTo ?? []]));
    const resolver = stubResolver(answers);
    const fetcher = createFetcher({ userAgent: TEST_USER_AGENT, lookup: resolver.lookup, totalTimeoutMs: 5_000 });
    const gotThrough: string[] = [];
    for (const entry of withAnswers) {
      try {
        const response = await fetcher.fetch({ url: entry.url });
        gotThrough.push(describeCase(entry, `fetched, status ${response.status}`));
      } catch (error) {
        if (!(error instanceof FetchError) || error.failure !== 'blocked') {
          gotThrough.push(describeCase(entry, `not refused as blocked: ${String(error)}`));
        }
      }
    }
    assert.deepEqual(gotThrough, [], `got through the DNS check:\n${gotThrough.join('\n')}`);
  });

  test('the names themselves pass the URL check only when not reserved (their answer decides)', () => {
    assert.doesNotThrow(() => checkUrl('http://127.0.0.1.nip.io/'));
    assert.throws(() => checkUrl('http://metadata.google.internal/computeMetadata/v1/'), { failure: 'blocked' });
    assert.throws(() => checkUrl('http://app.localhost/'), { failure: 'blocked' });
  });
});

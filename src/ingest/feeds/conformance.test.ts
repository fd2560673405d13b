/**
 * feedparser's test suite and real news feeds (../shared/benchmarks/feeds/) through parseFeed. Each file's
 * `Expect:` line is evaluated against our parse seen through feedparser's names (testing/project.ts); fields our
 * model does not carry are counted as "not modelled". What must hold:
 *
 * - no file throws anything but a FeedError, crashes the parser or hangs;
 * - every well-formed case (and every encoding, entities and JSON case) naming only modelled fields passes,
 *   except the known differences in testing/allowlist.ts, each with its reason (and each still failing);
 * - sanitize/ cases are judged on safety: no hazard left, the same visible text kept;
 * - every ill-formed file gives a FeedError with a message, or a parse with warnings saying what was wrong;
 * - every real feed yields items, each with an absolute link, a title and a date.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { knownDifference } from './testing/allowlist.ts';
import type { CaseReport } from './testing/conformance.ts';
import { runSuite } from './testing/suite.ts';

const FOLDERS = ['wellformed', 'illformed', 'encoding', 'entities', 'json', 'real'] as const;

/** Folders whose Expect lines must hold (ill-formed and real feeds have checks of their own). */
const EXPECTATION_FOLDERS = /^(?:wellformed|encoding|entities|json)\//;

function group(name: string): string {
  const parts = name.split('/');
  return parts[0] === 'wellformed' ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

const COUNTS = { files: 0, pass: 0, 'not modelled': 0, 'known difference': 0, fail: 0 };

function printTables(reports: readonly CaseReport[]): void {
  const rows = new Map<string, typeof COUNTS>();
  const total = { ...COUNTS };
  for (const report of reports) {
    if (!EXPECTATION_FOLDERS.test(report.name)) continue;
    const row = rows.get(group(report.name)) ?? { ...COUNTS };
    const column =
      report.verdict === 'pass' ? 'pass'
      : report.verdict === 'not-modelled' ? 'not modelled'
      : knownDifference(report.name) ? 'known difference'
      : 'fail';
    for (const counts of [row, total]) {
      counts.files++;
      counts[column]++;
    }
    rows.set(group(report.name), row);
  }
  console.log('feedparser conformance: Expect lines evaluated against our parse');
  console.table(Object.fromEntries([...rows, ['total', total]]));

  const illformed = reports.filter((report) => report.name.startsWith('illformed/'));
  console.log('ill-formed files: how each was handled');
  console.table({
    illformed: {
      files: illformed.length,
      'FeedError': illformed.filter((report) => report.feedError !== null).length,
      'parsed, with warnings': illformed.filter((report) => report.feedError === null && report.warnings.length > 0).length,
      'parsed cleanly': illformed.filter((report) => report.feedError === null && report.warnings.length === 0).length,
    },
  });
  const real = reports.filter((report) => report.name.startsWith('real/'));
  console.log('real news feeds');
  console.table({
    real: {
      feeds: real.length,
      items: real.reduce((sum, report) => sum + report.items, 0),
      'without link': real.reduce((sum, report) => sum + report.itemsWithoutUrl, 0),
      'without title': real.reduce((sum, report) => sum + report.itemsWithoutTitle, 0),
      'without date': real.reduce((sum, report) => sum + report.itemsWithoutDate, 0),
      'with warnings': real.filter((report) => report.warnings.length > 0).length,
    },
  });
}

describe('feed parser conformance (feedparser suite and real feeds)', { timeout: 10 * 60_000 }, () => {
  let reports: CaseReport[] = [];
  before(async () => {
    reports = await runSuite(FOLDERS);
    printTables(reports);
  });

  test('reads every file of the corpus', () => {
    assert.ok(reports.length > 2000, `only ${reports.length} files were run`);
  });

  test('nothing but a FeedError is ever thrown', () => {
    const crashed = reports.filter((report) => report.verdict === 'crashed');
    assert.deepEqual(crashed.map((report) => `${report.name}: ${report.detail}`), []);
  });

  test('well-formed, encoding, entity and JSON cases pass unless their fields are not modelled', () => {
    const failing = reports.filter(
      (report) => EXPECTATION_FOLDERS.test(report.name) && report.verdict === 'fail' && !knownDifference(report.name),
    );
    assert.deepEqual(failing.map((report) => `${report.name}: ${report.detail}`), []);
  });

  test('every known difference is still a difference (the allowlist only shrinks)', () => {
    const nowPassing = reports.filter((report) => report.verdict === 'pass' && knownDifference(report.name));
    assert.deepEqual(nowPassing.map((report) => report.name), []);
  });

  test('every ill-formed file gives a clear FeedError or a parse with warnings', () => {
    const illformed = reports.filter((report) => report.name.startsWith('illformed/'));
    assert.ok(illformed.length > 0);
    const silent = illformed.filter((report) => {
      if (report.feedError !== null) return report.feedError.trim().length < 10;
      // Some "ill-formed" files are XML we read cleanly (a stray DOCTYPE, odd GeoRSS we do not model).
      return report.warnings.length === 0 && report.verdict !== 'pass' && report.verdict !== 'not-modelled';
    });
    assert.deepEqual(silent.map((report) => report.name), []);
  });

  test('every real news feed yields items with an absolute link, a title and a date', () => {
    const real = reports.filter((report) => report.name.startsWith('real/'));
    assert.ok(real.length >= 17, `only ${real.length} real feeds`);
    for (const report of real) {
      assert.equal(report.feedError, null, `${report.name}: ${report.feedError}`);
      assert.ok(report.items > 0, `${report.name}: no items`);
      assert.equal(report.itemsWithoutUrl, 0, `${report.name}: items without an absolute link`);
      assert.equal(report.itemsWithoutTitle, 0, `${report.name}: items without a title`);
      assert.equal(report.itemsWithoutDate, 0, `${report.name}: items without a date`);
    }
  });
});

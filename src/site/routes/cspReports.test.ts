import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import Fastify from 'fastify';
import { registerErrorPages } from '../errors.ts';
import { CSP_REPORT_BODY_LIMIT, CSP_REPORT_PATH, cspReportRoutes, violationsIn } from './cspReports.ts';

/** The endpoint behind the site's error pages, with a small limit, its log lines collected as objects. */
async function reportingApp(limit = { capacity: 3, refillMs: 60_000 }) {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(JSON.parse(String(chunk)));
      callback();
    },
  });
  const app = Fastify({ logger: { level: 'info', stream } });
  registerErrorPages(app, 'CRBC News');
  await app.register(cspReportRoutes, { limit });
  await app.ready();
  const post = (contentType: string, payload: string, remoteAddress = '203.0.113.7') =>
    app.inject({ method: 'POST', url: CSP_REPORT_PATH, headers: { 'content-type': contentType }, payload, remoteAddress });
  const warnings = () => lines.filter((line) => line.level === 40);
  return { app, post, warnings };
}

/** What Firefox and older browsers post to report-uri. */
const REPORT_URI_BODY = {
  'csp-report': {
    'document-uri': 'https://news.example/search?q=my+own+name#results',
    referrer: 'https://elsewhere.example/',
    'violated-directive': 'img-src',
    'effective-directive': 'img-src',
    'original-policy': "default-src 'self'; img-src 'self' data:",
    disposition: 'enforce',
    'blocked-uri': 'https://tracker.example/pixel.gif?reader=42',
    'line-number': 12,
    'column-number': 4,
    'source-file': 'https://news.example/assets/feedback.js?v=3',
    'status-code': 200,
    'script-sample': 'secret text typed by a reader',
  },
};

/** What Chromium posts through the Reporting API: a batch, possibly with other kinds of report. */
const REPORTING_API_BODY = [
  {
    type: 'csp-violation',
    age: 10,
    url: 'https://news.example/world/a-story',
    user_agent: 'Mozilla/5.0',
    body: {
      documentURL: 'https://news.example/world/a-story',
      blockedURL: 'inline',
      effectiveDirective: 'script-src-elem',
      originalPolicy: "default-src 'self'",
      disposition: 'enforce',
      sample: 'alert(1)',
      statusCode: 200,
      lineNumber: 3,
      columnNumber: 9,
    },
  },
  { type: 'deprecation', age: 1, url: 'https://news.example/', body: { id: 'x', message: 'y' } },
];

describe('CSP violation reports', () => {
  it('takes report-uri reports, logs the fields that locate the violation at warn, and answers 204', async () => {
    const { app, post, warnings } = await reportingApp();
    const response = await post('application/csp-report', JSON.stringify(REPORT_URI_BODY));
    assert.equal(response.statusCode, 204);
    assert.equal(response.body, '');
    assert.deepEqual(
      warnings().map((line) => line.csp),
      [
        {
          documentUrl: 'https://news.example/search',
          blockedUrl: 'https://tracker.example/pixel.gif',
          directive: 'img-src',
          disposition: 'enforce',
          sourceFile: 'https://news.example/assets/feedback.js',
          line: 12,
          column: 4,
        },
      ],
    );
    const logged = JSON.stringify(warnings());
    assert.doesNotMatch(logged, /my\+own\+name|reader=42|secret text|original|elsewhere/, 'nothing the reader typed, no policy text');
    await app.close();
  });

  it('takes Reporting API batches and logs only their CSP violations', async () => {
    const { app, post, warnings } = await reportingApp();
    const response = await post('application/reports+json', JSON.stringify(REPORTING_API_BODY));
    assert.equal(response.statusCode, 204);
    assert.deepEqual(
      warnings().map((line) => line.csp),
      [{ documentUrl: 'https://news.example/world/a-story', blockedUrl: 'inline', directive: 'script-src-elem', disposition: 'enforce', sourceFile: null, line: 3, column: 9 }],
    );
    assert.doesNotMatch(JSON.stringify(warnings()), /alert\(1\)/);
    await app.close();
  });

  it('refuses what is not a report in plain words: bad JSON, another type, a body over 16 KB', async () => {
    const { app, post, warnings } = await reportingApp({ capacity: 100, refillMs: 1000 });
    const broken = await post('application/csp-report', '{"csp-report": ');
    assert.equal(broken.statusCode, 400);
    const wrongType = await post('text/html', '<p>hi</p>');
    assert.equal(wrongType.statusCode, 415);
    const huge = await post('application/csp-report', JSON.stringify({ 'csp-report': { 'document-uri': 'x'.repeat(CSP_REPORT_BODY_LIMIT) } }));
    assert.equal(huge.statusCode, 413);
    for (const response of [broken, wrongType, huge]) {
      assert.match(response.body, /^<!doctype html>/);
      assert.doesNotMatch(response.body, /JSON|Unexpected|FST_|Unsupported Media Type|Request body is too large/);
    }
    assert.equal(warnings().length, 0);
    await app.close();
  });

  it('limits each address, before reading the body', async () => {
    const { app, post, warnings } = await reportingApp({ capacity: 3, refillMs: 60_000 });
    const report = JSON.stringify(REPORT_URI_BODY);
    for (let n = 0; n < 3; n++) assert.equal((await post('application/csp-report', report)).statusCode, 204);
    const refused = await post('application/csp-report', report);
    assert.equal(refused.statusCode, 429);
    assert.equal(refused.headers['retry-after'], '60');
    assert.equal((await post('application/csp-report', '{not json')).statusCode, 429, 'refused before the body is parsed');
    assert.equal(warnings().length, 3);
    assert.equal((await post('application/csp-report', report, '198.51.100.1')).statusCode, 204, 'another address has its own limit');
    await app.close();
  });
});

describe('violationsIn', () => {
  it('finds nothing in bodies that are not reports', () => {
    for (const body of [null, 'text', 42, {}, [], [{ type: 'csp-violation' }], { 'csp-report': 'x' }]) {
      assert.deepEqual(violationsIn(body), [], JSON.stringify(body));
    }
  });

  it('cuts long fields and drops control characters, so a report cannot forge log lines', () => {
    const [violation] = violationsIn({ 'csp-report': { 'effective-directive': `img-src\n{"level":60}${'x'.repeat(500)}`, 'line-number': -1 } });
    assert.equal(violation?.directive?.length, 200);
    assert.doesNotMatch(violation?.directive ?? '', /\n/);
    assert.equal(violation?.line, null);
  });
});

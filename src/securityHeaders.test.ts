import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { headersFor, securityHeaders } from './securityHeaders.ts';

const headers = securityHeaders({ reportPath: '/csp-reports' });

/** A CSP header as directive → sources. */
function directives(csp: string | undefined): Map<string, string[]> {
  return new Map((csp ?? '').split(';').map((directive) => {
    const [name = '', ...sources] = directive.trim().split(/\s+/);
    return [name, sources] as [string, string[]];
  }));
}

describe('securityHeaders', () => {
  it('builds two frozen maps, differing only in HSTS and upgrade-insecure-requests', () => {
    assert.ok(Object.isFrozen(headers) && Object.isFrozen(headers.http) && Object.isFrozen(headers.https));
    assert.match(headers.https['strict-transport-security']!, /^max-age=\d+/);
    assert.equal(headers.http['strict-transport-security'], undefined);
    assert.ok(directives(headers.https['content-security-policy']).has('upgrade-insecure-requests'));
    assert.ok(!directives(headers.http['content-security-policy']).has('upgrade-insecure-requests'));
    const { 'strict-transport-security': _hsts, 'content-security-policy': httpsCsp, ...httpsRest } = headers.https;
    const { 'content-security-policy': httpCsp, ...httpRest } = headers.http;
    assert.deepEqual(httpsRest, httpRest);
    const withoutUpgrade = [...directives(httpsCsp)].filter(([name]) => name !== 'upgrade-insecure-requests');
    assert.deepEqual(withoutUpgrade, [...directives(httpCsp)]);
  });

  it('picks the map by the request’s scheme', () => {
    assert.equal(headersFor(headers, 'https'), headers.https);
    assert.equal(headersFor(headers, 'http'), headers.http);
  });

  it('loads fonts, and everything else, from this origin only, and is never framed', () => {
    const csp = directives(headers.http['content-security-policy']);
    assert.deepEqual(csp.get('font-src'), ["'self'"]);
    assert.deepEqual(csp.get('default-src'), ["'self'"]);
    assert.deepEqual(csp.get('frame-ancestors'), ["'none'"]);
    assert.equal(headers.http['x-frame-options'], 'DENY');
  });

  it('sends violation reports to the report path, by report-uri and by the Reporting API', () => {
    const csp = directives(headers.http['content-security-policy']);
    assert.deepEqual(csp.get('report-uri'), ['/csp-reports']);
    assert.deepEqual(csp.get('report-to'), ['csp']);
    assert.equal(headers.http['reporting-endpoints'], 'csp="/csp-reports"');
  });

  it('denies the browser features a news page never uses', () => {
    const policy = headers.http['permissions-policy']!;
    const denied = policy.split(', ').map((entry) => {
      const [feature, allowlist] = entry.split('=');
      assert.equal(allowlist, '()', entry);
      return feature;
    });
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'browsing-topics', 'serial', 'hid']) {
      assert.ok(denied.includes(feature), feature);
    }
  });
});

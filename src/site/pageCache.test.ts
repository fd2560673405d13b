import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { acceptedEncoding, createPageCache, matchesIfNoneMatch, preparePage } from './pageCache.ts';

describe('preparePage', () => {
  it('precomputes length, ETag and caching headers from the bytes', () => {
    const page = preparePage('<p>café</p>');
    assert.equal(page.headers['content-length'], String(Buffer.byteLength('<p>café</p>')));
    assert.equal(page.headers['cache-control'], 'public, max-age=60, s-maxage=300, stale-while-revalidate=600, stale-if-error=86400');
    assert.equal(page.headers['vary'], 'accept-encoding');
    assert.equal(page.etag, preparePage('<p>café</p>').etag);
    assert.notEqual(page.etag, preparePage('<p>cafe</p>').etag);
  });
});

describe('matchesIfNoneMatch', () => {
  it('accepts the tag alone, in a list, weak, or *', () => {
    assert.ok(matchesIfNoneMatch('"a"', '"a"'));
    assert.ok(matchesIfNoneMatch('"b", "a"', '"a"'));
    assert.ok(matchesIfNoneMatch('W/"a"', '"a"'));
    assert.ok(matchesIfNoneMatch('*', '"a"'));
    assert.ok(!matchesIfNoneMatch('"b"', '"a"'));
    assert.ok(!matchesIfNoneMatch(undefined, '"a"'));
  });
});

describe('createPageCache', () => {
  const page = preparePage('x');

  it('forgets entries after the TTL', () => {
    let now = 0;
    const cache = createPageCache({ enabled: true, ttlMs: 1000, now: () => now });
    cache.set('/a', page);
    now = 999;
    assert.equal(cache.get('/a'), page);
    now = 1000;
    assert.equal(cache.get('/a'), undefined);
    assert.equal(cache.size, 0);
  });

  it('evicts the least recently used entry beyond its bound', () => {
    const cache = createPageCache({ enabled: true, maxEntries: 2 });
    cache.set('/a', page);
    cache.set('/b', page);
    cache.get('/a'); // /b is now the least recently used
    cache.set('/c', page);
    assert.equal(cache.size, 2);
    assert.equal(cache.get('/b'), undefined);
    assert.equal(cache.get('/a'), page);
    assert.equal(cache.get('/c'), page);
  });

  it('stores nothing when disabled, and clear() empties it', () => {
    const off = createPageCache({ enabled: false });
    off.set('/a', page);
    assert.equal(off.get('/a'), undefined);
    const on = createPageCache({ enabled: true });
    on.set('/a', page);
    on.clear();
    assert.equal(on.size, 0);
  });
});

describe('acceptedEncoding', () => {
  it('prefers brotli, then gzip, and honours a refusal by q=0', () => {
    assert.equal(acceptedEncoding('gzip, deflate, br'), 'br');
    assert.equal(acceptedEncoding('gzip;q=1.0, br;q=0'), 'gzip');
    assert.equal(acceptedEncoding('br;q=0, gzip;q=0'), null);
    assert.equal(acceptedEncoding('identity'), null);
    assert.equal(acceptedEncoding('*'), 'gzip');
    assert.equal(acceptedEncoding(undefined), null);
  });
});

describe('page metadata', () => {
  it('carries Last-Modified and the surrogate keys a CDN purges by', () => {
    const page = preparePage('<p>x</p>', { lastModified: '2026-11-25T10:00:00.000Z', surrogateKeys: ['article-7', 'section-world'] });
    assert.equal(page.headers['last-modified'], 'Wed, 25 Nov 2026 10:00:00 GMT');
    assert.equal(page.headers['surrogate-key'], 'article-7 section-world');
    assert.equal(page.headers['cache-tag'], 'article-7,section-world');
    assert.equal(page.notModifiedHeaders['surrogate-key'], 'article-7 section-world');
  });
});

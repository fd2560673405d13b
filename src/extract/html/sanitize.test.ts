import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { ALLOWED_IFRAME_HOSTS, sanitizeArticleHtml, stripTrackingParams } from './index.ts';

const XSS_DIR = fileURLToPath(new URL('../../../../shared/benchmarks/xss/', import.meta.url));

interface Payload {
  id: string;
  payload: string;
}

const corpus = (file: string): Payload[] => JSON.parse(readFileSync(XSS_DIR + file, 'utf8')) as Payload[];

/** Elements that must never come out of the sanitizer, whatever went in. */
const FORBIDDEN_TAGS = [
  'script', 'style', 'object', 'embed', 'applet', 'form', 'input', 'button', 'textarea', 'select', 'option', 'link',
  'meta', 'base', 'frame', 'frameset', 'template', 'noscript', 'svg', 'math', 'xmp', 'title', 'body', 'html', 'head',
];
const URL_ATTRIBUTES = ['href', 'src', 'cite', 'action', 'formaction', 'data', 'poster', 'background', 'xlink:href', 'srcset', 'longdesc', 'lowsrc', 'dynsrc'];
const SAFE_SCHEME = /^(?:https?:|mailto:|tel:)/i;
const SAFE_DATA_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp|avif);base64,/i;

/** Problems found in sanitized HTML, read back the way a browser would read it. */
function unsafeParts(html: string): string[] {
  const { document } = parseHTML(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`);
  const problems: string[] = [];
  for (const element of document.body.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase();
    if (FORBIDDEN_TAGS.includes(tag)) problems.push(`<${tag}>`);
    if (tag === 'iframe') {
      const src = element.getAttribute('src') ?? '';
      let host = '';
      try {
        host = new URL(src).protocol === 'https:' ? new URL(src).hostname : '';
      } catch {
        host = '';
      }
      if (!ALLOWED_IFRAME_HOSTS.has(host)) problems.push(`iframe ${src}`);
    }
    for (const name of element.getAttributeNames()) {
      const value = (element.getAttribute(name) ?? '').trim();
      if (name.startsWith('on')) problems.push(`${tag}[${name}]`);
      if (name === 'srcdoc' || name === 'style') problems.push(`${tag}[${name}]`);
      if (!URL_ATTRIBUTES.includes(name)) continue;
      if (/^[a-z][a-z0-9+.-]*:/i.test(value) && !SAFE_SCHEME.test(value) && !(tag === 'img' && name === 'src' && SAFE_DATA_IMAGE.test(value))) {
        problems.push(`${tag}[${name}=${value.slice(0, 40)}]`);
      }
      if (/^\s*\/\//.test(value)) problems.push(`${tag}[${name}] protocol-relative`);
    }
  }
  return problems;
}

describe('sanitizer against the XSS corpora', () => {
  for (const file of ['payloads.json', 'h5sc.json']) {
    const payloads = corpus(file);
    test(`${file}: ${payloads.length} payloads leave nothing that runs, styles, submits or frames`, () => {
      assert.ok(payloads.length > 100, 'the corpus is read');
      const failures: string[] = [];
      for (const { id, payload } of payloads) {
        for (const baseUrl of ['https://news.example.com/world/story', null]) {
          const problems = unsafeParts(sanitizeArticleHtml(payload, { baseUrl }));
          if (problems.length > 0) failures.push(`${id} (base ${baseUrl}): ${problems.join(', ')}`);
        }
      }
      assert.deepEqual(failures, []);
    });
  }

  test('the checker itself sees what it must refuse', () => {
    const found = unsafeParts('<p onclick="x()">a</p><script>1</script><a href="javascript:alert(1)">b</a>').sort();
    assert.deepEqual(found, ['<script>', 'a[href=javascript:alert(1)]', 'p[onclick]']);
  });
});

describe('sanitizer allowlist', () => {
  const base = { baseUrl: 'https://news.example.com/world/story' };

  test('article markup survives: text, headings, lists, quotes, tables, figures', () => {
    const html = '<h2>Sub</h2><p>A <strong>b</strong> <em>c</em></p><ul><li>x</li></ul><blockquote><p>q</p></blockquote>'
      + '<table><tbody><tr><td>1</td></tr></tbody></table><figure><img src="https://cdn.example.com/a.jpg" alt="A" /><figcaption>Cap</figcaption></figure>';
    assert.equal(sanitizeArticleHtml(html, base), html);
  });

  test('h1 becomes h2; classes, ids and styles go', () => {
    assert.equal(sanitizeArticleHtml('<h1 class="x" id="y" style="color:red">Title</h1>', base), '<h2>Title</h2>');
  });

  test('relative links and images are made absolute; tracking parameters are stripped from links', () => {
    const html = '<a href="../sport/match?utm_campaign=a&amp;id=7&amp;fbclid=zz#score">m</a><img src="img/p.jpg" alt="">';
    assert.equal(
      sanitizeArticleHtml(html, base),
      '<a href="https://news.example.com/sport/match?id=7#score">m</a><img src="https://news.example.com/world/img/p.jpg" alt="" />',
    );
  });

  test('without a base, relative links stay relative and protocol-relative ones go', () => {
    assert.equal(sanitizeArticleHtml('<a href="/x">a</a><a href="//evil.example/x">b</a>', { baseUrl: null }), '<a href="/x">a</a><a>b</a>');
  });

  test('raster data: images stay; SVG and HTML data: URLs do not', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    assert.equal(sanitizeArticleHtml(`<img src="${png}" alt="">`, base), `<img src="${png}" alt="" />`);
    assert.equal(sanitizeArticleHtml('<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="">', base), '');
    assert.equal(sanitizeArticleHtml('<a href="data:text/html,<script>alert(1)</script>">x</a>', base), '<a>x</a>');
  });

  test('iframes only from the video allowlist, over https, sandboxed', () => {
    const out = sanitizeArticleHtml('<iframe src="https://www.youtube.com/embed/abc" width="560" onload="x()"></iframe>', base);
    assert.equal(out, '<iframe src="https://www.youtube.com/embed/abc" width="560" sandbox="allow-scripts allow-same-origin allow-presentation" loading="lazy"></iframe>');
    assert.equal(sanitizeArticleHtml('<iframe src="https://evil.example/embed"></iframe><p>after</p>', base), '<p>after</p>');
    assert.equal(sanitizeArticleHtml('<iframe src="http://www.youtube.com/embed/abc"></iframe>', base), '');
    assert.equal(sanitizeArticleHtml('<iframe srcdoc="<script>alert(1)</script>"></iframe>', base), '');
  });

  test('forms and scripts go with their content; unknown wrappers go but keep their text', () => {
    assert.equal(sanitizeArticleHtml('<form><button>Subscribe</button></form><section><p>kept</p></section>', base), '<p>kept</p>');
  });

  test('anything at all comes back as a string', () => {
    for (const input of ['', '<', '<<<>>>', '</p></div>', '\u0000<p>\u0000</p>', '<p>'.repeat(5000), 'plain & simple']) {
      assert.equal(typeof sanitizeArticleHtml(input, base), 'string');
    }
    assert.equal(sanitizeArticleHtml(undefined as unknown as string, base), '');
    assert.equal(typeof sanitizeArticleHtml('<a href="x">y</a>', { baseUrl: 'not a url' }), 'string');
  });
});

describe('stripTrackingParams', () => {
  test('campaign and click identifiers go, everything else stays in order', () => {
    const url = 'https://news.example.com/a?id=1&utm_source=tw&utm_medium=social&fbclid=x&gclid=y&mc_cid=1&mc_eid=2&igshid=z&page=2#top';
    assert.equal(stripTrackingParams(url), 'https://news.example.com/a?id=1&page=2#top');
  });

  test('a query of nothing but tracking leaves no bare "?"', () => {
    assert.equal(stripTrackingParams('https://news.example.com/a?utm_source=x&UTM_Campaign=y'), 'https://news.example.com/a');
  });

  test('URLs without tracking, non-http URLs and non-URLs come back unchanged', () => {
    for (const url of ['https://news.example.com/a?b=c%20d&e', 'mailto:desk@example.com?utm_source=x', '/relative?utm_source=x', 'not a url']) {
      assert.equal(stripTrackingParams(url), url);
    }
  });
});

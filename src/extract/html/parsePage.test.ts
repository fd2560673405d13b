import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePage } from './parsePage.ts';

describe('parsePage', () => {
  test('a fragment gets <html>, <head> and a <body> holding it', () => {
    const document = parsePage('<p>One</p><p>Two</p>');
    assert.equal(document.documentElement.tagName, 'HTML');
    assert.equal(document.body.querySelectorAll('p').length, 2);
  });

  test('an element before <head> moves into the real <body>, which keeps its attributes', () => {
    const document = parsePage('<html><div id="stray">x</div><head><title>T</title></head><body class="page"><p>Text</p></body></html>');
    assert.deepEqual([...document.documentElement.children].map((child) => child.tagName), ['HEAD', 'BODY']);
    assert.equal(document.body.getAttribute('class'), 'page');
    assert.deepEqual([...document.body.children].map((child) => child.tagName), ['DIV', 'P']);
    assert.equal(document.querySelector('title')?.textContent, 'T');
  });

  test('content after </body> joins the body at its end', () => {
    const document = parsePage('<html><head></head><body><p>a</p></body><p>b</p></html>');
    assert.deepEqual([...document.body.querySelectorAll('p')].map((p) => p.textContent), ['a', 'b']);
  });
});

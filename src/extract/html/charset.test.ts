import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { decodeHtml, extractArticle } from './index.ts';
import { articlePage } from './testing/pages.ts';

const RUSSIAN = 'Москва: переговоры о зерне возобновятся в понедельник, сообщили дипломаты.';
const JAPANESE = '東京株式市場で日経平均株価が続伸し、終値は三万円台を回復した。';
const FRENCH = 'Les négociations reprendront lundi à Genève, a déclaré le porte-parole — « enfin ».';

function page(text: string, headExtra = ''): string {
  return `<!DOCTYPE html><html><head>${headExtra}<title>t</title></head><body><p>${text}</p></body></html>`;
}

describe('decodeHtml', () => {
  test('windows-1251 named by <meta charset>', () => {
    const bytes = iconv.encode(page(RUSSIAN, '<meta charset="windows-1251">'), 'windows-1251');
    assert.ok(decodeHtml(bytes).includes(RUSSIAN));
  });

  test('Shift_JIS named by an http-equiv Content-Type', () => {
    const bytes = iconv.encode(page(JAPANESE, '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">'), 'shift_jis');
    assert.ok(decodeHtml(bytes).includes(JAPANESE));
  });

  test('ISO-8859-1 named by the HTTP header is read as Windows-1252, as browsers do (curly quotes survive)', () => {
    const text = `${FRENCH} “Quoted” – 5 €`;
    const bytes = iconv.encode(page(text), 'windows-1252');
    assert.ok(decodeHtml(bytes, 'text/html; charset=ISO-8859-1').includes(text));
  });

  test('a <meta charset> after a long comment in the head is still found', () => {
    const comment = `<!-- ${'build info '.repeat(300)} -->`;
    const html = `<!DOCTYPE html><html><head>${comment}<script>var x = "<meta charset=utf-8>";</script><meta charset="windows-1251"><title>t</title></head><body><p>${RUSSIAN}</p></body></html>`;
    const bytes = iconv.encode(html, 'windows-1251');
    assert.ok(bytes.indexOf('<meta charset="windows-1251">') > 1024, 'the meta sits past the first 1024 bytes');
    assert.ok(decodeHtml(bytes).includes(RUSSIAN));
  });

  test('a meta inside a comment or a script does not count', () => {
    const html = `<html><head><!-- <meta charset="shift_jis"> --><meta charset="windows-1251"></head><body>${RUSSIAN}</body></html>`;
    assert.ok(decodeHtml(iconv.encode(html, 'windows-1251')).includes(RUSSIAN));
  });

  test('the HTTP header wins over <meta>', () => {
    const bytes = iconv.encode(page(RUSSIAN, '<meta charset="iso-8859-1">'), 'windows-1251');
    assert.ok(decodeHtml(bytes, 'text/html; charset="windows-1251"').includes(RUSSIAN));
  });

  test('a byte-order mark wins over the header and <meta>, and is not part of the text', () => {
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page(JAPANESE, '<meta charset="windows-1251">'))]);
    const decoded = decodeHtml(utf8, 'text/html; charset=windows-1251');
    assert.ok(decoded.includes(JAPANESE));
    assert.ok(decoded.startsWith('<!DOCTYPE'));
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(page(RUSSIAN), 'utf-16le')]);
    assert.ok(decodeHtml(utf16, 'text/html; charset=iso-8859-1').includes(RUSSIAN));
  });

  test('an unknown label is skipped for the next source', () => {
    const bytes = iconv.encode(page(RUSSIAN, '<meta charset="windows-1251">'), 'windows-1251');
    assert.ok(decodeHtml(bytes, 'text/html; charset=no-such-charset').includes(RUSSIAN));
  });

  test('unlabelled: valid UTF-8 is UTF-8, anything else Windows-1252', () => {
    assert.ok(decodeHtml(Buffer.from(page(JAPANESE))).includes(JAPANESE));
    assert.ok(decodeHtml(iconv.encode(page(FRENCH), 'windows-1252')).includes(FRENCH));
  });

  test('a <meta> claiming UTF-16 on an ASCII-compatible page means UTF-8', () => {
    assert.ok(decodeHtml(Buffer.from(page(JAPANESE, '<meta charset="utf-16">'))).includes(JAPANESE));
  });

  test('decoded pages extract as correct text', () => {
    const html = articlePage({ head: '<meta charset="windows-1251">' }).replace('<meta charset="utf-8">', '').replace('</article>', `<p>${RUSSIAN}</p></article>`);
    const article = extractArticle(decodeHtml(iconv.encode(html, 'windows-1251')), { url: 'https://news.example.ru/a' });
    assert.ok(article.bodyText.includes(RUSSIAN));
  });
});

test('a charset label naming an Object.prototype member is an unknown label, decoded as the fallback', () => {
  const bytes = new TextEncoder().encode('<meta charset="constructor"><p>café</p>');
  assert.match(decodeHtml(bytes, 'text/html; charset=__proto__'), /café/);
});

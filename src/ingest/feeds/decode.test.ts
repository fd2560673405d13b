import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import iconv from 'iconv-lite';
import { decodeFeed, readFeedText } from './index.ts';

const xml = (declaration: string, body = '<rss><channel><title>Caf\u00e9 \u2019</title></channel></rss>') =>
  `${declaration}${body}`;

describe('decodeFeed: which charset wins', () => {
  test('a byte-order mark beats the HTTP charset and the declaration (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE)', () => {
    const text = xml('<?xml version="1.0" encoding="iso-8859-1"?>');
    const cases: [string, Buffer][] = [
      ['utf-8', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
      ['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
      ['utf-16be', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')])],
      ['utf-32le', Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), iconv.encode(text, 'utf-32le')])],
      ['utf-32be', Buffer.concat([Buffer.from([0, 0, 0xfe, 0xff]), iconv.encode(text, 'utf-32be')])],
    ];
    for (const [encoding, bytes] of cases) {
      const decoded = readFeedText(bytes, 'text/xml; charset=windows-1252');
      assert.equal(decoded.encoding, encoding);
      assert.equal(decoded.text, text, encoding);
    }
  });

  test('UTF-16 without a BOM is recognised from "<?xml" and its orderless declaration', () => {
    const text = xml('<?xml version="1.0" encoding="utf-16"?>');
    const decoded = readFeedText(iconv.encode(text, 'utf-16be'));
    assert.equal(decoded.encoding, 'utf-16be');
    assert.equal(decoded.text, text);
  });

  test('the HTTP charset beats the XML declaration', () => {
    const bytes = iconv.encode(xml('<?xml version="1.0" encoding="utf-8"?>'), 'windows-1252');
    const decoded = readFeedText(bytes, 'application/rss+xml; charset="windows-1252"');
    assert.equal(decoded.encoding, 'windows-1252');
    assert.match(decoded.text, /Caf\u00e9 \u2019/);
    assert.deepEqual(decoded.warnings, []);
  });

  test('application/xml without a charset follows the declaration; no header at all too', () => {
    const bytes = iconv.encode(xml('<?xml version="1.0" encoding="ISO-8859-1"?>', '<rss><title>Caf\u00e9</title></rss>'), 'latin1');
    assert.equal(readFeedText(bytes, 'application/xml').encoding, 'iso-8859-1');
    assert.equal(readFeedText(bytes).encoding, 'iso-8859-1');
    assert.match(decodeFeed(bytes), /Caf\u00e9/);
  });

  test('text/xml without a charset is US-ASCII (RFC 3023); non-ASCII bytes fall back to the declaration, with a warning', () => {
    const ascii = Buffer.from(xml('<?xml version="1.0" encoding="utf-8"?>', '<rss/>'));
    assert.equal(readFeedText(ascii, 'text/xml').encoding, 'us-ascii');
    const utf8 = Buffer.from(xml('<?xml version="1.0" encoding="utf-8"?>'), 'utf8');
    const decoded = readFeedText(utf8, 'text/xml');
    assert.equal(decoded.encoding, 'utf-8');
    assert.match(decoded.text, /Caf\u00e9/);
    assert.match(decoded.warnings[0] ?? '', /declared as us-ascii/);
  });

  test('no declaration and no header means UTF-8; bytes that are not UTF-8 fall back to windows-1252', () => {
    assert.equal(readFeedText(Buffer.from('<rss>\u00e9</rss>', 'utf8')).encoding, 'utf-8');
    const latin = readFeedText(iconv.encode('<rss>Cr\u00e8me \u201cbr\u00fbl\u00e9e\u201d</rss>', 'windows-1252'));
    assert.equal(latin.encoding, 'windows-1252');
    assert.equal(latin.text, '<rss>Cr\u00e8me \u201cbr\u00fbl\u00e9e\u201d</rss>');
    assert.equal(latin.warnings.length, 1);
  });

  test('gb2312 is read as its superset gb18030; legacy CJK charsets decode', () => {
    const text = '<?xml version="1.0" encoding="gb2312"?><rss><title>\u65b0\u95fb</title></rss>';
    const decoded = readFeedText(iconv.encode(text, 'gb2312'));
    assert.equal(decoded.encoding, 'gb18030');
    assert.equal(decoded.text, text);
    const big5 = '<?xml version="1.0" encoding="big5"?><rss><title>\u65b0\u805e</title></rss>';
    assert.equal(decodeFeed(iconv.encode(big5, 'big5')), big5);
  });

  test('a bogus charset label is ignored with a warning, never an exception', () => {
    const decoded = readFeedText(Buffer.from('<?xml version="1.0" encoding="bogus"?><rss/>'), 'text/xml; charset=nonsense');
    assert.equal(decoded.encoding, 'utf-8');
    assert.ok(decoded.warnings.length > 0);
  });

  test('a parameter without "=" is not a charset ("charset:iso-8859-1")', () => {
    assert.equal(readFeedText(Buffer.from('<rss/>'), 'text/xml; charset:iso-8859-1').encoding, 'us-ascii');
  });

  test('a non-feed media type is decoded but flagged', () => {
    const decoded = readFeedText(Buffer.from('<rss/>'), 'text/plain; charset=utf-8');
    assert.equal(decoded.encoding, 'utf-8');
    assert.match(decoded.warnings[0] ?? '', /text\/plain/);
  });

  test('cp1252 punctuation published as C1 controls becomes the characters meant', () => {
    assert.equal(decodeFeed(Buffer.from('<rss>don\u0092t</rss>', 'utf8')), '<rss>don\u2019t</rss>');
  });
});

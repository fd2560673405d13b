import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ExtractError } from '../domain/index.ts';
import { decodePageText } from './pageFile.ts';

const PAGE = 'CRBC News\nSecurity\n\nIraq’s Government Says Café Is Open\n\nThe lede.';

test('UTF-8 with or without a BOM, and UTF-16 with one, read as the same text', () => {
  const utf8 = Buffer.from(PAGE, 'utf8');
  assert.equal(decodePageText(utf8, 'page.txt'), PAGE);
  assert.equal(decodePageText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]), 'page.txt'), PAGE);
  assert.equal(decodePageText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PAGE, 'utf16le')]), 'page.txt'), PAGE);
  const be = Buffer.from(PAGE, 'utf16le').swap16();
  assert.equal(decodePageText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'page.txt'), PAGE);
});

test('text that is not UTF-8 is read as Windows-1252, curly quotes and accents intact', () => {
  // "Iraq’s Café" in Windows-1252: ’ is 0x92, é is 0xE9.
  const bytes = Buffer.from([0x49, 0x72, 0x61, 0x71, 0x92, 0x73, 0x20, 0x43, 0x61, 0x66, 0xe9]);
  assert.equal(decodePageText(bytes, 'page.txt'), 'Iraq’s Café');
});

test('a binary file is refused with a clear message', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
  assert.throws(() => decodePageText(png, 'photo.png'), (error) => error instanceof ExtractError && /photo\.png looks like binary data/.test(error.message));
});

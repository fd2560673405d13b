/**
 * A fetched page's bytes as text. Browsers decide the encoding in this order, and so do we: a byte-order mark,
 * then the charset of the HTTP Content-Type, then a <meta charset> / http-equiv in the head, then "is it valid
 * UTF-8?", and finally Windows-1252, which is what unlabelled Western pages almost always are. iconv-lite does the
 * decoding: Node's TextDecoder treats 'windows-1252' as Latin-1 and knows no Shift_JIS without full ICU.
 */
import iconv from 'iconv-lite';
import { ownEntry } from '../../domain/index.ts';

/**
 * How far into the page we look for a <meta> charset. The HTML standard stops at 1024 bytes, but real pages put
 * long comments and inline scripts first; we skip those and give up at this bound or at <body>, whichever comes
 * first.
 */
const PRESCAN_BYTES = 64 * 1024;

/**
 * Labels as the WHATWG Encoding Standard maps them, where iconv-lite's own reading differs: Latin-1 and ASCII
 * labels mean Windows-1252 on the web, and the East Asian legacy labels mean the Microsoft supersets.
 */
const WEB_ENCODING_ALIASES: Readonly<Record<string, string>> = {
  'iso-8859-1': 'windows-1252', 'iso8859-1': 'windows-1252', 'iso_8859-1': 'windows-1252', latin1: 'windows-1252',
  'l1': 'windows-1252', 'us-ascii': 'windows-1252', ascii: 'windows-1252', 'ansi_x3.4-1968': 'windows-1252',
  cp1252: 'windows-1252', 'x-cp1252': 'windows-1252', 'cp819': 'windows-1252', 'ibm819': 'windows-1252',
  'iso-8859-9': 'windows-1254', latin5: 'windows-1254', 'iso-8859-11': 'windows-874', 'tis-620': 'windows-874',
  shift_jis: 'cp932', 'shift-jis': 'cp932', sjis: 'cp932', 'x-sjis': 'cp932', 'ms_kanji': 'cp932',
  'windows-31j': 'cp932', 'csshiftjis': 'cp932', gb2312: 'gbk', 'gb_2312-80': 'gbk', 'x-gbk': 'gbk',
  'euc-kr': 'cp949', 'ks_c_5601-1987': 'cp949', 'windows-949': 'cp949', big5: 'big5hkscs', 'x-x-big5': 'big5hkscs',
  'x-user-defined': 'windows-1252', 'unicode-1-1-utf-8': 'utf-8', utf8: 'utf-8',
};

/** The page as text, its encoding chosen as a browser would choose it. A leading BOM is never part of the text. */
export function decodeHtml(bytes: Uint8Array, contentType?: string | null): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bom = sniffBom(buffer);
  if (bom) return iconv.decode(buffer.subarray(bom.length), bom.encoding, { stripBOM: true });

  const fromHeader = webEncoding(charsetOfContentType(contentType ?? null), 'header');
  if (fromHeader) return iconv.decode(buffer, fromHeader, { stripBOM: true });

  const fromMeta = webEncoding(prescanMetaCharset(buffer), 'meta');
  if (fromMeta) return iconv.decode(buffer, fromMeta, { stripBOM: true });

  const utf8 = decodeValidUtf8(buffer);
  return utf8 ?? iconv.decode(buffer, 'windows-1252');
}

interface Bom {
  encoding: string;
  length: number;
}

function sniffBom(bytes: Buffer): Bom | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  return null;
}

/** `text/html; charset="Shift_JIS"` → 'Shift_JIS'. */
export function charsetOfContentType(contentType: string | null): string | null {
  if (!contentType) return null;
  const match = /;\s*charset\s*=\s*("?)([^";,\s]+)\1/i.exec(contentType);
  return match?.[2] ?? null;
}

/**
 * The iconv-lite name for a label, or null when the label is unknown (a browser then moves to the next source).
 * A <meta> that claims UTF-16 is read as UTF-8: the bytes that spelled the meta tag in ASCII cannot be UTF-16.
 */
function webEncoding(label: string | null, source: 'header' | 'meta'): string | null {
  if (!label) return null;
  const lower = label.trim().toLowerCase();
  if (source === 'meta' && lower.startsWith('utf-16')) return 'utf-8';
  if (lower === 'utf-16') return 'utf-16le';
  const name = ownEntry(WEB_ENCODING_ALIASES, lower) ?? lower;
  return iconv.encodingExists(name) ? name : null;
}

const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const RAW_TEXT = /<(script|style|template)\b[\s\S]*?(?:<\/\1\s*>|$)/gi;
const META_TAG = /<meta\b([^>]*)>/gi;
const BODY_START = /<body[\s>]/i;
const ATTRIBUTE = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

/** The charset a <meta> in the page's head declares, looking past comments and scripts (see PRESCAN_BYTES). */
export function prescanMetaCharset(bytes: Uint8Array): string | null {
  // Every byte maps to one char in Latin-1, so ASCII markup is found whatever the real encoding is.
  let head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, PRESCAN_BYTES)).toString('latin1');
  head = head.replace(COMMENT, ' ').replace(RAW_TEXT, ' ');
  const bodyAt = head.search(BODY_START);
  if (bodyAt !== -1) head = head.slice(0, bodyAt);
  for (const meta of head.matchAll(META_TAG)) {
    const attributes = readAttributes(meta[1] ?? '');
    const charset = attributes.get('charset');
    if (charset) return charset;
    const equiv = attributes.get('http-equiv');
    const content = attributes.get('content');
    if (equiv?.toLowerCase() === 'content-type' && content) {
      const declared = charsetOfContentType(content.includes(';') ? content : `;${content}`);
      if (declared) return declared;
    }
  }
  return null;
}

function readAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of source.matchAll(ATTRIBUTE)) {
    const name = match[1]!.toLowerCase();
    if (!attributes.has(name)) attributes.set(name, (match[2] ?? match[3] ?? match[4] ?? '').trim());
  }
  return attributes;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function decodeValidUtf8(bytes: Buffer): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

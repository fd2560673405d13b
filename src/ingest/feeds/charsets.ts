/**
 * Charset vocabulary for decode.ts: byte-order sniffing, Content-Type parsing, and the many spellings
 * publishers use for the same charset ("utf_16", "u16", "ISO-8859-1", "gb2312").
 */
import { ownEntry } from '../../domain/index.ts';

export interface ByteOrder {
  /** 'utf-8', 'utf-16le', 'utf-16be', 'utf-32le', 'utf-32be', or null for an ASCII-compatible start. */
  charset: string | null;
  /** Bytes of byte-order mark to skip (0 when the order was inferred from `<?xm`). */
  bomLength: number;
}

/** XML 1.0 appendix F: a BOM, or the first characters `<?` in a wide encoding. */
export function sniffByteOrder(bytes: Uint8Array): ByteOrder {
  const [b0, b1, b2, b3] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  if (b0 === 0x00 && b1 === 0x00 && b2 === 0xfe && b3 === 0xff) return { charset: 'utf-32be', bomLength: 4 };
  if (b0 === 0xff && b1 === 0xfe && b2 === 0x00 && b3 === 0x00) return { charset: 'utf-32le', bomLength: 4 };
  if (b0 === 0xfe && b1 === 0xff) return { charset: 'utf-16be', bomLength: 2 };
  if (b0 === 0xff && b1 === 0xfe) return { charset: 'utf-16le', bomLength: 2 };
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { charset: 'utf-8', bomLength: 3 };
  if (b0 === 0x00 && b1 === 0x00 && b2 === 0x00 && b3 === 0x3c) return { charset: 'utf-32be', bomLength: 0 };
  if (b0 === 0x3c && b1 === 0x00 && b2 === 0x00 && b3 === 0x00) return { charset: 'utf-32le', bomLength: 0 };
  if (b0 === 0x00 && b1 === 0x3c && b2 === 0x00 && b3 === 0x3f) return { charset: 'utf-16be', bomLength: 0 };
  if (b0 === 0x3c && b1 === 0x00 && b2 === 0x3f && b3 === 0x00) return { charset: 'utf-16le', bomLength: 0 };
  return { charset: null, bomLength: 0 };
}

/** Declarations that name a Unicode form without its byte order: the BOM (or sniffed order) decides. */
const ORDERLESS_UNICODE_LABELS = new Set([
  'u16', 'utf-16', 'utf16', 'utf_16', 'u32', 'utf-32', 'utf32', 'utf_32',
  'iso-10646-ucs-2', 'iso-10646-ucs-4', 'csucs4', 'csunicode', 'ucs-2', 'ucs-4',
]);

export function labelForBom(label: string): boolean {
  return ORDERLESS_UNICODE_LABELS.has(label);
}

/** Aliases to the names iconv-lite and TextDecoder know, and that we report. */
const CHARSET_ALIASES: Record<string, string> = {
  'utf8': 'utf-8', 'utf_8': 'utf-8', 'u8': 'utf-8', 'unicode-1-1-utf-8': 'utf-8',
  'ascii': 'us-ascii', 'us_ascii': 'us-ascii', 'ansi_x3.4-1968': 'us-ascii', 'iso646-us': 'us-ascii',
  'latin1': 'iso-8859-1', 'latin-1': 'iso-8859-1', 'iso8859-1': 'iso-8859-1', 'iso_8859-1': 'iso-8859-1',
  'l1': 'iso-8859-1', 'cp819': 'iso-8859-1',
  'cp1252': 'windows-1252', 'win-1252': 'windows-1252',
  // gb18030 is a superset of gb2312 and of what servers label gb2312.
  'gb2312': 'gb18030', 'gbk': 'gb18030', 'x-gbk': 'gb18030', 'euc-cn': 'gb18030',
  'utf-16': 'utf-16be', 'utf16': 'utf-16be', 'utf_16': 'utf-16be', 'u16': 'utf-16be',
  'utf_16_le': 'utf-16le', 'utf_16le': 'utf-16le', 'utf_16_be': 'utf-16be', 'utf_16be': 'utf-16be',
  'utf-32': 'utf-32be', 'utf32': 'utf-32be', 'utf_32': 'utf-32be', 'u32': 'utf-32be',
  'utf_32_le': 'utf-32le', 'utf_32le': 'utf-32le', 'utf_32_be': 'utf-32be', 'utf_32be': 'utf-32be',
  'sjis': 'shift_jis', 'shift-jis': 'shift_jis', 'x-sjis': 'shift_jis',
  'euc_kr': 'euc-kr', 'euc_jp': 'euc-jp', 'big5-hkscs': 'big5hkscs',
};

export function normalizeCharset(label: string): string {
  const lower = label.trim().toLowerCase();
  return ownEntry(CHARSET_ALIASES, lower) ?? lower;
}

export interface ContentType {
  mimeType: string;
  charset: string | null;
}

/**
 * `type/subtype; charset=x` as feedparser reads it: a parameter without `=` is ignored, the value loses its
 * quotes. A malformed header still yields its type, so a bad parameter never stops a feed from being read.
 */
export function contentTypeCharset(header: string): ContentType {
  const [mimeType = '', ...params] = header.split(';');
  let charset: string | null = null;
  for (const param of params) {
    const eq = param.indexOf('=');
    if (eq === -1) continue;
    if (param.slice(0, eq).trim().toLowerCase() !== 'charset') continue;
    const value = param.slice(eq + 1).trim().replace(/^["']+|["']+$/g, '').trim();
    charset = value === '' ? null : value.toLowerCase();
  }
  return { mimeType: mimeType.trim().toLowerCase(), charset };
}

/** How RFC 3023 treats a media type: xml (declaration counts), text-xml (US-ASCII default), json, text, other. */
export type MediaKind = 'xml' | 'text-xml' | 'json' | 'text' | 'other';

const APPLICATION_XML_TYPES = new Set(['application/xml', 'application/xml-dtd', 'application/xml-external-parsed-entity']);
const TEXT_XML_TYPES = new Set(['text/xml', 'text/xml-external-parsed-entity']);
const JSON_TYPES = new Set(['application/feed+json', 'application/json']);

export function feedMediaKind(mimeType: string): MediaKind {
  if (APPLICATION_XML_TYPES.has(mimeType) || (mimeType.startsWith('application/') && mimeType.endsWith('+xml'))) {
    return 'xml';
  }
  if (TEXT_XML_TYPES.has(mimeType) || (mimeType.startsWith('text/') && mimeType.endsWith('+xml'))) return 'text-xml';
  if (JSON_TYPES.has(mimeType)) return 'json';
  if (mimeType.startsWith('text/')) return 'text';
  return 'other';
}

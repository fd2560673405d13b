/**
 * Feed bytes → text. XML states its own charset in three places that often disagree: a byte-order mark, the
 * HTTP Content-Type, and the XML declaration. We follow RFC 3023 the way feedparser does (the behaviour feed
 * publishers have been tested against for twenty years), with one change: a byte-order mark always wins, because
 * a UTF-16/32 document read in any other charset is garbage whatever the server said.
 *
 *   BOM (or a BOM-less UTF-16/32 `<?xm`)  >  HTTP charset  >  RFC 3023 default for the media type
 *   (text/xml → us-ascii; application/xml → the declaration, then utf-8)  >  XML declaration  >  UTF-8
 *
 * When the chosen charset cannot decode the bytes we fall back (declared, utf-8, windows-1252, iso-8859-2) and
 * say so in a warning, as feedparser flags such a document "bozo".
 */
import iconv from 'iconv-lite';
import { contentTypeCharset, feedMediaKind, labelForBom, normalizeCharset, sniffByteOrder } from './charsets.ts';

export interface FeedText {
  text: string;
  /** The charset the text was decoded with, lower-case (e.g. 'utf-8', 'us-ascii', 'utf-16le', 'gb18030'). */
  encoding: string;
  warnings: string[];
}

/** The XML declaration lies within the first line; 1 KB is ample even with generous whitespace. */
const DECLARATION_SNIFF_BYTES = 1024;

/** Last-resort charsets, in feedparser's order: nearly every legacy Western feed is one of these. */
const FALLBACK_CHARSETS = ['utf-8', 'windows-1252', 'iso-8859-2'] as const;

export function decodeFeed(body: Uint8Array, contentType?: string | null): string {
  return readFeedText(body, contentType).text;
}

export function readFeedText(body: Uint8Array, contentType?: string | null): FeedText {
  const warnings: string[] = [];
  const order = sniffByteOrder(body);
  const data = body.subarray(order.bomLength);
  const declared = declaredEncoding(data, order.charset);
  const http = contentType == null ? null : contentTypeCharset(contentType);
  const media = http === null ? null : feedMediaKind(http.mimeType);

  let rfc3023: string;
  if (http === null) {
    rfc3023 = declared ?? 'utf-8';
  } else if (media === 'xml') {
    rfc3023 = http.charset ?? declared ?? 'utf-8';
  } else if (media === 'text-xml' || media === 'text') {
    // RFC 3023: a text/* document without a charset is US-ASCII, whatever its XML declaration claims.
    rfc3023 = http.charset ?? 'us-ascii';
  } else {
    rfc3023 = http.charset ?? declared ?? 'utf-8';
  }
  if (http !== null && media !== 'xml' && media !== 'text-xml' && media !== 'json') {
    warnings.push(`served as ${http.mimeType || 'an empty Content-Type'}, which is not an XML or JSON feed type`);
  }

  const candidates = uniqueCharsets([order.charset, rfc3023, declared, ...FALLBACK_CHARSETS]);
  for (const charset of candidates) {
    const text = strictDecode(data, charset);
    if (text === null) continue;
    const expected = normalizeCharset(order.charset ?? rfc3023);
    if (charset !== expected) {
      warnings.push(`document declared as ${rfc3023}, but it only decodes as ${charset}`);
    }
    return { text: demoronize(stripBom(text)), encoding: charset, warnings };
  }
  // windows-1252 decodes all but five byte values; the lenient pass below maps those to U+FFFD.
  warnings.push(`no charset decodes this document cleanly (tried ${candidates.join(', ')})`);
  return { text: demoronize(stripBom(iconv.decode(Buffer.from(data), 'windows-1252'))), encoding: 'windows-1252', warnings };
}

/** The `encoding="…"` of the XML declaration, read in the byte order's charset (or as ASCII). */
function declaredEncoding(data: Uint8Array, orderCharset: string | null): string | null {
  const head = data.subarray(0, DECLARATION_SNIFF_BYTES * (orderCharset?.startsWith('utf-32') ? 4 : 2));
  const text = orderCharset ? (strictDecode(head, orderCharset, { partial: true }) ?? '') : latin1(head);
  const match = /^<\?xml[^>]*?encoding\s*=\s*["']([^"']*)["'][^>]*\?>/.exec(text);
  if (!match?.[1]) return null;
  const label = match[1].trim().toLowerCase();
  // A document with a UTF-16/32 byte order that calls itself "utf-16" means the order we sniffed.
  if (orderCharset && labelForBom(label)) return orderCharset;
  return label;
}

function uniqueCharsets(labels: readonly (string | null)[]): string[] {
  const seen: string[] = [];
  for (const label of labels) {
    if (!label) continue;
    const charset = normalizeCharset(label);
    if (!seen.includes(charset)) seen.push(charset);
  }
  return seen;
}

const WINDOWS_1252_UNASSIGNED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

const fatalDecoders = new Map<string, TextDecoder>();

function fatalDecoder(charset: string): TextDecoder {
  let decoder = fatalDecoders.get(charset);
  if (!decoder) {
    decoder = new TextDecoder(charset, { fatal: true, ignoreBOM: true });
    fatalDecoders.set(charset, decoder);
  }
  return decoder;
}

/**
 * Decodes `bytes` as `charset`, or null when the bytes are not valid in it (or the charset is unknown). Node's
 * TextDecoder is strict for the Unicode forms; iconv-lite covers the rest, and its U+FFFD marks an invalid byte.
 */
export function strictDecode(bytes: Uint8Array, charset: string, options: { partial?: boolean } = {}): string | null {
  if (charset === 'us-ascii') {
    for (const byte of bytes) if (byte >= 0x80) return null;
    return latin1(bytes);
  }
  if (charset === 'iso-8859-1') return latin1(bytes);
  if (charset === 'windows-1252') {
    // Five byte values are unassigned in windows-1252; iconv-lite passes them through, Python (and we) refuse.
    for (const byte of bytes) if (WINDOWS_1252_UNASSIGNED.has(byte)) return null;
  }
  if (charset === 'utf-8' || charset === 'utf-16le' || charset === 'utf-16be') {
    // A streaming decode keeps state between calls, so a partial read gets a decoder of its own.
    const decoder = options.partial ? new TextDecoder(charset, { fatal: true, ignoreBOM: true }) : fatalDecoder(charset);
    try {
      return decoder.decode(bytes, { stream: options.partial === true });
    } catch {
      return null;
    }
  }
  if (!iconv.encodingExists(charset)) return null;
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), charset, { stripBOM: false });
  if (!options.partial && text.includes('\uFFFD') && !containsEncodedReplacement(bytes, charset)) return null;
  return text;
}

/**
 * A document may legitimately contain U+FFFD (feeds re-published from mojibake do); only new ones mean failure.
 * Charsets that cannot encode U+FFFD (all the legacy ones) never contain a real one.
 */
function containsEncodedReplacement(bytes: Uint8Array, charset: string): boolean {
  const encoded = iconv.encode('\uFFFD', charset);
  if (iconv.decode(encoded, charset) !== '\uFFFD') return false;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(encoded);
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Windows-1252 punctuation published as C1 control characters (a cp1252 file declared iso-8859-1, or its bytes
 * re-encoded as UTF-8): no feed means a C1 control, every one means the curly quote or dash it was typed as.
 */
const CP1252_C1 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function demoronize(text: string): string {
  if (!/[\u0080-\u009f]/.test(text)) return text;
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80] ?? c);
}

/**
 * Metadata strings (titles, names, URLs, dates) as written. The parser decodes entities once, but CMSs often
 * escape twice (og:title "Bike &amp;amp; Style" reads "Bike &amp; Style"), and JSON-LD strings are not decoded at
 * all, so what is left of an entity is decoded here; whitespace runs become one space. Markup is not read here:
 * the text fields made from these become plain text in extractArticle (../plainText.ts).
 */

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', hellip: '…', mdash: '—', ndash: '–', lsquo: '‘',
  rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', pound: '£', euro: '€', copy: '©', reg: '®',
  trade: '™', middot: '·', bull: '•', eacute: 'é', egrave: 'è', aacute: 'á', oacute: 'ó', uacute: 'ú',
  iacute: 'í', ntilde: 'ñ', ccedil: 'ç', uuml: 'ü', ouml: 'ö', auml: 'ä', szlig: 'ß',
};

const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]{2,8}));/gi;
const MAX_CODE_POINT = 0x10ffff;

export function decodeEntities(text: string): string {
  return text.replace(ENTITY, (whole, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
    const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex!, 16);
    // NUL, surrogates and out-of-range numbers are what browsers replace; keep the text as written instead.
    if (code === 0 || code > MAX_CODE_POINT || (code >= 0xd800 && code <= 0xdfff)) return whole;
    return String.fromCodePoint(code);
  });
}

/** Entities decoded, whitespace collapsed; null for nothing. */
export function metadataText(value: string | null | undefined): string | null {
  if (!value) return null;
  const text = decodeEntities(value).replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

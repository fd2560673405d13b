/**
 * Links in a feed are relative to the nearest xml:base, then to the document's own URL. Only web links survive:
 * a `javascript:` or `data:` URL in a feed is an attack or a mistake, never an article.
 */
const WEB_PROTOCOLS = new Set(['http:', 'https:']);

/** `value` resolved against `base`, or null when it is empty, malformed or not an http(s) URL. */
export function resolveUrl(value: string | null | undefined, base: string): string | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  let url: URL;
  try {
    url = new URL(trimmed, base);
  } catch {
    return null;
  }
  return WEB_PROTOCOLS.has(url.protocol) ? url.href : null;
}

/**
 * Pieces every adapter reads the same way: the lead picture from Media RSS and enclosures, categories,
 * the first date that parses, the first non-empty value.
 */
import type { MediaNs } from 'feedsmith';
import { parseFeedDate } from './dates.ts';
import { looseTitleText } from './text.ts';
import { resolveUrl } from './urls.ts';

const IMAGE_PATH = /\.(?:jpe?g|png|gif|webp|avif)(?:$|[?#])/i;

interface MediaLike {
  url?: string;
  type?: string;
  medium?: string;
}

function isImage(media: MediaLike): boolean {
  if (media.medium) return media.medium.toLowerCase() === 'image';
  if (media.type) return media.type.toLowerCase().startsWith('image/');
  return media.url !== undefined && IMAGE_PATH.test(media.url);
}

export interface Enclosure {
  url?: string;
  type?: string;
}

/**
 * The item's picture: a Media RSS image (the largest of a group, since groups list renditions), its
 * thumbnail, or an image enclosure. Relative URLs resolve against `base`.
 */
export function leadImage(
  media: MediaNs.ItemOrFeed | undefined,
  enclosures: readonly Enclosure[] | undefined,
  base: string,
): string | null {
  const contents = [...(media?.contents ?? []), ...(media?.groups ?? []).flatMap((group) => group.contents ?? [])];
  const images = contents.filter((content) => content.url && isImage(content));
  const largest = [...images].sort((a, b) => (b.width ?? 0) - (a.width ?? 0))[0];
  const thumbnails = [
    ...(media?.thumbnails ?? []),
    ...contents.flatMap((content) => content.thumbnails ?? []),
    ...(media?.groups ?? []).flatMap((group) => group.thumbnails ?? []),
  ];
  const enclosure = enclosures?.find((candidate) => candidate.url && isImage(candidate));
  for (const candidate of [largest?.url, thumbnails[0]?.url, enclosure?.url]) {
    const url = resolveUrl(candidate, base);
    if (url) return url;
  }
  return null;
}

/** Category names as plain text, each once, in feed order. */
export function categoryNames(...lists: (readonly (string | null | undefined)[] | undefined)[]): string[] {
  const seen = new Set<string>();
  for (const list of lists) {
    for (const raw of list ?? []) {
      const name = looseTitleText(raw);
      if (name) seen.add(name);
    }
  }
  return [...seen];
}

/** The first candidate that parses as a date, as ISO-8601 UTC. */
export function firstDate(...candidates: (string | null | undefined)[]): string | null {
  for (const candidate of candidates) {
    const date = parseFeedDate(candidate);
    if (date) return date;
  }
  return null;
}

export function firstOf<T>(...candidates: (T | null | undefined)[]): T | null {
  for (const candidate of candidates) if (candidate !== null && candidate !== undefined) return candidate;
  return null;
}

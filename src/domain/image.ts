/**
 * Our own photos (uploaded by the newsroom, never another publisher's): each is kept as a few resized copies
 * ("variants") so a phone downloads a 480-pixel file and a wide screen a 1,280-pixel one, through `srcset`.
 *
 * An image is named by a key derived from its bytes, and its address carries its size:
 * `/media/images/<key>/<width>x<height>.jpg`. That address is what an article's hero or figure stores as its
 * `url`, so a page can list every variant, and set width and height, without a lookup; the same address
 * serves the full-size JPEG to anyone who only takes one file (feeds, OpenGraph).
 */

/**
 * Widths made for every image narrower than the original (phone, large phone, tablet, desktop, wide desktop),
 * and the original's own width, at most MAX_IMAGE_WIDTH (a 2× screen's article column).
 */
export const VARIANT_WIDTHS = [320, 480, 640, 960, 1280] as const;

/** Formats made for every width: WebP for browsers (all current ones), JPEG for everything else. */
export const VARIANT_FORMATS = ['webp', 'jpeg'] as const;
export type VariantFormat = (typeof VARIANT_FORMATS)[number];

/** The largest width kept: wider photos are scaled down once at upload, and nothing is ever scaled up. */
export const MAX_IMAGE_WIDTH = 1600;

/** A stored image as pages refer to it. */
export interface OwnImage {
  /** 20 hex digits of the SHA-256 of the upload and the variant recipe: new bytes or a new recipe, new key. */
  key: string;
  /** The full-size variant's pixels (the original's, scaled to at most MAX_IMAGE_WIDTH wide). */
  width: number;
  height: number;
}

const KEY = /^[0-9a-f]{20}$/;
const OWN_IMAGE_URL = /^\/media\/images\/([0-9a-f]{20})\/([1-9][0-9]{0,4})x([1-9][0-9]{0,4})\.jpg$/;
const FILE_EXTENSION: Record<VariantFormat, string> = { webp: 'webp', jpeg: 'jpg' };

export function isImageKey(key: string): boolean {
  return KEY.test(key);
}

/** The address an article stores for one of our images. */
export function ownImageUrl(image: OwnImage): string {
  return `/media/images/${image.key}/${image.width}x${image.height}.jpg`;
}

/** The image behind one of our addresses; null for any other address (another site's photo, a placeholder). */
export function ownImageFromUrl(url: string | null): OwnImage | null {
  const match = url === null ? null : OWN_IMAGE_URL.exec(url);
  if (!match) return null;
  const width = Number(match[2]);
  if (width > MAX_IMAGE_WIDTH) return null;
  return { key: match[1]!, width, height: Number(match[3]) };
}

/** The widths an image of this (already capped) width has: the standard ones narrower than it, then its own. */
export function variantWidths(width: number): number[] {
  const own = Math.min(width, MAX_IMAGE_WIDTH);
  return [...VARIANT_WIDTHS.filter((w) => w < own), own];
}

export function variantUrl(key: string, width: number, format: VariantFormat): string {
  return `/media/images/${key}/${width}.${FILE_EXTENSION[format]}`;
}

/** "640.webp" → { width: 640, format: 'webp' }; the full-size name "1600x900.jpg" → its width as JPEG. */
export function parseVariantFile(file: string): { width: number; format: VariantFormat } | null {
  const match = /^([1-9][0-9]{0,4})(?:x[1-9][0-9]{0,4})?\.(webp|jpg)$/.exec(file);
  if (!match) return null;
  return { width: Number(match[1]), format: match[2] === 'jpg' ? 'jpeg' : 'webp' };
}

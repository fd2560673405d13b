import { createHash } from 'node:crypto';
import sharp, { type Sharp } from 'sharp';
import {
  MAX_IMAGE_WIDTH,
  VARIANT_FORMATS,
  ValidationError,
  variantWidths,
  type OwnImage,
  type VariantFormat,
} from '../../domain/index.ts';

/**
 * An upload → the resized copies pages serve (domain/image.ts). Uploads are untrusted: size, pixel count and
 * format are bounded before any decoding work, corrupt pixel data is refused (sharp's `failOn: 'warning'`,
 * its advice for untrusted input), and no metadata survives (sharp strips EXIF, GPS and camera data unless
 * asked to keep it; the orientation is applied to the pixels first, so a phone's portrait stays upright).
 */

/** Larger uploads are refused before decoding: a camera's JPEG is well under this. */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;
/** 50 megapixels: a decompression bomb (a tiny file that decodes to gigabytes) stops at the header. */
const MAX_INPUT_PIXELS = 50_000_000;
/** Photos, in the formats cameras and editors produce. SVG is not a photo and can carry script: refused. */
const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp', 'avif', 'heif', 'tiff', 'gif']);
/**
 * Changed whenever encoding settings change, so new variants get new keys (and new addresses): browsers and
 * CDNs keep the old files for a year and would otherwise never see the new ones.
 */
const RECIPE = 'v2 decoded once at ≤1600 · webp q78 effort4 · jpeg q80 mozjpeg progressive';
const ENCODE: Record<VariantFormat, (image: Sharp) => Sharp> = {
  webp: (image) => image.webp({ quality: 78, effort: 4 }),
  jpeg: (image) => image.jpeg({ quality: 80, mozjpeg: true, progressive: true }),
};

export interface ImageVariant {
  format: VariantFormat;
  width: number;
  height: number;
  bytes: Buffer;
}

export interface ProcessedImage extends OwnImage {
  sourceFormat: string;
  sourceBytes: number;
  variants: ImageVariant[];
}

export async function processImage(upload: Buffer): Promise<ProcessedImage> {
  if (upload.length === 0) throw new ValidationError('The image file is empty');
  if (upload.length > MAX_UPLOAD_BYTES) {
    throw new ValidationError(`The image is ${megabytes(upload.length)}; the limit is ${megabytes(MAX_UPLOAD_BYTES)}`);
  }
  const open = () => sharp(upload, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'warning', autoOrient: true });
  const metadata = await open()
    .metadata()
    .catch((error: unknown) => {
      throw new ValidationError(`Not an image we can read: ${error instanceof Error ? error.message : String(error)}`);
    });
  if (!ACCEPTED_FORMATS.has(metadata.format)) {
    throw new ValidationError(`Images must be JPEG, PNG, WebP, AVIF, HEIF, TIFF or GIF; this one is ${metadata.format}`);
  }
  const { width: sourceWidth, height: sourceHeight } = metadata.autoOrient;
  if (sourceWidth * sourceHeight > MAX_INPUT_PIXELS) throw new ValidationError(`The image is too large (${sourceWidth}×${sourceHeight} pixels)`);

  const key = createHash('sha256').update(RECIPE).update('\0').update(upload).digest('hex').slice(0, 20);
  const variants: ImageVariant[] = [];
  let width: number;
  let height: number;
  try {
    // Decoded once, upright and at the full-size width; every variant is cut from these pixels, not from a
    // fresh decode of the upload each (twelve decodes of a camera JPEG cost a third of the work).
    const { data: pixels, info } = await open()
      .resize({ width: MAX_IMAGE_WIDTH, withoutEnlargement: true })
      .raw()
      .toBuffer({ resolveWithObject: true });
    ({ width, height } = info);
    const raw = { width, height, channels: info.channels };
    for (const variantWidth of variantWidths(width)) {
      for (const format of VARIANT_FORMATS) {
        const { data, info: encoded } = await ENCODE[format](sharp(pixels, { raw }).resize({ width: variantWidth })).toBuffer({
          resolveWithObject: true,
        });
        variants.push({ format, width: variantWidth, height: encoded.height, bytes: data });
      }
    }
  } catch (error) {
    // Headers can pass and the pixels still be broken (a truncated file): the decode says so here.
    throw new ValidationError(`The image could not be decoded: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { key, width, height, sourceFormat: metadata.format, sourceBytes: upload.length, variants };
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import sharp from 'sharp';
import { ValidationError } from '../../domain/index.ts';
import { MAX_UPLOAD_BYTES, processImage } from './processImage.ts';

/** A real camera-like JPEG: landscape pixels, an EXIF orientation that turns it upright, and personal metadata. */
async function cameraJpeg(width: number, height: number, orientation = 1): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 180, g: 40, b: 40 } } })
    .jpeg({ quality: 90 })
    .withExif({ IFD0: { Artist: 'Owner Of The Camera', Copyright: 'private' } })
    .withMetadata({ orientation })
    .toBuffer();
}

describe('processImage', () => {
  let landscape: Buffer;
  before(async () => {
    landscape = await cameraJpeg(2400, 1200);
  });

  it('makes WebP and JPEG copies at every standard width up to 1,600, in proportion', async () => {
    const image = await processImage(landscape);
    assert.match(image.key, /^[0-9a-f]{20}$/);
    assert.deepEqual([image.width, image.height, image.sourceFormat], [1600, 800, 'jpeg']);
    const widths = [320, 480, 640, 960, 1280, 1600];
    assert.deepEqual(
      image.variants.map((v) => `${v.format} ${v.width}×${v.height}`).sort(),
      widths.flatMap((w) => [`jpeg ${w}×${w / 2}`, `webp ${w}×${w / 2}`]).sort(),
    );
    for (const variant of image.variants) {
      const read = await sharp(variant.bytes).metadata();
      assert.equal(read.format, variant.format);
      assert.deepEqual([read.width, read.height], [variant.width, variant.height]);
    }
  });

  it('strips camera metadata and turns a sideways photo upright', async () => {
    const sideways = await cameraJpeg(1200, 800, 6);
    assert.ok((await sharp(sideways).metadata()).exif, 'the upload carries EXIF');
    const image = await processImage(sideways);
    assert.deepEqual([image.width, image.height], [800, 1200], 'portrait after orientation');
    for (const variant of image.variants) {
      const read = await sharp(variant.bytes).metadata();
      assert.equal(read.exif, undefined, `${variant.format} ${variant.width} keeps no EXIF`);
      assert.ok(read.height! > read.width!, 'upright');
    }
  });

  it('never scales up: a small photo keeps its own width as the largest copy', async () => {
    const image = await processImage(await cameraJpeg(500, 300));
    assert.deepEqual([...new Set(image.variants.map((v) => v.width))], [320, 480, 500]);
  });

  it('names the same bytes the same, and different bytes differently', async () => {
    const [a, b, c] = await Promise.all([processImage(landscape), processImage(landscape), processImage(await cameraJpeg(2400, 1201))]);
    assert.equal(a.key, b.key);
    assert.notEqual(a.key, c.key);
  });

  it('refuses what is not a photo we can read, with a clear message', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
    const truncated = landscape.subarray(0, Math.floor(landscape.length / 2));
    const cases: [string, Buffer, RegExp][] = [
      ['empty', Buffer.alloc(0), /empty/],
      ['text', Buffer.from('not an image at all'), /Not an image we can read/],
      ['SVG', svg, /must be JPEG, PNG.*this one is svg/],
      ['truncated JPEG', truncated, /could not be decoded|Not an image/],
      ['too many bytes', Buffer.alloc(MAX_UPLOAD_BYTES + 1), /limit is 25\.0 MB/],
    ];
    for (const [name, upload, message] of cases) {
      await assert.rejects(processImage(upload), (error: unknown) => {
        assert.ok(error instanceof ValidationError, `${name}: ${String(error)}`);
        assert.match(error.message, message, name);
        return true;
      });
    }
  });

  it('stops a decompression bomb at its header: a small file claiming 64 megapixels', async () => {
    const bomb = await sharp({ create: { width: 8000, height: 8000, channels: 3, background: { r: 0, g: 0, b: 0 } } }).png({ compressionLevel: 9 }).toBuffer();
    assert.ok(bomb.length < 1024 * 1024, `the file is small (${bomb.length} bytes)`);
    await assert.rejects(processImage(bomb), (error: unknown) => error instanceof ValidationError && /pixel|too large/i.test(error.message));
  });
});

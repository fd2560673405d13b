import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import type { NewImage } from './index.ts';
import { describeOnBothDialects } from './testing/targets.ts';

let serial = 0;
/** Bytes with every value in them, zeros included: what a binary column must give back unchanged. */
function newImage(widths: number[]): NewImage {
  serial += 1;
  const key = `${serial.toString(16).padStart(4, '0')}${randomBytes(8).toString('hex')}`;
  return {
    key,
    width: widths[widths.length - 1]!,
    height: 300,
    sourceFormat: 'jpeg',
    sourceBytes: 12_345,
    variants: widths.flatMap((width) =>
      (['webp', 'jpeg'] as const).map((format) => ({ format, width, height: 300, bytes: Buffer.concat([Buffer.from([0, 255, 0]), randomBytes(2_000)]) })),
    ),
  };
}

describeOnBothDialects('images', (store) => {
  test('images: every variant comes back byte for byte; an unknown width, format or key is undefined', async () => {
    const image = newImage([320, 480]);
    assert.deepEqual(await store().images.save(image, new Date('2026-11-25T12:00:00Z')), { key: image.key, width: 480, height: 300 });
    assert.deepEqual(await store().images.find(image.key), { key: image.key, width: 480, height: 300 });
    for (const variant of image.variants) {
      const bytes = await store().images.variant(image.key, variant.width, variant.format);
      assert.ok(bytes && Buffer.from(bytes).equals(variant.bytes), `${variant.format} ${variant.width}`);
    }
    assert.equal(await store().images.variant(image.key, 640, 'webp'), undefined);
    assert.equal(await store().images.variant('ffffffffffffffffffff', 320, 'webp'), undefined);
    assert.equal(await store().images.find('ffffffffffffffffffff'), undefined);
  });

  test('images: saving the same key again adds what is missing and changes nothing else', async () => {
    const image = newImage([320, 480, 640]);
    const partial = { ...image, variants: image.variants.slice(0, 2) };
    await store().images.save(partial, new Date());
    assert.equal(await store().images.variant(image.key, 640, 'jpeg'), undefined, 'cut short');
    await store().images.save(image, new Date());
    await store().images.save(image, new Date());
    for (const variant of image.variants) {
      const bytes = await store().images.variant(image.key, variant.width, variant.format);
      assert.ok(bytes && Buffer.from(bytes).equals(variant.bytes), `${variant.format} ${variant.width}`);
    }
  });

  test('images: a save inside a transaction that fails leaves nothing', async () => {
    const image = newImage([320]);
    await assert.rejects(
      store().transaction(async (repositories) => {
        await repositories.images.save(image, new Date());
        throw new Error('the article update failed');
      }),
      /the article update failed/,
    );
    assert.equal(await store().images.find(image.key), undefined);
  });
});

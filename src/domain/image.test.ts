import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_IMAGE_WIDTH, ownImageFromUrl, ownImageUrl, parseVariantFile, variantUrl, variantWidths } from './image.ts';

const KEY = '0123456789abcdef0123';

describe('own image addresses', () => {
  it('round-trips an image through the address an article stores', () => {
    const image = { key: KEY, width: 1600, height: 900 };
    assert.equal(ownImageUrl(image), `/media/images/${KEY}/1600x900.jpg`);
    assert.deepEqual(ownImageFromUrl(ownImageUrl(image)), image);
  });

  it('takes no other address for one of ours: other sites, placeholders, lookalikes', () => {
    for (const url of [
      null,
      'https://example.com/media/images/0123456789abcdef0123/1600x900.jpg',
      '/media/placeholder/security.svg',
      `/media/images/${KEY.toUpperCase()}/1600x900.jpg`,
      `/media/images/${KEY}/1600x900.jpg?x=1`,
      `/media/images/${KEY}/0x900.jpg`,
      `/media/images/${KEY}/${MAX_IMAGE_WIDTH + 1}x900.jpg`,
      `/media/images/${KEY}/../1600x900.jpg`,
    ]) {
      assert.equal(ownImageFromUrl(url), null, String(url));
    }
  });

  it('gives every standard width narrower than the image, then its own, never wider than the cap', () => {
    assert.deepEqual(variantWidths(1600), [320, 480, 640, 960, 1280, 1600]);
    assert.deepEqual(variantWidths(700), [320, 480, 640, 700]);
    assert.deepEqual(variantWidths(640), [320, 480, 640]);
    assert.deepEqual(variantWidths(200), [200]);
    assert.deepEqual(variantWidths(5000), [320, 480, 640, 960, 1280, MAX_IMAGE_WIDTH]);
  });

  it('reads variant file names back, and nothing else', () => {
    assert.equal(variantUrl(KEY, 640, 'webp'), `/media/images/${KEY}/640.webp`);
    assert.equal(variantUrl(KEY, 640, 'jpeg'), `/media/images/${KEY}/640.jpg`);
    assert.deepEqual(parseVariantFile('640.webp'), { width: 640, format: 'webp' });
    assert.deepEqual(parseVariantFile('640.jpg'), { width: 640, format: 'jpeg' });
    assert.deepEqual(parseVariantFile('1600x900.jpg'), { width: 1600, format: 'jpeg' });
    for (const file of ['640.png', '0640.jpg', '640', '.jpg', '640.webp.exe', '1600x900.webp.jpg', '99999999.jpg']) {
      assert.equal(parseVariantFile(file), null, file);
    }
  });
});

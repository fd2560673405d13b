import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import type { NewArticle, NewImage } from './index.ts';
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

/** A published article to hang share cards on. */
function newArticle(): NewArticle {
  serial += 1;
  const at = '2026-11-25T12:00:00.000Z';
  return {
    slug: `card-story-${serial}-${randomBytes(4).toString('hex')}`,
    section: 'world',
    sourceKey: `https://example.org/cards/${serial}/${randomBytes(4).toString('hex')}`,
    contentHash: `hash-${serial}`,
    headline: `Story ${serial}`,
    dek: null, summary: null, lede: null, body: [], hero: null, byline: null, source: null,
    provenance: null,
    status: 'published',
    publishedAt: at, createdAt: at, updatedAt: at,
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

  test('share cards: kept byte for byte per article and key; the first save wins; none once the article is taken down', async () => {
    const article = await store().articles.insert(newArticle());
    const card = { articleId: article.id, key: randomBytes(10).toString('hex'), bytes: Buffer.concat([Buffer.from([0x89, 0x50, 0]), randomBytes(3_000)]) };
    assert.equal(await store().images.shareCard(article.id, card.key), undefined);
    await store().images.saveShareCard(card, new Date());
    await store().images.saveShareCard({ ...card, bytes: Buffer.from('drawn again elsewhere') }, new Date());
    const stored = await store().images.shareCard(article.id, card.key);
    assert.ok(stored && Buffer.from(stored).equals(card.bytes));
    assert.equal(await store().images.shareCard(article.id + 1_000_000, card.key), undefined, 'another article');

    await store().articles.changeState(article.id, { workflowState: 'unpublished', publishedAt: article.publishedAt, updatedAt: '2026-11-26T12:00:00.000Z' });
    assert.equal(await store().images.shareCard(article.id, card.key), undefined);
  });
});

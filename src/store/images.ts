import type { Kysely } from 'kysely';
import type { OwnImage, VariantFormat } from '../domain/index.ts';
import { toUtcIso } from './rows.ts';
import type { Database } from './schema.ts';

/** An image ready to store: its size and every encoded variant (newsroom/images makes them). */
export interface NewImage extends OwnImage {
  sourceFormat: string;
  sourceBytes: number;
  variants: ReadonlyArray<{ format: VariantFormat; width: number; height: number; bytes: Uint8Array }>;
}

/** A drawn share card (site/shareCards): its key names what is drawn, so one row never changes. */
export interface NewShareCard {
  articleId: number;
  key: string;
  bytes: Uint8Array;
}

export interface ImageRepository {
  /** Stores the image and its variants; the same key stored again adds only what is missing (same bytes, same recipe). */
  save(image: NewImage, now: Date): Promise<OwnImage>;
  find(key: string): Promise<OwnImage | undefined>;
  /** One variant's encoded bytes, or undefined when the image or that width/format does not exist. */
  variant(key: string, width: number, format: VariantFormat): Promise<Uint8Array | undefined>;
  /** A stored share card's bytes, only while its article is published: a story taken down takes its cards along. */
  shareCard(articleId: number, key: string): Promise<Uint8Array | undefined>;
  /** Keeps a drawn card; another process that drew the same card first wins, with the same picture. */
  saveShareCard(card: NewShareCard, now: Date): Promise<void>;
}

export function imageRepository(db: Kysely<Database>): ImageRepository {
  return {
    // Two idempotent inserts, no transaction of its own (a caller may hold one): an image whose variants were
    // cut short by a crash gets the missing ones when it is saved again.
    async save(image, now) {
      await db
        .insertInto('images')
        .values({
          key: image.key,
          width: image.width,
          height: image.height,
          source_format: image.sourceFormat,
          source_bytes: image.sourceBytes,
          created_at: toUtcIso(now.toISOString(), 'createdAt'),
        })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
      if (image.variants.length) {
        await db
          .insertInto('image_variants')
          .values(
            image.variants.map((variant) => ({
              image_key: image.key,
              format: variant.format,
              width: variant.width,
              height: variant.height,
              bytes: variant.bytes,
            })),
          )
          .onConflict((oc) => oc.columns(['image_key', 'format', 'width']).doNothing())
          .execute();
      }
      return { key: image.key, width: image.width, height: image.height };
    },

    async find(key) {
      return db.selectFrom('images').select(['key', 'width', 'height']).where('key', '=', key).executeTakeFirst();
    },

    async variant(key, width, format) {
      const row = await db
        .selectFrom('image_variants')
        .select('bytes')
        .where('image_key', '=', key)
        .where('format', '=', format)
        .where('width', '=', width)
        .executeTakeFirst();
      return row?.bytes;
    },

    async shareCard(articleId, key) {
      const row = await db
        .selectFrom('share_cards')
        .innerJoin('articles', 'articles.id', 'share_cards.article_id')
        .select('share_cards.bytes')
        .where('share_cards.article_id', '=', articleId)
        .where('share_cards.key', '=', key)
        .where('articles.status', '=', 'published')
        .executeTakeFirst();
      return row?.bytes;
    },

    async saveShareCard(card, now) {
      await db
        .insertInto('share_cards')
        .values({ article_id: card.articleId, key: card.key, bytes: card.bytes, created_at: toUtcIso(now.toISOString(), 'createdAt') })
        .onConflict((oc) => oc.columns(['article_id', 'key']).doNothing())
        .execute();
    },
  };
}

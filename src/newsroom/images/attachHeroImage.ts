import { ownImageUrl, ValidationError, type Article, type HeroImage } from '../../domain/index.ts';
import type { Store } from '../../store/index.ts';
import { processImage } from './processImage.ts';

export interface ImageWords {
  /** What the photo shows, for readers who cannot see it; '' marks it decorative. Required: no silent omission. */
  alt: string;
  caption: string | null;
  /** Who to credit, as they ask to be credited ("Jane Doe/CRBC"). */
  credit: string | null;
}

const MAX_ALT = 300;
const MAX_CAPTION = 1_000;
const MAX_CREDIT = 200;

/**
 * Makes an upload the article's hero: the variants are stored, then the article is updated to point at them,
 * in one transaction (a failure leaves neither). The edit is a revision like any other. The content hash is
 * left as it was: it fingerprints the source's copy, so re-importing an unchanged source keeps the editor's photo.
 */
export async function attachHeroImage(store: Store, article: Article, upload: Buffer, words: ImageWords, now: Date): Promise<Article> {
  const hero: HeroImage = { url: null, ...checkedWords(words) };
  const processed = await processImage(upload);
  return store.transaction(async (repositories) => {
    const image = await repositories.images.save(processed, now);
    const { id, slug: _slug, sourceKey: _sourceKey, createdAt: _createdAt, ...content } = article;
    return repositories.articles.update(id, { ...content, hero: { ...hero, url: ownImageUrl(image) }, updatedAt: now.toISOString() });
  });
}

function checkedWords({ alt, caption, credit }: ImageWords): Omit<HeroImage, 'url'> {
  const trimmed = (text: string | null) => (text === null ? null : text.replace(/\s+/g, ' ').trim() || null);
  const checked = { alt: trimmed(alt) ?? '', caption: trimmed(caption), credit: trimmed(credit) };
  if (checked.alt.length > MAX_ALT) throw new ValidationError(`Alt text is limited to ${MAX_ALT} characters`);
  if ((checked.caption?.length ?? 0) > MAX_CAPTION) throw new ValidationError(`A caption is limited to ${MAX_CAPTION} characters`);
  if ((checked.credit?.length ?? 0) > MAX_CREDIT) throw new ValidationError(`A credit is limited to ${MAX_CREDIT} characters`);
  return checked;
}

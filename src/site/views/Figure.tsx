import { ownImageFromUrl, variantUrl, variantWidths, type HeroImage, type OwnImage, type VariantFormat } from '../../domain/index.ts';
import { PLACEHOLDER_HEIGHT, PLACEHOLDER_WIDTH, placeholderPath } from '../assets/placeholder.ts';
import { captionWithoutCredit, safeUrl } from '../format.ts';

/**
 * How wide an image is drawn, for the browser to pick a file before it lays the page out (siteCss: the article
 * column is 42rem inside 1.25rem margins; cards fill a grid of 15.5rem-or-wider columns on a 76rem page).
 */
export const IMAGE_SIZES = {
  column: '(min-width: 44.5rem) 42rem, calc(100vw - 2.5rem)',
  lead: '(min-width: 76rem) 44rem, (min-width: 52rem) 58vw, calc(100vw - 2.5rem)',
  card: '(min-width: 76rem) 17rem, (min-width: 36rem) 45vw, calc(100vw - 2.5rem)',
} as const;
export type ImageSizes = keyof typeof IMAGE_SIZES;

/** The JPEG a browser without srcset loads: a tablet-sized copy, or the image itself when it is smaller. */
const FALLBACK_WIDTH = 960;

/** Where an image is drawn from: its own file, or the section's placeholder when there is none yet. */
export function imageSource(hero: HeroImage | null, section: string): string {
  return safeUrl(hero?.url) ?? placeholderPath(section);
}

function srcset(image: OwnImage, format: VariantFormat): string {
  return variantWidths(image.width)
    .map((width) => `${variantUrl(image.key, width, format)} ${width}w`)
    .join(', ');
}

interface PictureProps {
  image: OwnImage;
  alt: string;
  sizes: ImageSizes;
  eager: boolean;
}

/**
 * One of our photos, as many files: WebP at every width for browsers that take it, JPEG otherwise; the browser
 * picks the narrowest that fills the space `sizes` describes at the screen's density.
 */
function Picture({ image, alt, sizes, eager }: PictureProps) {
  const fallback = variantWidths(image.width).find((width) => width >= Math.min(FALLBACK_WIDTH, image.width))!;
  return (
    <picture>
      <source type="image/webp" srcset={srcset(image, 'webp')} sizes={IMAGE_SIZES[sizes]} />
      <img
        src={variantUrl(image.key, fallback, 'jpeg')}
        srcset={srcset(image, 'jpeg')}
        sizes={IMAGE_SIZES[sizes]}
        alt={alt}
        width={image.width}
        height={image.height}
        loading={eager ? 'eager' : 'lazy'}
        decoding="async"
        fetchpriority={eager ? 'high' : undefined}
      />
    </picture>
  );
}

interface ImageProps {
  hero: HeroImage | null;
  section: string;
  alt: string;
  sizes: ImageSizes;
  eager: boolean;
}

/** Our photo in every size; another address as it is; the section's placeholder when there is no file. */
function Image({ hero, section, alt, sizes, eager }: ImageProps) {
  const own = ownImageFromUrl(hero?.url ?? null);
  if (own) return <Picture image={own} alt={alt} sizes={sizes} eager={eager} />;
  return (
    <img
      src={imageSource(hero, section)}
      alt={alt}
      width={PLACEHOLDER_WIDTH}
      height={PLACEHOLDER_HEIGHT}
      loading={eager ? 'eager' : 'lazy'}
      decoding="async"
    />
  );
}

interface FigureProps {
  image: HeroImage;
  section: string;
  /** The hero is above the fold and loads eagerly; figures further down the body wait until they are near. */
  hero?: boolean;
}

/**
 * A photo with its caption and, as its own element, the credit. Width and height are given so the column
 * does not jump while the image loads.
 */
export function Figure({ image, section, hero = false }: FigureProps) {
  const caption = image.caption ? captionWithoutCredit(image.caption, image.credit) : null;
  // The hero keeps its place with a placeholder; a photo further down without a file is told by its caption.
  const drawn = hero || image.url !== null;
  return (
    <figure class={hero ? 'hero' : 'inline-figure'}>
      {drawn ? <Image hero={image} section={section} alt={image.alt} sizes="column" eager={hero} /> : null}
      {caption || image.credit ? (
        <figcaption>
          {caption ? <span class="caption">{caption}</span> : null}
          {caption && image.credit ? ' ' : null}
          {image.credit ? <span class="credit">{image.credit}</span> : null}
        </figcaption>
      ) : null}
    </figure>
  );
}

interface CardImageProps {
  hero: HeroImage | null;
  section: string;
  /** The lead story on the home page is above the fold and drawn larger; every other card image waits until it is near. */
  lead?: boolean;
}

/** A card's picture. Decorative (alt="") because the headline beside it already names the story. */
export function CardImage({ hero, section, lead = false }: CardImageProps) {
  return <Image hero={hero} section={section} alt="" sizes={lead ? 'lead' : 'card'} eager={lead} />;
}

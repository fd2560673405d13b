import type { HeroImage } from '../../domain/index.ts';
import { PLACEHOLDER_HEIGHT, PLACEHOLDER_WIDTH, placeholderPath } from '../assets/placeholder.ts';
import { captionWithoutCredit, safeUrl } from '../format.ts';

/** Where an image is drawn from: its own file, or the section's placeholder when there is none yet. */
export function imageSource(hero: HeroImage | null, section: string): string {
  return safeUrl(hero?.url) ?? placeholderPath(section);
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
      {drawn ? (
        <img
          src={imageSource(image, section)}
          alt={image.alt}
          width={PLACEHOLDER_WIDTH}
          height={PLACEHOLDER_HEIGHT}
          loading={hero ? 'eager' : 'lazy'}
          decoding="async"
        />
      ) : null}
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
  /** The lead story on the home page is above the fold; every other card image waits until it is near. */
  eager?: boolean;
}

/** A card's picture. Decorative (alt="") because the headline beside it already names the story. */
export function CardImage({ hero, section, eager = false }: CardImageProps) {
  return (
    <img
      src={imageSource(hero, section)}
      alt=""
      width={PLACEHOLDER_WIDTH}
      height={PLACEHOLDER_HEIGHT}
      loading={eager ? 'eager' : 'lazy'}
      decoding="async"
    />
  );
}

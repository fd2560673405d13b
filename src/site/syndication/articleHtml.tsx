import { Fragment } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { Article, BodyBlock, HeroImage } from '../../domain/index.ts';
import { captionWithoutCredit, safeUrl } from '../format.ts';
import { BodyBlockView } from '../views/BodyBlock.tsx';
import { SourceCredit } from '../views/SourceCredit.tsx';

/**
 * An article as the HTML a feed entry carries: dek, lede, the titled sections, and the source credit that its
 * licence asks for (a republished Wikinews story must say where it came from, in a feed as on the page).
 * Text is escaped by the renderer, as on the page; images appear only when they have a file of their own (no
 * placeholders), at an absolute address, since a feed reader has no page to resolve a path against.
 */
export function articleHtml(article: Article, siteUrl: string): string {
  const absolute = (url: string | null | undefined) => {
    const safe = safeUrl(url);
    return safe ? new URL(safe, `${siteUrl}/`).href : null;
  };
  return renderToString(
    <>
      {article.hero ? <FeedFigure image={article.hero} src={absolute(article.hero.url)} /> : null}
      {article.dek ? (
        <p>
          <strong>{article.dek}</strong>
        </p>
      ) : null}
      {article.lede ? <p>{article.lede}</p> : null}
      {article.body.map((section, index) => (
        <Fragment key={index}>
          {section.title ? <h2>{section.title}</h2> : null}
          {section.blocks.map((block, blockIndex) => (
            <FeedBlock key={blockIndex} block={block} section={article.section} src={absolute} />
          ))}
        </Fragment>
      ))}
      {article.source ? <SourceCredit source={article.source} /> : null}
    </>,
  );
}

function FeedBlock({ block, section, src }: { block: BodyBlock; section: string; src: (url: string | null) => string | null }) {
  if (block.type === 'figure') return <FeedFigure image={block.image} src={src(block.image.url)} />;
  return <BodyBlockView block={block} section={section} />;
}

/** A photo with its caption and credit; a photo with no file of its own is left out (a caption alone describes nothing). */
function FeedFigure({ image, src }: { image: HeroImage; src: string | null }) {
  if (!src) return null;
  const caption = image.caption ? captionWithoutCredit(image.caption, image.credit) : null;
  const words = [caption, image.credit].filter(Boolean).join(' ');
  return (
    <figure>
      <img src={src} alt={image.alt} />
      {words ? <figcaption>{words}</figcaption> : null}
    </figure>
  );
}

import { articlePath, type ArticleCard as Card, type Section } from '../../domain/index.ts';
import { cardText, formatDate } from '../format.ts';
import { CardImage } from './Figure.tsx';
import { SectionKicker } from './SectionKicker.tsx';

interface ArticleCardProps {
  article: Card;
  /** The heading level that fits the page's outline: h2 on a section front, h3 under a home-page block. */
  headingLevel: 2 | 3;
  /** Shown as a label above the headline when the card sits outside its section's own list. */
  section?: Pick<Section, 'slug' | 'name'> | undefined;
  /** Cards picture only stories that have a photo: a grid of placeholders reads as a page still loading. */
  showImage?: boolean;
}

/** One story in a list: picture, headline link, a line or two of text, and when it was published. */
export function ArticleCard({ article, headingLevel, section, showImage = article.hero !== null }: ArticleCardProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const href = articlePath(article);
  const text = cardText(article);
  return (
    <article class="card">
      {showImage ? <CardImage hero={article.hero} section={article.section} /> : null}
      {section ? (
        <SectionKicker section={section} />
      ) : null}
      <Heading class="card-headline">
        <a href={href}>{article.headline}</a>
      </Heading>
      {text ? <p class="card-text">{text}</p> : null}
      <time datetime={article.publishedAt}>{formatDate(article.publishedAt)}</time>
    </article>
  );
}

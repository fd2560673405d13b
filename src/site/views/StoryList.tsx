import { articlePath, type ArticleLink } from '../../domain/index.ts';
import { formatDate } from '../format.ts';

interface StoryListProps {
  /** id of the region's h2, for aria-labelledby. */
  id: string;
  title: string;
  articles: readonly ArticleLink[];
  /** Ranked lists (Trending) are numbered; plain ones (Related Articles) are not. */
  ranked?: boolean;
  className: string;
}

/** A labelled region of headline links below an article: Related Articles, Trending. */
export function StoryList({ id, title, articles, ranked = false, className }: StoryListProps) {
  const List = ranked ? 'ol' : 'ul';
  return (
    <section class={className} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {articles.length === 0 ? (
        <p class="empty">No other stories yet.</p>
      ) : (
        <List class="story-list">
          {articles.map((article) => (
            <li key={article.id}>
              <div>
                <h3>
                  <a href={articlePath(article)}>{article.headline}</a>
                </h3>
                <time datetime={article.publishedAt}>{formatDate(article.publishedAt)}</time>
              </div>
            </li>
          ))}
        </List>
      )}
    </section>
  );
}

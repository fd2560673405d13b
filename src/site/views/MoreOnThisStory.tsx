import { Fragment } from 'preact';
import { articlePath, type ArticleCopy, type StoryListing } from '../../domain/index.ts';
import type { StoryArticle } from '../../store/index.ts';
import { formatDate, safeUrl } from '../format.ts';

export function storyPath(id: string): string {
  return `/story/${id}`;
}

interface MoreOnThisStoryProps {
  story: StoryListing | null;
  /** The story's other articles, newest first. */
  mates: readonly StoryArticle[];
  /** Other sources' copies of this very article. */
  copies: readonly ArticleCopy[];
}

/**
 * The rest of the story this article belongs to: the other articles about the same event (other sources,
 * follow-ups), a link to the whole story with its timeline, and the sources that ran this same text. Shown
 * only when there is something to show.
 */
export function MoreOnThisStory({ story, mates, copies }: MoreOnThisStoryProps) {
  const sources = copies.filter((copy) => safeUrl(copy.url));
  if (mates.length === 0 && sources.length === 0) return null;
  return (
    <section class="more-on-story" aria-labelledby="more-on-story-heading">
      <h2 id="more-on-story-heading">More on this story</h2>
      {mates.length > 0 ? (
        <ul class="story-list">
          {mates.map((mate) => (
            <li key={mate.id}>
              <div>
                <h3>
                  <a href={articlePath(mate)}>{mate.headline}</a>
                </h3>
                <p class="story-source">
                  {mate.sourceName ? `${mate.sourceName} · ` : null}
                  <time datetime={mate.publishedAt}>{formatDate(mate.publishedAt)}</time>
                </p>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {story && story.articleCount > 1 ? (
        <p class="story-link">
          <a href={storyPath(story.id)}>The whole story: {story.articleCount} articles and its timeline</a>
        </p>
      ) : null}
      {sources.length > 0 ? (
        <p class="also-reported">
          Also published by{' '}
          {sources.map((copy, index) => (
            <Fragment key={copy.url}>
              {index > 0 ? ', ' : null}
              <a href={safeUrl(copy.url)!} rel="nofollow">
                {copy.sourceName ?? hostOf(copy.url)}
              </a>
            </Fragment>
          ))}
          .
        </p>
      ) : null}
    </section>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

import type { StoryListing } from '../../domain/index.ts';
import type { StoryArticle } from '../../store/index.ts';
import { formatDate } from '../format.ts';
import { feedAlternates } from '../syndication/alternates.ts';
import { ArticleCard } from './ArticleCard.tsx';
import { Layout } from './Layout.tsx';
import { storyPath } from './MoreOnThisStory.tsx';
import type { StoryFact } from './storyTimeline.ts';
import { LinkedTimeline } from './LinkedTimeline.tsx';
import type { Chrome } from './types.ts';

interface StoryPageProps extends Chrome {
  story: StoryListing;
  /** Oldest first. */
  articles: readonly StoryArticle[];
  timeline: readonly StoryFact[];
}

/**
 * /story/<id>: one event as every source told it, in the order they told it, with the dated facts their
 * sentences give, each linked to the sentence's paragraph in its article.
 */
export function StoryPage({ site, sections, story, articles, timeline }: StoryPageProps) {
  const path = storyPath(story.id);
  const sources = new Set(articles.map((article) => article.sourceName ?? site.name));
  const description = `${articles.length} articles from ${sources.size} ${sources.size === 1 ? 'source' : 'sources'} on one story: ${story.headline}.`;
  return (
    <Layout
      site={site}
      sections={sections}
      head={{
        title: `${story.headline} — the story so far — ${site.name}`,
        description,
        canonicalPath: path,
        feeds: feedAlternates(path, `${story.headline} — ${site.name}`),
        openGraph: [
          ['og:type', 'website'],
          ['og:site_name', site.name],
          ['og:title', story.headline],
          ['og:url', `${site.url}${path}`],
          ['og:description', description],
        ],
      }}
    >
      <div class="wrap">
        <header class="front-header">
          <p class="topic-kind">Story</p>
          <h1 class="front-title">{story.headline}</h1>
          <p class="front-count">
            {articles.length === 1 ? '1 article' : `${articles.length} articles`} from{' '}
            {sources.size === 1 ? '1 source' : `${sources.size} sources`}
            {articles[0] ? (
              <>
                , since <time datetime={articles[0].publishedAt}>{formatDate(articles[0].publishedAt)}</time>
              </>
            ) : null}
          </p>
        </header>
        <div class="story-columns">
          <section class="story-coverage" aria-labelledby="coverage-heading">
            <h2 id="coverage-heading">Coverage, oldest first</h2>
            <ol class="coverage-list">
              {articles.map((article) => (
                <li key={article.id}>
                  {article.sourceName ? <p class="story-source">{article.sourceName}</p> : null}
                  <ArticleCard article={article} headingLevel={3} showImage={false} />
                </li>
              ))}
            </ol>
          </section>
          <LinkedTimeline facts={timeline} articles={articles} />
        </div>
      </div>
    </Layout>
  );
}

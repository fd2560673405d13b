import type { ArticleCard as Card, ArticleEntity, EntityType } from '../../domain/index.ts';
import { feedAlternates } from '../syndication/alternates.ts';
import { ArticleCard } from './ArticleCard.tsx';
import { Layout } from './Layout.tsx';
import { LinkedTimeline } from './LinkedTimeline.tsx';
import type { StoryFact } from './storyTimeline.ts';
import type { Chrome } from './types.ts';
import { storyCount } from '../format.ts';

const KIND: Record<EntityType, string> = { person: 'Person', place: 'Place', organization: 'Organisation' };

export function topicPath(slug: string): string {
  return `/topic/${slug}`;
}

interface TopicPageProps extends Chrome {
  topic: Pick<ArticleEntity, 'slug' | 'name' | 'type'>;
  articles: Card[];
  /** Dated facts about the topic from its articles' sentences, in date order. */
  timeline?: readonly StoryFact[];
}

/** /topic/<slug>: every published story that names a person, place or organisation, newest first. */
export function TopicPage({ site, sections, topic, articles, timeline = [] }: TopicPageProps) {
  const path = topicPath(topic.slug);
  return (
    <Layout
      site={site}
      sections={sections}
      head={{
        title: `${topic.name} — ${site.name}`,
        description: `Stories about ${topic.name} from ${site.name}.`,
        canonicalPath: path,
        feeds: feedAlternates(path, `${topic.name} — ${site.name}`),
        openGraph: [
          ['og:type', 'website'],
          ['og:site_name', site.name],
          ['og:title', `${topic.name} — ${site.name}`],
          ['og:url', `${site.url}${path}`],
        ],
      }}
    >
      <div class="wrap">
        <header class="front-header">
          <p class="topic-kind">{KIND[topic.type]}</p>
          <h1 class="front-title">{topic.name}</h1>
          <p class="front-count">{storyCount(articles.length)}</p>
        </header>
        <div class="card-grid">
          {articles.map((article) => (
            <ArticleCard key={article.id} article={article} headingLevel={2} />
          ))}
        </div>
        <LinkedTimeline facts={timeline} articles={articles} />
      </div>
    </Layout>
  );
}

/** The people, places and organisations a story names most, as links to their topic pages. */
export function TopicLinks({ topics }: { topics: readonly Pick<ArticleEntity, 'slug' | 'name'>[] }) {
  if (topics.length === 0) return null;
  return (
    <nav class="topics" aria-labelledby="topics-heading">
      <h2 id="topics-heading">Topics</h2>
      <ul>
        {topics.map((topic) => (
          <li key={topic.slug}>
            <a href={topicPath(topic.slug)}>{topic.name}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

import { articlePath, type ArticleLink } from '../../domain/index.ts';
import type { StoryFact } from './storyTimeline.ts';
import { TimelineDate } from './TimelineBox.tsx';

interface LinkedTimelineProps {
  facts: readonly StoryFact[];
  /** The articles the facts come from, for their links. */
  articles: readonly Pick<ArticleLink, 'id' | 'section' | 'slug'>[];
}

/**
 * Dated facts gathered from several articles (a story's, a topic's), each linked to the paragraph of the
 * article whose sentence gave it.
 */
export function LinkedTimeline({ facts, articles }: LinkedTimelineProps) {
  if (facts.length === 0) return null;
  const byId = new Map(articles.map((article) => [article.id, article]));
  return (
    <section class="timeline-box" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      <p class="timeline-note">
        The events most of the coverage reports, dated from the articles’ own sentences; each links to its place in the article.
      </p>
      <ol class="timeline">
        {facts.map(({ fact, articleId, reports }, index) => {
          const article = byId.get(articleId);
          const content = (
            <>
              <TimelineDate date={fact.date} /> <span class="timeline-label">{fact.label}</span>
            </>
          );
          // The whole sentence is one click away: the link opens its paragraph in the article.
          const link = article ? <a href={`${articlePath(article)}#p-${fact.sentence.paragraph}`}>{content}</a> : content;
          return (
            <li key={index}>
              {link}
              {reports > 1 ? <span class="timeline-figures"> · reported by {reports} articles</span> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

import type { DeskListing } from '../../store/index.ts';
import { NewsroomLayout, Notice, type NewsroomChrome } from './NewsroomLayout.tsx';

/** One list on the desk: its title, how many there are in all, and the newest few. */
export interface DeskList {
  id: string;
  title: string;
  count: number;
  articles: DeskListing[];
  /** What each line's time means. */
  time: 'updated' | 'scheduled' | 'published';
  empty: string;
}

export function DeskPage(props: NewsroomChrome & { lists: DeskList[]; notice?: string | null }) {
  return (
    <NewsroomLayout {...props} title="Desk">
      <h1>Desk</h1>
      <Notice notice={props.notice} />
      <div class="desk">
        {props.lists.map((list) => (
          <section key={list.id} aria-labelledby={`list-${list.id}`}>
            <h2 id={`list-${list.id}`}>
              {list.title} <span class="count">({list.count})</span>
            </h2>
            {list.articles.length === 0 ? (
              <p>{list.empty}</p>
            ) : (
              <ul>
                {list.articles.map((article) => (
                  <li key={article.id}>
                    <a href={`/newsroom/articles/${article.id}`}>{article.headline}</a>{' '}
                    <TimeOf article={article} time={list.time} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
    </NewsroomLayout>
  );
}

function TimeOf({ article, time }: { article: DeskListing; time: DeskList['time'] }) {
  const at = time === 'scheduled' ? article.scheduledAt : time === 'published' ? article.publishedAt : article.updatedAt;
  if (!at) return null;
  const words = { updated: 'changed', scheduled: 'goes out', published: 'published' }[time];
  return (
    <span class="hint">
      {words} <time dateTime={at}>{at.slice(0, 16).replace('T', ' ')} UTC</time>
    </span>
  );
}

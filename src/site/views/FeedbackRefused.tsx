import { articlePath, type PublishedArticle } from '../../domain/index.ts';
import { renderDocument } from '../render.ts';
import { FeedbackForm, type FeedbackDraft } from './FeedbackForm.tsx';
import { Layout } from './Layout.tsx';
import type { SiteInfo } from './types.ts';

export interface FeedbackRefusedProps {
  site: SiteInfo;
  statusCode: number;
  /** Why, in words for the reader. */
  message: string;
  /** The article the note was about, when the form named a real one. */
  article?: Pick<PublishedArticle, 'id' | 'contentHash' | 'section' | 'slug' | 'headline'>;
  /** What the reader sent: shown again in the form when the fix is theirs to make (a 400). */
  draft?: FeedbackDraft;
}

/**
 * The answer to a feedback post that was not stored: what went wrong, the reader's own note back in the form
 * when correcting it will do, and the way back to the article. Like the error pages it needs no database.
 */
export function FeedbackRefused({ site, statusCode, message, article, draft }: FeedbackRefusedProps) {
  return (
    <Layout site={site} sections={[]} head={{ title: `Your note was not sent — ${site.name}` }}>
      <div class="wrap">
        <div class="error-page feedback-refused">
          <p class="error-code">Error {statusCode}</p>
          <h1>Your note was not sent</h1>
          <p>{message}</p>
          {article && draft ? <FeedbackForm article={article} draft={draft} /> : null}
          <p>
            {article ? (
              <a href={`${articlePath(article)}#feedback`}>Back to “{article.headline}”</a>
            ) : (
              <a href="/">Go to the {site.name} home page</a>
            )}
          </p>
        </div>
      </div>
    </Layout>
  );
}

export function renderFeedbackRefused(props: FeedbackRefusedProps): string {
  return renderDocument(<FeedbackRefused {...props} />);
}

import { renderToString } from 'preact-render-to-string';
import type { ArticleSummary, PublishedArticle, Section } from '../../domain/index.ts';
import { ArticlePage, renderDocument, type SiteInfo } from '../../site/index.ts';
import { editorPath } from './EditorPage.tsx';
import { NEWSROOM_CSS_HREF } from './newsroomCss.ts';

export interface PreviewProps {
  site: SiteInfo;
  sections: readonly Section[];
  section: Pick<Section, 'slug' | 'name'>;
  /** The article as readers would get it, with the typed (maybe unsaved) content. */
  article: PublishedArticle;
  automaticSummary: ArticleSummary | null;
  /** True when the content is what was typed, not what is stored. */
  unsaved: boolean;
}

/**
 * The reader's own article page for an article that is not (or not yet in this form) on the site, under a
 * banner no one can mistake for the site: "Preview — not published". No view beacon, no related or trending
 * lists (they would count and link as if it were out). Returned as a document: the banner goes in front of the
 * reader page's own chrome.
 */
export function previewDocument(props: PreviewProps): string {
  const page = renderDocument(
    <ArticlePage
      site={props.site}
      sections={props.sections}
      section={props.section}
      article={props.article}
      related={[]}
      trending={[]}
      automaticSummary={props.automaticSummary}
    />,
  );
  const banner = renderToString(
    <div class="preview-banner" role="status">
      <strong>Preview — not published.</strong> {props.unsaved ? 'This is the text as typed; it is not saved yet. ' : 'This is the saved text. '}
      <a href={editorPath(props.article.id)}>Back to the editor</a>
    </div>,
  );
  // The reader page's markup before <body> is its head: the first "<body" is the element (its text is escaped).
  return page.replace('</head>', `<link rel="stylesheet" href="${NEWSROOM_CSS_HREF}"></head>`).replace(/<body([^>]*)>/, (open) => `${open}${banner}`);
}

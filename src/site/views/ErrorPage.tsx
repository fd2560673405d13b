import { wordingFor } from '../errorWording.ts';
import { renderDocument } from '../render.ts';
import { Layout } from './Layout.tsx';
import type { Chrome } from './types.ts';

interface ErrorPageProps extends Chrome {
  statusCode: number;
  /**
   * What to fix, shown only for the reader's own mistakes (4xx): written for readers (see errorWording.ts), never
   * an internal or framework message or a stack; any echo of the request in it is a short excerpt.
   */
  detail?: string | null;
}

/** A real page for 4xx and 5xx: the site's chrome, a plain explanation, and a way back to the news. */
export function ErrorPage({ site, sections, statusCode, detail }: ErrorPageProps) {
  const { title, text } = wordingFor(statusCode);
  return (
    <Layout site={site} sections={sections} head={{ title: `${title} — ${site.name}` }}>
      <div class="wrap">
        <div class="error-page">
          <p class="error-code">Error {statusCode}</p>
          <h1>{title}</h1>
          <p>{text}</p>
          {detail && statusCode < 500 ? <p>{detail}</p> : null}
          <p>
            <a href="/">Go to the {site.name} home page</a>
          </p>
        </div>
      </div>
    </Layout>
  );
}

/**
 * A whole error document. Error pages carry no section nav: they are drawn when something failed, possibly the
 * database itself, so they must not depend on it.
 */
export function renderErrorPage(siteName: string, statusCode: number, detail: string | null = null): string {
  return renderDocument(<ErrorPage site={{ name: siteName, url: '' }} sections={[]} statusCode={statusCode} detail={detail} />);
}

import { renderDocument } from '../render.ts';
import { Layout } from './Layout.tsx';
import type { Chrome } from './types.ts';

interface ErrorPageProps extends Chrome {
  statusCode: number;
  /** Shown only for the reader's own mistakes (4xx) — never an internal message or a stack. */
  detail?: string | null;
}

const MESSAGES: Record<number, { title: string; text: string }> = {
  400: { title: 'That request did not make sense', text: 'Something in the address is not quite right.' },
  404: {
    title: 'Page not found',
    text: 'We could not find that page. It may have moved, or the address may be mistyped.',
  },
  500: {
    title: 'Something went wrong',
    text: 'We could not show this page just now. The problem is on our side; please try again in a moment.',
  },
};

function messageFor(statusCode: number): { title: string; text: string } {
  return MESSAGES[statusCode] ?? (statusCode >= 500 ? MESSAGES[500]! : MESSAGES[400]!);
}

/** A real page for 4xx and 5xx: the site's chrome, a plain explanation, and a way back to the news. */
export function ErrorPage({ site, sections, statusCode, detail }: ErrorPageProps) {
  const { title, text } = messageFor(statusCode);
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

import type { ComponentChildren } from 'preact';
import { STYLESHEET_HREF } from '../assets/stylesheet.ts';
import { SiteFooter } from './SiteFooter.tsx';
import { SearchBox } from './SearchBox.tsx';
import { SiteNav } from './SiteNav.tsx';
import { ICON_PATH, jsonLdText } from './structuredData.ts';
import type { Chrome, PageHead } from './types.ts';

interface LayoutProps extends Chrome {
  head: PageHead;
  children: ComponentChildren;
}

/**
 * The document around every page: head metadata, skip link, masthead, section nav, <main>, footer. No scripts:
 * every page works with JavaScript off. The brand is a link, not a heading; each page brings its own h1.
 */
export function Layout({ site, sections, currentSection, head, children }: LayoutProps) {
  const absolute = (path: string) => `${site.url}${path}`;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{head.title}</title>
        {head.description ? <meta name="description" content={head.description} /> : null}
        {head.canonicalPath ? <link rel="canonical" href={absolute(head.canonicalPath)} /> : null}
        {head.prevPath ? <link rel="prev" href={head.prevPath} /> : null}
        {head.nextPath ? <link rel="next" href={head.nextPath} /> : null}
        {(head.openGraph ?? []).map(([property, content]) => (
          <meta key={property + content} property={property} content={content} />
        ))}
        {head.openGraph?.length ? (
          // Twitter reads title, description and image from the OpenGraph tags; it needs only the card kind.
          <meta name="twitter:card" content={head.openGraph.some(([property]) => property === 'og:image') ? 'summary_large_image' : 'summary'} />
        ) : null}
        {(head.jsonLd ?? []).map((data, index) => (
          <script key={index} type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdText(data) }} />
        ))}
        {(head.feeds ?? []).map((feed) => (
          <link key={feed.href} rel="alternate" type={feed.type} title={feed.title} href={absolute(feed.href)} />
        ))}
        <link rel="icon" href={ICON_PATH} type="image/svg+xml" />
        <link rel="stylesheet" href={STYLESHEET_HREF} />
      </head>
      <body>
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <header class="site-header">
          <div class="wrap masthead">
            <a class="brand" href="/">
              {site.name}
            </a>
            <SearchBox />
          </div>
          <SiteNav sections={sections} currentSection={currentSection} />
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter site={site} />
      </body>
    </html>
  );
}

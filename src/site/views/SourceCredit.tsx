import type { ComponentChildren } from 'preact';
import type { ArticleSource } from '../../domain/index.ts';
import { safeUrl } from '../format.ts';

/**
 * The licence's credit line for a story that is not our own reporting, with the article and licence URLs as
 * links. The ready-made attribution ('From Wikinews, the free news source: "Title" (https://…), CC BY 2.5')
 * carries the article URL as text; the licence URL is added when it does not, and CC BY requires us to say
 * that the text was changed.
 */
export function SourceCredit({ source, morePath = null }: { source: ArticleSource; morePath?: string | null }) {
  // The site's own page of this source's stories, after the credit line (which stays as the licence words it);
  // feeds carry the credit without it, since a path on this site means nothing there.
  if (!morePath) return <CreditLine source={source} />;
  return (
    <>
      <CreditLine source={source} />
      <p class="source-more">
        <a href={morePath}>More from {source.name}</a>
      </p>
    </>
  );
}

function CreditLine({ source }: { source: ArticleSource }) {
  const sourceUrl = safeUrl(source.url);
  const licenseUrl = safeUrl(source.licenseUrl);
  if (source.attribution) {
    let text = source.attribution.trim().replace(/\.$/, '');
    if (licenseUrl && !text.includes(licenseUrl)) text += ` (${licenseUrl})`;
    const urls = [sourceUrl, licenseUrl].filter((url): url is string => Boolean(url));
    return (
      <footer class="source-credit">
        <p>
          {linkify(text, urls, licenseUrl)}. Adapted for this site.
        </p>
      </footer>
    );
  }
  return (
    <footer class="source-credit">
      <p>
        Source: {sourceUrl ? <a href={sourceUrl}>{source.name}</a> : source.name}
        {source.licenseName && licenseUrl ? (
          <>
            {', '}
            <a href={licenseUrl} rel="license">
              {source.licenseName}
            </a>
          </>
        ) : null}
        .
      </p>
    </footer>
  );
}

/** `text` with each occurrence of the given URLs turned into a link to itself; everything else stays text. */
function linkify(text: string, urls: readonly string[], licenseUrl: string | null): ComponentChildren[] {
  const parts: ComponentChildren[] = [];
  let rest = text;
  while (rest) {
    let next: { at: number; url: string } | null = null;
    for (const url of urls) {
      const at = rest.indexOf(url);
      if (at >= 0 && (!next || at < next.at)) next = { at, url };
    }
    if (!next) {
      parts.push(rest);
      break;
    }
    if (next.at > 0) parts.push(rest.slice(0, next.at));
    parts.push(
      <a href={next.url} rel={next.url === licenseUrl ? 'license' : undefined}>
        {next.url}
      </a>,
    );
    rest = rest.slice(next.at + next.url.length);
  }
  return parts;
}

import { ownImageFromUrl, type PublishedArticle } from '../../domain/index.ts';
import { safeUrl } from '../format.ts';
import { CARD_HEIGHT, CARD_WIDTH, shareCardPath } from '../shareCards/index.ts';
import type { SiteInfo } from './types.ts';

/** The publisher's logo, as search engines ask for it in NewsArticle.publisher. */
export const LOGO_PATH = '/media/logo.svg';
/** The site's tab icon. */
export const ICON_PATH = '/media/icon.svg';
/** Google shows at most this much of a NewsArticle headline. */
const HEADLINE_MAX = 110;

export type JsonLd = Record<string, unknown>;

/**
 * schema.org NewsArticle for an article page: what search engines read for rich results. The author is the
 * byline when there is one; a syndicated story without a byline is credited to its source organisation, and
 * `isBasedOn` points at the source's page, so nobody's reporting is passed off as ours.
 */
export function newsArticleJsonLd(
  site: SiteInfo,
  article: PublishedArticle,
  options: { path: string; sectionName: string; description: string | null; updatedAt: string | null },
): JsonLd {
  const url = `${site.url}${options.path}`;
  const data: JsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    headline: article.headline.length > HEADLINE_MAX ? `${article.headline.slice(0, HEADLINE_MAX - 1)}…` : article.headline,
    datePublished: article.publishedAt,
    dateModified: options.updatedAt ?? article.publishedAt,
    articleSection: options.sectionName,
    inLanguage: 'en',
    publisher: publisherJsonLd(site),
  };
  if (options.description) data.description = options.description;
  data.image = [shareImage(site, article, options.sectionName).url];
  // Stored URLs come from outside: only http(s) ones are passed on, as everywhere else on the page.
  const sourceUrl = safeUrl(article.source?.url);
  if (article.byline) data.author = [{ '@type': 'Person', name: article.byline }];
  else if (article.source) data.author = [{ '@type': 'Organization', name: article.source.name, ...(sourceUrl && { url: sourceUrl }) }];
  else data.author = [publisherJsonLd(site)];
  if (sourceUrl) data.isBasedOn = sourceUrl;
  return data;
}

/** The picture a share or a news surface shows of an article: absolute URL, pixel size when known, words for it. */
export interface ShareImage {
  url: string;
  width: number | null;
  height: number | null;
  alt: string | null;
}

/**
 * The article's photo when it has one (never the placeholder: that is not a picture of the story); otherwise
 * its share card, drawn from the headline, section and site name at an address that changes with them.
 */
export function shareImage(
  site: SiteInfo,
  article: Pick<PublishedArticle, 'id' | 'headline' | 'hero'>,
  sectionName: string,
): ShareImage {
  const photo = safeUrl(article.hero?.url);
  if (photo) {
    const own = ownImageFromUrl(photo);
    return {
      url: photo.startsWith('/') ? `${site.url}${photo}` : photo,
      width: own?.width ?? null,
      height: own?.height ?? null,
      alt: article.hero?.alt || null,
    };
  }
  const path = shareCardPath(article.id, { headline: article.headline, sectionName, brand: site.name });
  return { url: `${site.url}${path}`, width: CARD_WIDTH, height: CARD_HEIGHT, alt: article.headline };
}

export function publisherJsonLd(site: SiteInfo): JsonLd {
  return {
    '@type': 'NewsMediaOrganization',
    name: site.name,
    url: `${site.url}/`,
    logo: { '@type': 'ImageObject', url: `${site.url}${LOGO_PATH}` },
  };
}

/** The trail above a page: Home › Section › Article, each with its absolute URL. */
export function breadcrumbJsonLd(site: SiteInfo, trail: readonly { name: string; path: string }[]): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: `${site.url}${crumb.path}`,
    })),
  };
}

/**
 * JSON for a <script type="application/ld+json"> block. Text from articles ends up inside it, so every "<" is
 * escaped: a headline holding "</script>" cannot close the block and start markup of its own.
 */
export function jsonLdText(data: JsonLd): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

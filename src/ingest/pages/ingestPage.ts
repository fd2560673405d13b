import { FALLBACK_SECTION, type ArticleStatus, type Feed, type PublishRules } from '../../domain/index.ts';
import { extractArticle, stripTrackingParams, type ExtractedArticle } from '../../extract/html/index.ts';
import type { Store } from '../../store/index.ts';
import { classifySection } from '../../enrich/classify/index.ts';
import { importArticle, type ImportResult } from '../importArticle.ts';
import { draftFromExtraction } from './draftFromExtraction.ts';

export interface FetchedPage {
  /** The address the HTML was fetched from, after redirects (or given with a saved file). */
  url: string;
  /**
   * The address as a feed listed it, before redirects, when it differs: it becomes the article's source key,
   * so the next poll sees the story is stored without fetching it again.
   */
  listedUrl?: string;
  html: string;
  fetchedAt: string;
  /** The feed that listed the page, when it came from one: it decides section, credit and status. */
  feed?: Feed | null;
  /** A section name chosen by whoever imports the page; wins over the feed's and the page's own. */
  sectionName?: string | null;
  /** Status of a new article; default the feed's setting, else draft (an editor decides). */
  status?: ArticleStatus;
  /** What it needs to be published (default: DEFAULT_PUBLISH_RULES); short of it, it is stored as a draft. */
  publishRules?: PublishRules;
}

export interface PageIngestResult extends ImportResult {
  extracted: ExtractedArticle;
}

/**
 * Extracts one fetched page and stores it once. Its identity is its canonical address (tracking parameters
 * stripped); a page reached under another address with the same headline and text is the same story.
 * Throws ExtractError when the page holds no article; nothing is written then.
 */
export async function ingestPage(store: Store, page: FetchedPage): Promise<PageIngestResult> {
  const extracted = extractArticle(page.html, { url: page.url });
  const canonicalUrl = trustedCanonical(page.url, extracted.canonicalUrl);
  const sourceKey = `url:${page.listedUrl ? stripTrackingParams(page.listedUrl) : canonicalUrl}`;
  const sectionName = await sectionNameFor(store, page, extracted, sourceKey, canonicalUrl);
  const sourceName = page.feed?.sourceName ?? extracted.siteName ?? page.feed?.title ?? new URL(canonicalUrl).hostname;
  const draft = draftFromExtraction(extracted, { sectionName, sourceName, sourceUrl: canonicalUrl });
  const { bodyText: _derived, ...record } = extracted;

  const result = await store.transaction((tx) =>
    importArticle(tx, draft, {
      sourceKey,
      status: page.status ?? page.feed?.publishStatus ?? 'draft',
      provenance: {
        canonicalUrl,
        fetchedAt: page.fetchedAt,
        feedId: page.feed?.id ?? null,
        sourceModifiedAt: extracted.modifiedAt,
      },
      extraction: JSON.stringify(record),
      dedupeByStory: true,
      ...(page.publishRules && { publishRules: page.publishRules }),
    }),
  );
  return { ...result, extracted };
}

/**
 * The page's canonical address when it names one on its own site, else the fetched address. A page may not
 * claim another site's address: that would let any page overwrite another publisher's story here.
 */
export function trustedCanonical(pageUrl: string, canonicalUrl: string | null): string {
  const page = new URL(pageUrl);
  if (canonicalUrl) {
    try {
      const canonical = new URL(canonicalUrl);
      const sameSite = sameOwner(canonical.hostname, page.hostname);
      if (sameSite && (canonical.protocol === 'https:' || canonical.protocol === 'http:')) {
        return stripTrackingParams(canonical.href);
      }
    } catch {
      // An unparseable canonical is ignored like a foreign one.
    }
  }
  page.hash = '';
  return stripTrackingParams(page.href);
}

/**
 * One host is the other or a subdomain of it ("www.example.com", "news.example.com", "example.com"): the
 * same owner controls both. Sibling hosts ("a.github.io", "b.github.io") may belong to strangers.
 */
function sameOwner(a: string, b: string): boolean {
  return a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`);
}

async function sectionNameFor(
  store: Store,
  page: FetchedPage,
  extracted: ExtractedArticle,
  sourceKey: string,
  canonicalUrl: string,
): Promise<string> {
  if (page.sectionName) return page.sectionName;
  const sections = await store.sections.list();
  // A story already stored stays where it is (an editor may have moved it); only an explicit choice moves it.
  const stored =
    (await store.articles.findBySourceKey(sourceKey)) ?? (await store.articles.findByCanonicalUrl(canonicalUrl));
  const storedSection = stored && sections.find((s) => s.slug === stored.section);
  if (storedSection) return storedSection.name;
  const feedSection = page.feed?.section && sections.find((s) => s.slug === page.feed!.section);
  if (feedSection) return feedSection.name;
  // A page's own label files it only when it names one of our sections: "Politics" yes, "uk-news" no.
  const hint = extracted.sectionHint;
  const named = hint && sections.find((s) => s.name.toLowerCase() === hint.trim().toLowerCase());
  if (named) return named.name;
  // Otherwise the classifier decides among the site's sections, from the story's own words.
  if (sections.length === 0) return FALLBACK_SECTION;
  return classifySection({ headline: extracted.headline, text: extracted.bodyText }, { sections: sections.map((s) => s.name) })
    .section;
}

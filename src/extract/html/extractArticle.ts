/**
 * A news page's HTML → the article, told in the order the work happens:
 *
 *   1. parse the page with linkedom (several times faster than jsdom on the same pages; bench/extraction.ts)
 *   2. read the metadata the page states (JSON-LD, OpenGraph, Twitter, <meta>, the printed byline; site rules
 *      where the generic reading fails) before anything rewrites the page
 *   3. our boilerplate rules (cleanup/) take page furniture out
 *   4. Readability finds the article element; our rules tidy it
 *   5. the element becomes clean blocks and sanitized HTML; the lead photo is settled against the body
 *   6. every text field (headline, dek, byline, site and section names, photo alt text, captions and credits)
 *      is made plain text (../plainText.ts): metadata carries whatever markup a CMS typed into it
 *
 * Anything that is not an article (no text, a refused size) is an ExtractError, never a crash.
 */
import { Readability } from '@mozilla/readability';
import { ExtractError } from '../../domain/index.ts';
import type { HeroImage } from '../../domain/index.ts';
import { plainImage, plainTextOrNull } from '../plainText.ts';
import { cleanByline } from './byline.ts';
import { blocksToText, readBlocks, type ExtractedBlock } from './bodyBlocks.ts';
import { cleanAfterReadability, cleanBeforeReadability, type CleanupContext } from './cleanup/index.ts';
import { toIsoUtc } from './dates.ts';
import { chooseDek, chooseHeadline, pageTitles } from './headline.ts';
import { findLeadImage, removeFigure, settleLeadImage } from './leadImage.ts';
import { normalizeLanguage, readPageMetadata } from './metadata.ts';
import { readPageByline } from './pageByline.ts';
import { assertParseable } from './pageLimits.ts';
import { parsePage } from './parsePage.ts';
import { sanitizeArticleHtml } from './sanitize.ts';
import { siteRuleFor } from './siteRules.ts';

export interface ExtractedArticle {
  /** The page URL given. */
  url: string;
  /** <link rel=canonical> / og:url / JSON-LD url: absolute, tracking parameters stripped. */
  canonicalUrl: string | null;
  headline: string;
  /** The standfirst: the page's description, unless it only repeats the lede. */
  dek: string | null;
  /** "Jane Doe and John Roe", without "By ". */
  byline: string | null;
  /** ISO-8601 UTC. */
  publishedAt: string | null;
  modifiedAt: string | null;
  /** BCP 47: 'en', 'pt-BR'. */
  language: string | null;
  siteName: string | null;
  /** The section the page files the story under (article:section, JSON-LD articleSection, breadcrumbs). */
  sectionHint: string | null;
  image: HeroImage | null;
  /** The body; h1 and h4–h6 folded into levels 2 and 3; figures keep caption and credit. */
  blocks: ExtractedBlock[];
  /** Sanitized HTML of the body. */
  bodyHtml: string;
  /** Plain text: a line per paragraph, heading, list item and quote line; captions left out. */
  bodyText: string;
}

export interface ExtractOptions {
  /** The page's URL: relative links resolve against it and site rules key on its host. */
  url: string;
}

export function extractArticle(html: string, options: ExtractOptions): ExtractedArticle {
  if (typeof html !== 'string' || html.trim() === '') throw new ExtractError('the page is empty');
  assertParseable(html);
  const pageUrl = parsePageUrl(options.url);
  const document = parsePage(html);
  const metadata = readPageMetadata(document, pageUrl);
  const hero = findLeadImage(document, metadata);
  const titles = pageTitles(document);
  const printedByline = readPageByline(document, siteRuleFor(pageUrl)?.notByline ?? null);
  const context: CleanupContext = { url: pageUrl, structuredBody: metadata.articleBody, headline: metadata.headline };
  cleanBeforeReadability(document, context);

  const article = runReadability(document);
  const content = article?.content;
  if (!article || !content) throw new ExtractError('no article found on the page');
  const headline = plainTextOrNull(
    chooseHeadline(article.title, metadata.headline, titles, {
      siteName: metadata.siteName ?? article.siteName ?? null,
      section: metadata.sectionHint,
    }),
  );
  if (!headline) throw new ExtractError('the page has no headline');
  context.headline = headline;
  cleanAfterReadability(content, context);

  const settled = settleLeadImage(hero, dropRepeatedHeadline(readBlocks(content, metadata.baseUrl), headline, content));
  const bodyText = blocksToText(settled.blocks);
  if (bodyText === '') throw new ExtractError('the article has no text');
  if (settled.movedFromBody) removeFigure(content, settled.movedFromBody, metadata.baseUrl);

  return {
    url: options.url,
    canonicalUrl: metadata.canonicalUrl,
    headline,
    dek: plainTextOrNull(chooseDek(metadata.description, settled.blocks, headline)),
    byline: plainTextOrNull(metadata.byline ?? cleanByline(printedByline)),
    publishedAt: metadata.publishedAt ?? toIsoUtc(article.publishedTime),
    modifiedAt: metadata.modifiedAt,
    language: metadata.language ?? normalizeLanguage(article.lang),
    siteName: plainTextOrNull(metadata.siteName ?? article.siteName),
    sectionHint: plainTextOrNull(metadata.sectionHint),
    image: settled.image && plainImage(settled.image),
    blocks: settled.blocks.map(withPlainFigure),
    bodyHtml: sanitizeArticleHtml(content.innerHTML, { baseUrl: metadata.baseUrl.href }),
    bodyText,
  };
}

function parsePageUrl(url: string): URL {
  try {
    return new URL(url);
  } catch {
    throw new ExtractError(`the page URL is not a URL: ${JSON.stringify(String(url).slice(0, 200))}`);
  }
}

type ReadabilityResult = ReturnType<Readability<Element>['parse']>;

function runReadability(document: Document): ReadabilityResult {
  try {
    return new Readability<Element>(document, { serializer: (node) => node as Element }).parse();
  } catch (error) {
    // Readability throws on DOM shapes it does not expect: no article either way.
    throw new ExtractError(`no article could be read from the page: ${(error as Error).message}`);
  }
}

/**
 * Readability keeps a heading that repeats the headline when it opens the body; the site prints its own. It goes
 * from the blocks and from the article element (whose HTML becomes bodyHtml).
 */
function dropRepeatedHeadline(blocks: ExtractedBlock[], headline: string, content: Element): ExtractedBlock[] {
  const first = blocks[0];
  if (first?.type !== 'heading' || !sameText(first.text, headline)) return blocks;
  const heading = [...content.querySelectorAll('h1, h2, h3, h4, h5, h6')].find((element) => sameText(element.textContent ?? '', headline));
  heading?.remove();
  return blocks.slice(1);
}

function sameText(a: string, b: string): boolean {
  const fold = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return fold(a) === fold(b);
}

function withPlainFigure(block: ExtractedBlock): ExtractedBlock {
  return block.type === 'figure' ? { ...block, image: plainImage(block.image) } : block;
}

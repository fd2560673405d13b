/**
 * Scores an extractor on the Zyte development pages with the benchmark's metric, keeping each page's figures so
 * the worst pages can be read and their surplus and missing text looked at.
 */
import { loadZyteCorpus, type ZytePage } from './zyteCorpus.ts';
import { matchPage, pagePrecision, pageRecall, sameTokens, summariseMatches, type PageMatch, type ZyteScore } from './zyteMetric.ts';

/** Any extractor under test: page HTML and its URL in, plain body text out. */
export type BodyExtractor = (html: string, url: string) => string;

export interface PageScore extends PageMatch {
  id: string;
  url: string;
  precision: number;
  recall: number;
  exact: boolean;
  /** What the extractor returned, kept for reading the misses. */
  predicted: string;
}

export interface ExtractorScore extends ZyteScore {
  perPage: PageScore[];
}

export function scoreExtractor(extract: BodyExtractor, pages: readonly ZytePage[] = loadZyteCorpus()): ExtractorScore {
  const perPage = pages.map((page): PageScore => {
    let predicted: string;
    try {
      predicted = extract(page.html, page.url);
    } catch {
      // An extractor that gives up on a page scores it as empty, as the benchmark does for a missing body.
      predicted = '';
    }
    const match = matchPage(page.truth, predicted);
    return {
      id: page.id,
      url: page.url,
      ...match,
      precision: pagePrecision(match),
      recall: pageRecall(match),
      exact: sameTokens(page.truth, predicted),
      predicted,
    };
  });
  const exactPages = perPage.filter((page) => page.exact).length;
  return { ...summariseMatches(perPage, exactPages), perPage };
}

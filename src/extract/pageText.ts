/**
 * Page text → ArticleDraft: a news page flattened to text (the seed form, fixtures/crbc-security-article.txt)
 * read the way a person reads it, top to bottom:
 *
 *   CRBC News                       brand          (optional; dropped: the draft's source is set by the caller)
 *   Security                        section label  (optional)
 *   Iraq Says US Forces …           headline
 *   Iraq Says US Forces …           headline again, over the photo (optional)
 *   This aerial photo … - Credit    photo caption and credit (optional)
 *   By Jane Doe                     byline (optional)
 *   Iraq announced that …           summary (only in the photo layout, see readLead)
 *   Iraq’s government announced …   lede
 *   Last Units Leave Al-Asad — …    titled sections, run-in or on their own line
 *   Help us improve. / Trending     page chrome: the article ends here
 *
 * Each step below is one module with its own rules and reasons. The extractor only ever cuts the page's own
 * text into pieces; it never writes any of its own (the property tests hold it to that).
 */
import { ExtractError, paragraphSection } from '../domain/index.ts';
import type { ArticleDraft, BodySection, HeroImage } from '../domain/index.ts';
import { readBody } from './bodySections.ts';
import { MAX_CAPTION_CHARS, findCreditSuffix, splitCaptionCredit } from './caption.ts';
import { DEFAULT_KNOWN_BRANDS, DEFAULT_KNOWN_SECTIONS, readMasthead } from './masthead.ts';
import { dropLeadingChrome, stripPageChrome } from './pageChrome.ts';
import { splitTitledParagraph } from './sectionTitles.ts';
import { assertReadablePageText, normalizePageText, toPageLines } from './textNormalize.ts';
import type { PageLine } from './textNormalize.ts';

export interface PageTextOptions {
  /** Brand lines to recognise at the top of the page, besides DEFAULT_KNOWN_BRANDS ("CRBC News"). */
  knownBrands?: readonly string[];
  /** Section labels to recognise above a headline, besides the site's default sections. */
  knownSections?: readonly string[];
}

/** "By Jane Doe" / "By Jane Doe and John Roe, CRBC News": a short line, never a sentence. */
const BYLINE = /^By \p{Lu}/u;
const MAX_BYLINE_CHARS = 100;

/** Caption and byline sit just under the headline; we look at most this many lines for them. */
const MAX_LINES_BEFORE_TEXT = 2;

export function parsePageText(text: string, options: PageTextOptions = {}): ArticleDraft {
  assertReadablePageText(text);
  const allLines = toPageLines(normalizePageText(text));
  if (allLines.length === 0) {
    throw new ExtractError('page text is empty: paste the text of one article, headline first');
  }
  const lines = dropLeadingChrome(allLines);
  if (lines.length === 0) {
    throw new ExtractError('no headline found: the page text holds only page chrome (share, related, trending …)');
  }

  const masthead = readMasthead(lines, {
    knownBrands: [...DEFAULT_KNOWN_BRANDS, ...(options.knownBrands ?? [])],
    knownSections: [...DEFAULT_KNOWN_SECTIONS, ...(options.knownSections ?? [])],
  });
  const afterMasthead = stripPageChrome(lines.slice(masthead.next));
  const top = readPhotoAndByline(afterMasthead, masthead.headlineRepeated, masthead.headline);
  const body = readBody(afterMasthead.slice(top.next).map((line) => line.text));
  // The repeated headline and the captioned photo are the layout that prints a summary box above the lede.
  const lead = readLead(body.lead, masthead.headlineRepeated || top.hero !== null);
  const opening: BodySection[] = lead.opening.length > 0 ? [paragraphSection(null, lead.opening)] : [];

  return {
    headline: masthead.headline,
    sectionName: masthead.sectionName,
    // Flattened text does not mark a dek apart from the summary or lede, so we do not guess one.
    dek: null,
    summary: lead.summary,
    lede: lead.lede,
    body: [...opening, ...body.sections],
    hero: top.hero,
    byline: top.byline,
    source: null,
    publishedAt: null,
  };
}

interface PhotoAndByline {
  hero: HeroImage | null;
  byline: string | null;
  /** Index of the first line of article text. */
  next: number;
}

/**
 * The caption line is recognised by position — the line right under the repeated headline, with no blank line
 * between (the page printed the photo there) — or anywhere in the first lines by a credit at its end. The
 * photo file itself is not in the text, so `url` is null and the caption doubles as the alt text.
 */
function readPhotoAndByline(lines: readonly PageLine[], headlineRepeated: boolean, headline: string): PhotoAndByline {
  let hero: HeroImage | null = null;
  let byline: string | null = null;
  let next = 0;
  while (next < MAX_LINES_BEFORE_TEXT && next < lines.length) {
    const line = lines[next]!;
    if (byline === null && line.text.length <= MAX_BYLINE_CHARS && BYLINE.test(line.text) && !line.text.endsWith('.')) {
      byline = line.text.slice('By '.length);
    } else if (hero === null && isCaptionLine(line, next === 0 && headlineRepeated)) {
      const { caption, credit } = splitCaptionCredit(line.text);
      hero = { url: null, alt: caption ?? headline, caption, credit };
    } else {
      break;
    }
    next++;
  }
  return { hero, byline, next };
}

function isCaptionLine(line: PageLine, underRepeatedHeadline: boolean): boolean {
  if (line.text.length > MAX_CAPTION_CHARS || splitTitledParagraph(line.text) !== null) return false;
  if (underRepeatedHeadline && !line.blankBefore) return true;
  return findCreditSuffix(line.text) !== null;
}

interface Lead {
  summary: string | null;
  lede: string | null;
  /** Untitled paragraphs after the lede and before the first titled section. */
  opening: string[];
}

/**
 * Summary or lede? In the photo layout (headline repeated over a captioned photo, like the seed) the site prints
 * a summary box first, so with two or more untitled paragraphs before the first titled section the first is
 * the summary and the second the lede. Anywhere else, and whenever there is only one such paragraph, the first
 * paragraph is the lede and there is no summary: a lede is always there, a summary box only in that layout.
 */
export function readLead(paragraphs: readonly string[], photoLayout: boolean): Lead {
  if (photoLayout && paragraphs.length >= 2) {
    return { summary: paragraphs[0]!, lede: paragraphs[1]!, opening: paragraphs.slice(2) };
  }
  return { summary: null, lede: paragraphs[0] ?? null, opening: paragraphs.slice(1) };
}

/** extract/: turning what we are given (page text, later HTML) into an ArticleDraft. */
export { parsePageText, readLead } from './pageText.ts';
export type { PageTextOptions } from './pageText.ts';
export { normalizePageText, MAX_PAGE_TEXT_BYTES } from './textNormalize.ts';
export { DEFAULT_KNOWN_BRANDS, MAX_HEADLINE_CHARS } from './masthead.ts';
export { splitCaptionCredit, findCreditSuffix, isCreditShaped } from './caption.ts';
export type { CaptionParts } from './caption.ts';
export { splitTitledParagraph, hasTitleShape, isTitleCase } from './sectionTitles.ts';
export { END_OF_ARTICLE_LABELS, INLINE_CHROME_LABELS, isChrome } from './pageChrome.ts';

/**
 * The promise a summary makes: every sentence in it is the source's own, word for word. The summariser checks
 * each sentence against the article right before emitting it, so no later change to splitting, trimming or
 * text handling can slip a sentence past it that the reporter did not write (an HTML entity decoded, a label
 * cut off, a parenthetical dropped).
 */

/** Runs of whitespace, line breaks included, count as one space: the only difference a reader cannot see. */
export const normalWhitespace = (text: string): string => text.replace(/\s+/gu, ' ').trim();

export interface SentenceSpan {
  text: string;
  paragraph: number;
  start: number;
  end: number;
}

/** True when `text` is, whitespace aside, exactly the span it points at, and that span is in its paragraph. */
export function isOwnSentence(paragraphs: readonly string[], sentence: SentenceSpan): boolean {
  const paragraph = paragraphs[sentence.paragraph];
  if (paragraph === undefined || sentence.start < 0 || sentence.end > paragraph.length || sentence.start >= sentence.end) return false;
  const text = normalWhitespace(sentence.text);
  return text.length > 0 && text === normalWhitespace(paragraph.slice(sentence.start, sentence.end));
}

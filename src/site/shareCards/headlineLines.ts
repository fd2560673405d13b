/**
 * Breaking a headline into the lines of a share card. Widths come from the card font's own metrics (kerned
 * advance widths), so a line that is measured to fit is drawn to fit; the breaking itself is plain greedy
 * filling, as a headline has too few words for anything cleverer to show.
 */

export interface WrappedText {
  lines: string[];
  /** Whether text was left out: the last line then ends with an ellipsis. */
  truncated: boolean;
}

const ELLIPSIS = '…';

/**
 * `text` in lines no wider than `maxWidth`, at most `maxLines` of them; what does not fit ends in "…". Words
 * break at spaces; a word wider than a line on its own (a long URL, a compound) is cut between characters.
 */
export function wrapText(text: string, maxWidth: number, maxLines: number, measure: (text: string) => number): WrappedText {
  const lines = greedyLines(text.trim().split(/\s+/).filter(Boolean), maxWidth, measure);
  if (lines.length <= maxLines) return { lines, truncated: false };
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = withEllipsis(kept[maxLines - 1]!, maxWidth, measure);
  return { lines: kept, truncated: true };
}

function greedyLines(words: readonly string[], maxWidth: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word;
    if (measure(candidate) <= maxWidth) {
      current = candidate;
      continue;
    }
    if (current) lines.push(current);
    const pieces = measure(word) <= maxWidth ? [word] : cutBetweenCharacters(word, maxWidth, measure);
    lines.push(...pieces.slice(0, -1));
    current = pieces.at(-1)!;
  }
  if (current) lines.push(current);
  return lines;
}

/** A word too wide for a line, in pieces that each fit (at least one character each, whatever its width). */
function cutBetweenCharacters(word: string, maxWidth: number, measure: (text: string) => number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const char of word) {
    if (piece && measure(piece + char) > maxWidth) {
      pieces.push(piece);
      piece = '';
    }
    piece += char;
  }
  pieces.push(piece);
  return pieces;
}

/** The line shortened, by words while it has several and then by characters, until it fits with "…" after it. */
function withEllipsis(line: string, maxWidth: number, measure: (text: string) => number): string {
  let shortened = line;
  const fits = () => measure(trimForEllipsis(shortened) + ELLIPSIS) <= maxWidth;
  while (!fits() && shortened.includes(' ')) shortened = shortened.slice(0, shortened.lastIndexOf(' '));
  while (!fits() && [...shortened].length > 1) shortened = [...shortened].slice(0, -1).join('');
  return trimForEllipsis(shortened) + ELLIPSIS;
}

/** "attack," + "…" reads as a typo: punctuation and spaces before the ellipsis go. */
function trimForEllipsis(text: string): string {
  return text.replace(/[\s,;:.\-–—]+$/u, '');
}

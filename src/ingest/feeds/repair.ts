/**
 * The commonest ways real feeds break XML, mended just enough for a strict parser: a bare "&" in a URL
 * ("?a=1&b=2"), HTML's "&#X41;", and a document cut short (inside a CDATA section, inside "</rss", in the middle
 * of a tag, or with elements left open). Anything else is not guessed at: the feed is refused with the scan's first problem.
 */
import type { XmlScan } from './xmlScan.ts';

const REFERENCE_OR_OPAQUE = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|&#X([0-9a-fA-F]+);|&(?!#[0-9]+;|#x[0-9a-fA-F]+;|[A-Za-z_][\w.-]*;)/g;

/**
 * The mended document, or null when the scan found nothing this can mend. `shift` maps the scan's offsets into
 * `text` when the text was changed since the scan (tagItems.ts inserts attributes).
 */
export function repairXml(text: string, scan: XmlScan, shift: (offset: number) => number = (offset) => offset): string | null {
  const { damage } = scan;
  const nothingToMend =
    !damage.bareAmpersand && !damage.cutInside && !damage.cutInEndTag && damage.cutAt === null && damage.openAtEnd.length === 0;
  if (nothingToMend) return null;
  let repaired = damage.cutAt === null ? text : text.slice(0, shift(damage.cutAt));
  if (damage.bareAmpersand) {
    // CDATA sections and comments are matched (and kept) whole, so an "&" inside them stays literal.
    repaired = repaired.replace(REFERENCE_OR_OPAQUE, (match, hex: string | undefined) => {
      if (hex !== undefined) return `&#x${hex};`;
      return match === '&' ? '&amp;' : match;
    });
  }
  if (damage.cutInside === 'cdata') repaired += ']]>';
  if (damage.cutInside === 'comment') repaired += '-->';
  if (damage.cutInEndTag) repaired += '>';
  for (const name of [...damage.openAtEnd].reverse()) repaired += `</${name}>`;
  return repaired;
}

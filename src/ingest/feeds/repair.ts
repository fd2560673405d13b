/**
 * The commonest ways real feeds break XML, mended just enough for a strict parser: a bare "&" in a URL
 * ("?a=1&b=2"), HTML's "&#X41;", and a document cut short (inside a CDATA section, inside "</rss", or with
 * elements left open). Anything else is not guessed at: the feed is refused with the scan's first problem.
 */
import type { XmlScan } from './xmlScan.ts';

const REFERENCE_OR_OPAQUE = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|&#X([0-9a-fA-F]+);|&(?!#[0-9]+;|#x[0-9a-fA-F]+;|[A-Za-z_][\w.-]*;)/g;

/** The mended document, or null when the scan found nothing this can mend. */
export function repairXml(text: string, scan: XmlScan): string | null {
  const { damage } = scan;
  if (!damage.bareAmpersand && !damage.cutInside && !damage.cutInEndTag && damage.openAtEnd.length === 0) return null;
  let repaired = text;
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

/**
 * feedsmith returns items without saying which element each came from, and silently drops an item holding
 * nothing it reads. We give every item element an xml:id before feedsmith sees the document: feedsmith reports
 * xml:id back (item.xml.id), so each item it returns names its element in our scan (and its xml:base), and no
 * item is ever "empty".
 */
import type { XmlElement, XmlScan } from './xmlScan.ts';

const ID_PREFIX = 'newsdesk-item-';

export interface TaggedDocument {
  text: string;
  /** The scanned element for an item's xml:id. */
  elementFor(xmlId: string | undefined): XmlElement | null;
  /** Where an offset of the untagged text is in the tagged one. */
  shift(offset: number): number;
}

export function tagItems(text: string, scan: XmlScan): TaggedDocument {
  const byId = new Map<string, XmlElement>();
  const insertions: { at: number; length: number }[] = [];
  let tagged = '';
  let from = 0;
  scan.items.forEach((item, index) => {
    // An item that already has an xml:id keeps it (a second one would make the tag invalid).
    if (item.xmlId !== null) {
      byId.set(item.xmlId, item.element);
      return;
    }
    const id = `${ID_PREFIX}${index}`;
    const attribute = ` xml:id="${id}"`;
    byId.set(id, item.element);
    tagged += text.slice(from, item.insertAt) + attribute;
    insertions.push({ at: item.insertAt, length: attribute.length });
    from = item.insertAt;
  });
  tagged += text.slice(from);
  return {
    text: tagged,
    elementFor: (xmlId) => (xmlId === undefined ? null : (byId.get(xmlId) ?? null)),
    shift: (offset) => offset + insertions.filter((insertion) => insertion.at <= offset).reduce((sum, i) => sum + i.length, 0),
  };
}

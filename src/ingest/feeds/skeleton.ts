/**
 * Where each item sits in the document, so an adapter can ask "what base was in effect at this item's
 * <description>?". feedsmith returns values; the scan (xmlScan.ts) knows the elements; tagItems.ts lines the two
 * up through the xml:id each item carries.
 */
import type { TaggedDocument } from './tagItems.ts';
import { childrenNamed, type XmlElement, type XmlScan } from './xmlScan.ts';

export interface FeedSkeleton {
  documentUrl: string;
  /** The <channel> (RSS, RDF) or <feed> (Atom) element. */
  channel: XmlElement | null;
  /** The item (entry) element feedsmith read as the item with this xml:id. */
  item(xmlId: string | undefined): XmlElement | null;
}

export function feedSkeleton(scan: XmlScan | null, tagged: TaggedDocument | null, documentUrl: string): FeedSkeleton {
  const root = scan?.root ?? null;
  const channel = root && root.local !== 'feed' ? (childrenNamed(root, 'channel')[0] ?? root) : root;
  return { documentUrl, channel, item: (xmlId) => tagged?.elementFor(xmlId) ?? null };
}

/**
 * The base in effect at `parent`'s first child named `local` (optionally the first one `pick` accepts), else
 * at `parent` itself, else `fallback`.
 */
export function baseAt(
  parent: XmlElement | null,
  local: string | null,
  fallback: string,
  pick: (child: XmlElement) => boolean = () => true,
): string {
  if (!parent) return fallback;
  if (local === null) return parent.base;
  return childrenNamed(parent, local).find(pick)?.base ?? parent.base;
}

/** The attribute `name` of `parent`'s first child named `local`. */
export function childAttribute(parent: XmlElement | null, local: string, name: string): string | null {
  return childrenNamed(parent, local)[0]?.attrs[name] ?? null;
}

/**
 * Where each item sits in the document, so an adapter can ask "what base was in effect at this item's
 * <description>?". feedsmith returns values; the scan (xmlScan.ts) knows the elements; tagItems.ts lines the two
 * up through the xml:id each item carries.
 */
import type { TaggedDocument } from './tagItems.ts';
import { xmlCharacterData } from './text.ts';
import { childrenNamed, type XmlElement, type XmlScan } from './xmlScan.ts';

export interface FeedSkeleton {
  documentUrl: string;
  /** The markup inside an element, as written (for elements feedsmith does not read: xhtml:body, fullitem). */
  innerXml(element: XmlElement | null | undefined): string | null;
  /** The <channel> (RSS, RDF) or <feed> (Atom) element. */
  channel: XmlElement | null;
  /** The item (entry) element feedsmith read as the item with this xml:id. */
  item(xmlId: string | undefined): XmlElement | null;
}

export function feedSkeleton(
  scan: XmlScan | null,
  tagged: TaggedDocument | null,
  source: string,
  documentUrl: string,
): FeedSkeleton {
  const root = scan?.root ?? null;
  const channel = root && root.local !== 'feed' ? (childrenNamed(root, 'channel')[0] ?? root) : root;
  return {
    documentUrl,
    channel,
    item: (xmlId) => tagged?.elementFor(xmlId) ?? null,
    innerXml: (element) => (element && element.inner.end >= 0 ? source.slice(element.inner.start, element.inner.end) : null),
  };
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

/** The text of `parent`'s first child named `local` in namespace `ns` (for elements feedsmith does not read). */
export function childText(skeleton: FeedSkeleton, parent: XmlElement | null, local: string, ns: string): string | null {
  const child = childrenNamed(parent, local).find((element) => element.ns === ns);
  const raw = skeleton.innerXml(child);
  return raw === null ? null : xmlCharacterData(raw);
}

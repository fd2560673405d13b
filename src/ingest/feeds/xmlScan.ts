/**
 * One quick pass over the XML before feedsmith reads it, for two things feedsmith does not give us:
 *
 * - Well-formedness. feedsmith (fast-xml-parser) is lenient and reads broken documents without complaint; we
 *   still read them, but say what was wrong (`ParsedFeed.warnings`), as feedparser's "bozo" flag does.
 * - xml:base. Relative links resolve against the nearest xml:base in scope, inherited down the tree and itself
 *   relative to its parent's; feedsmith reports an element's own attribute only. We keep the skeleton of the
 *   document (elements down to MAX_TRACKED_DEPTH) with each element's effective base and language.
 */
import { FeedError } from '../../domain/errors.ts';
import { resolveUrl } from './urls.ts';

export interface XmlElement {
  /** Qualified name, lower-cased, as written (`media:content`). */
  name: string;
  /** Local part, lower-cased (`content`). */
  local: string;
  /** Namespace URI, when declared (lower-cased). */
  ns: string | null;
  /** Attributes we read for links and types (lower-cased names), values with references decoded. */
  attrs: Record<string, string>;
  /** Effective base URL: the nearest xml:base resolved against its ancestors', or the document URL. */
  base: string;
  /** Effective xml:lang, or null. */
  lang: string | null;
  children: XmlElement[];
  /** Where the element's content starts and ends in the scanned text (end is -1 until it is closed). */
  inner: { start: number; end: number };
}

export interface XmlScan {
  root: XmlElement | null;
  /** Well-formedness problems, first ones first (at most MAX_PROBLEMS). */
  problems: string[];
  /** What a repair (repair.ts) would have to fix for a strict parser to read the document. */
  damage: XmlDamage;
  /** The feed's items (entries) by the xml:id they carry once tagged (tagItems.ts). */
  items: ScannedItem[];
}

export interface ScannedItem {
  element: XmlElement;
  /** Where to insert an attribute into the start tag (just after the element name). */
  insertAt: number;
  /** The item's own xml:id, when the publisher gave it one. */
  xmlId: string | null;
}

export interface XmlDamage {
  /** An "&" that starts no reference ("?a=1&b=2"), or an HTML-style "&#X41;". */
  bareAmpersand: boolean;
  /** The document stops inside a CDATA section or comment. */
  cutInside: 'cdata' | 'comment' | null;
  /** The document stops inside an end tag ("</rss"). */
  cutInEndTag: boolean;
  /** Elements still open at the end, outermost first (names as written). */
  openAtEnd: string[];
  /** The document stops inside a tag or declaration that starts here: the fragment is dropped. */
  cutAt: number | null;
}

/** Feed, channel, item, field, one nested level (media:group/media:content): deeper is article markup. */
const MAX_TRACKED_DEPTH = 5;
/** Feeds nest a dozen levels; thousands are a document built to exhaust a parser's stack. */
const MAX_DEPTH = 1000;
/** The first few problems tell the story; a broken document would otherwise repeat one a thousand times. */
const MAX_PROBLEMS = 5;
/** Attributes the adapters consult. */
const KEPT_ATTRIBUTES = new Set(['href', 'src', 'url', 'rel', 'type', 'mode', 'rdf:about', 'rdf:resource', 'medium']);

const PREDEFINED_ENTITIES = new Set(['lt', 'gt', 'amp', 'quot', 'apos']);
const XML_NS = 'http://www.w3.org/xml/1998/namespace';

interface Frame {
  element: XmlElement;
  /** Prefixes declared on this element (prefix → URI); '' is the default namespace. */
  namespaces: Map<string, string> | null;
  tracked: boolean;
  rawName: string;
}

export function scanXml(text: string, documentUrl: string): XmlScan {
  const problems: string[] = [];
  const report = (problem: string) => {
    if (problems.length < MAX_PROBLEMS && !problems.includes(problem)) problems.push(problem);
  };
  const htmlEntities = new Set<string>();
  const damage: XmlDamage = { bareAmpersand: false, cutInside: null, cutInEndTag: false, openAtEnd: [], cutAt: null };
  const stack: Frame[] = [];
  const items: ScannedItem[] = [];
  let root: XmlElement | null = null;
  let rootClosed = false;
  let i = 0;

  const checkText = (from: number, to: number) => {
    if (from >= to) return;
    const chunk = text.slice(from, to);
    if (stack.length === 0 && chunk.trim() !== '') report('text outside the document element');
    for (let amp = chunk.indexOf('&'); amp !== -1; amp = chunk.indexOf('&', amp + 1)) {
      const ref = /^&(#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z_][\w.-]*);/.exec(chunk.slice(amp, amp + 40));
      if (!ref) {
        report('a bare "&" that is not part of an entity reference');
        damage.bareAmpersand = true;
      } else if (!ref[1]!.startsWith('#') && !PREDEFINED_ENTITIES.has(ref[1]!)) {
        htmlEntities.add(ref[1]!);
      }
    }
  };

  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt === -1) {
      checkText(i, text.length);
      break;
    }
    checkText(i, lt);
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      if (end === -1) {
        damage.cutInside = 'comment';
        return finish(report('a comment that never ends'));
      }
      i = end + 3;
    } else if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9);
      if (end === -1) {
        damage.cutInside = 'cdata';
        return finish(report('a CDATA section that never ends'));
      }
      if (stack.length === 0) report('CDATA outside the document element');
      i = end + 3;
    } else if (text.startsWith('<?', lt)) {
      const end = text.indexOf('?>', lt + 2);
      if (end === -1) {
        damage.cutAt = lt;
        return finish(report('a processing instruction that never ends'));
      }
      if (/^<\?xml[\s?]/i.test(text.slice(lt, lt + 6)) && text.slice(0, lt).trim() !== '') {
        report('the XML declaration is not at the start of the document');
      }
      i = end + 2;
    } else if (text.startsWith('<!', lt)) {
      const end = text.indexOf('>', lt);
      if (end === -1) {
        damage.cutAt = lt;
        return finish(report('the document stops inside markup ("<!…")'));
      }
      report('a markup declaration inside the document');
      i = end + 1;
    } else if (text[lt + 1] === '/') {
      const match = /^<\/([^\s>]+)\s*(>)?/.exec(text.slice(lt, lt + 300));
      const name = match?.[1] ?? '';
      if (!match?.[2]) {
        report(`the end tag </${name}> is not closed`);
        if (match && lt + match[0].length >= text.length) damage.cutInEndTag = true;
      }
      closeElement(name, lt);
      i = lt + (match ? match[0].length : 2);
    } else {
      i = openElement(lt);
    }
  }
  if (!root) report('no document element');
  return finish();

  function finish(_?: void): XmlScan {
    damage.openAtEnd = stack.map((frame) => frame.rawName);
    for (const frame of [...stack].reverse()) report(`<${frame.rawName}> is never closed`);
    if (htmlEntities.size > 0) {
      const names = [...htmlEntities].slice(0, 3).map((name) => `&${name};`).join(', ');
      report(`HTML entities undeclared in XML (${names}); read as HTML`);
    }
    return { root, problems, damage, items };
  }

  function closeElement(rawName: string, closeAt: number) {
    const name = rawName.toLowerCase();
    let at = stack.length - 1;
    while (at >= 0 && stack[at]!.element.name !== name) at--;
    if (at === -1) {
      report(`the end tag </${rawName}> matches no open element`);
      return;
    }
    if (at !== stack.length - 1) report(`<${stack[stack.length - 1]!.element.name}> is closed by </${rawName}>`);
    for (let k = at; k < stack.length; k++) stack[k]!.element.inner.end = closeAt;
    stack.length = at;
    if (stack.length === 0) rootClosed = true;
  }

  /** Reads `<name attr="v" …>` at `lt`; returns the index after it. */
  function openElement(lt: number): number {
    const nameMatch = /^<([A-Za-z_:][\w.:-]*)/.exec(text.slice(lt, lt + 300));
    if (!nameMatch) {
      report('a "<" that does not start a tag');
      return lt + 1;
    }
    const rawName = nameMatch[1]!;
    let j = lt + nameMatch[0].length;
    const attributes = new Map<string, string>();
    const attribute = /\s*([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')|\s*(\/?>)|\s*([^\s>]+)/y;
    let selfClosing = false;
    let closed = false;
    while (j < text.length) {
      attribute.lastIndex = j;
      const match = attribute.exec(text);
      if (!match) break;
      j = attribute.lastIndex;
      if (match[4]) {
        selfClosing = match[4] === '/>';
        closed = true;
        break;
      }
      if (match[5]) {
        report(`<${rawName}> has a malformed attribute`);
        continue;
      }
      const value = match[2] ?? match[3] ?? '';
      if (value.includes('<')) report(`an attribute of <${rawName}> contains "<"`);
      const attrName = match[1]!.toLowerCase();
      if (attributes.has(attrName)) report(`<${rawName}> repeats the attribute ${match[1]}`);
      attributes.set(attrName, value);
    }
    if (!closed) {
      report(`the tag <${rawName}> is not closed`);
      damage.cutAt = lt;
      return text.length;
    }
    if (stack.length >= MAX_DEPTH) throw new FeedError(`feed refused: elements nested more than ${MAX_DEPTH} deep`);
    if (stack.length === 0 && (root !== null || rootClosed)) report('more than one document element');

    const parent = stack[stack.length - 1];
    let namespaces: Map<string, string> | null = null;
    for (const [attrName, value] of attributes) {
      if (attrName === 'xmlns' || attrName.startsWith('xmlns:')) {
        namespaces ??= new Map();
        namespaces.set(attrName === 'xmlns' ? '' : attrName.slice(6), value.trim().toLowerCase());
      }
    }
    const lookup = (prefix: string): string | null | undefined => {
      if (prefix === 'xml') return XML_NS;
      if (namespaces?.has(prefix)) return namespaces.get(prefix);
      for (let k = stack.length - 1; k >= 0; k--) {
        const uri = stack[k]!.namespaces?.get(prefix);
        if (uri !== undefined) return uri;
      }
      return prefix === '' ? null : undefined;
    };
    const name = rawName.toLowerCase();
    const colon = name.indexOf(':');
    const prefix = colon === -1 ? '' : name.slice(0, colon);
    const ns = lookup(prefix);
    if (ns === undefined) report(`undeclared namespace prefix "${prefix}:"`);
    for (const attrName of attributes.keys()) {
      const attrColon = attrName.indexOf(':');
      if (attrColon > 0 && !attrName.startsWith('xmlns:') && lookup(attrName.slice(0, attrColon)) === undefined) {
        report(`undeclared namespace prefix "${attrName.slice(0, attrColon)}:"`);
      }
    }

    const parentBase = parent?.element.base ?? documentUrl;
    const xmlBase = attributes.get('xml:base');
    const element: XmlElement = {
      name,
      local: colon === -1 ? name : name.slice(colon + 1),
      ns: ns ?? null,
      attrs: keptAttributes(attributes),
      base: xmlBase === undefined ? parentBase : (resolveUrl(decodeXmlText(xmlBase.trim()), parentBase) ?? parentBase),
      lang: attributes.has('xml:lang') ? decodeXmlText(attributes.get('xml:lang')!).trim() : (parent?.element.lang ?? null),
      children: [],
      inner: { start: j, end: selfClosing ? j : -1 },
    };
    const tracked = parent === undefined || (parent.tracked && stack.length < MAX_TRACKED_DEPTH);
    if (parent === undefined) root ??= element;
    else if (tracked) parent.element.children.push(element);
    if (isFeedItem(element, stack)) {
      const xmlId = attributes.get('xml:id');
      items.push({ element, insertAt: lt + 1 + rawName.length, xmlId: xmlId === undefined ? null : decodeXmlText(xmlId).trim() });
    }
    if (!selfClosing) stack.push({ element, namespaces, tracked, rawName });
    else if (stack.length === 0) rootClosed = true;
    return j;
  }
}

/** <rss><channel><item>, <rss><item> (RSS 0.9x), <rdf:RDF><item>, <feed><entry>. */
function isFeedItem(element: XmlElement, stack: readonly Frame[]): boolean {
  const [root, channel] = [stack[0]?.element.local, stack[1]?.element.local];
  if (element.local === 'entry') return stack.length === 1 && root === 'feed';
  if (element.local !== 'item') return false;
  if (stack.length === 1) return root === 'rss' || root === 'rdf';
  return stack.length === 2 && channel === 'channel' && (root === 'rss' || root === 'rdf');
}

function keptAttributes(attributes: Map<string, string>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of attributes) {
    if (KEPT_ATTRIBUTES.has(name)) kept[name] = decodeXmlText(value);
  }
  return kept;
}

const NAMED_REFERENCES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Character references and the five XML entities, as an XML parser decodes attribute values. */
export function decodeXmlText(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(#[0-9]+|#x[0-9a-fA-F]+|lt|gt|amp|quot|apos);/g, (reference, body: string) => {
    if (body[0] !== '#') return NAMED_REFERENCES[body] ?? reference;
    const code = body[1] === 'x' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : reference;
  });
}

/** Direct children named `local` (any prefix), in document order. */
export function childrenNamed(element: XmlElement | null | undefined, local: string): XmlElement[] {
  return element ? element.children.filter((child) => child.local === local) : [];
}

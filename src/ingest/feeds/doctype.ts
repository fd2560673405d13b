/**
 * The document type declaration is where hostile XML hides its tricks: entities that expand into entities until
 * a few hundred bytes become gigabytes ("billion laughs"), and external entities that make a parser read local
 * files or internal URLs. Feeds have no use for a DTD, so we take it out before any XML parser sees the
 * document, keeping only what honest feeds use it for: a plain-text internal entity such as
 * `<!ENTITY id "tag:example.com,">`, which we substitute ourselves with a bounded amount of text.
 */
import { FeedError } from '../../domain/errors.ts';
import { MAX_FEED_BYTES } from './model.ts';

/** An honest feed declares a handful of shorthands; hundreds are a machine-made document, not a feed. */
const MAX_DECLARED_ENTITIES = 64;
/** Longer replacement texts are refused: a shorthand is a word or a URL prefix, not a document. */
const MAX_ENTITY_VALUE_CHARS = 4096;
/** Substituted entities may add at most this much text: the document stays within the feed size limit. */
const MAX_EXPANDED_CHARS = MAX_FEED_BYTES;

export interface StrippedDoctype {
  text: string;
  warnings: string[];
}

/** References an entity value may contain: character references and the five XML built-ins, nothing nested. */
const SAFE_REFERENCE = /^&(?:#[0-9]+|#x[0-9a-fA-F]+|lt|gt|amp|quot|apos);/;

export function stripDoctype(text: string): StrippedDoctype {
  const doctype = findDoctype(text);
  if (!doctype) return { text, warnings: [] };
  const warnings: string[] = [];
  const { internal, external } = readEntityDeclarations(doctype.subset, warnings);
  const rest = text.slice(doctype.end);
  const head = text.slice(0, doctype.start);
  if (internal.size === 0 && external.size === 0) return { text: head + rest, warnings };

  let added = 0;
  const unresolved = new Set<string>();
  const body = rest.replace(/&([A-Za-z_][\w.-]*);/g, (reference, name: string) => {
    const value = internal.get(name);
    if (value !== undefined) {
      added += value.length;
      if (added > MAX_EXPANDED_CHARS) {
        throw new FeedError(`feed refused: its entities expand past ${MAX_EXPANDED_CHARS} characters`);
      }
      return value;
    }
    if (external.has(name)) {
      unresolved.add(name);
      return '';
    }
    return reference;
  });
  for (const name of unresolved) {
    warnings.push(`external entity &${name}; was not resolved (feeds may not include files or other URLs)`);
  }
  return { text: head + body, warnings };
}

interface Doctype {
  start: number;
  end: number;
  subset: string;
}

/** The DOCTYPE in the prolog: after the XML declaration, comments and processing instructions only. */
function findDoctype(text: string): Doctype | null {
  let i = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i + 2);
      if (end === -1) return null;
      i = end + 2;
    } else if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end === -1) return null;
      i = end + 3;
    } else if (text.slice(i, i + 9).toUpperCase() === '<!DOCTYPE') {
      return readDoctype(text, i);
    } else {
      return null;
    }
  }
}

/** `<!DOCTYPE name ("public" "system")? ([ subset ])? >`, with quoted literals allowed to contain `>` and `]`. */
function readDoctype(text: string, start: number): Doctype {
  let i = start + 9;
  let subset = '';
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' || c === "'") {
      const close = text.indexOf(c, i + 1);
      if (close === -1) break;
      i = close + 1;
    } else if (c === '[') {
      const close = findSubsetEnd(text, i + 1);
      subset = text.slice(i + 1, close);
      i = close + 1;
    } else if (c === '>') {
      return { start, end: i + 1, subset };
    } else {
      i++;
    }
  }
  throw new FeedError('feed is not well-formed: its document type declaration never ends');
}

/** The `]` that closes the internal subset, skipping quoted literals and comments inside it. */
function findSubsetEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' || c === "'") {
      const close = text.indexOf(c, i + 1);
      if (close === -1) break;
      i = close + 1;
    } else if (text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4);
      if (close === -1) break;
      i = close + 3;
    } else if (c === ']') {
      return i;
    } else {
      i++;
    }
  }
  throw new FeedError('feed is not well-formed: its document type declaration never ends');
}

const ENTITY_DECLARATION =
  /<!ENTITY\s+(%\s+)?([A-Za-z_][\w.-]*)\s+(?:"([^"]*)"|'([^']*)'|(SYSTEM|PUBLIC)\b[^>]*)\s*>/g;

function readEntityDeclarations(subset: string, warnings: string[]) {
  const internal = new Map<string, string>();
  const external = new Set<string>();
  const withoutComments = subset.replace(/<!--[\s\S]*?-->/g, '');
  for (const match of withoutComments.matchAll(ENTITY_DECLARATION)) {
    const [, parameter, name, doubleQuoted, singleQuoted, externalId] = match;
    // Parameter entities only shape the DTD, which we never read; external ones would mean a fetch.
    if (parameter || !name) continue;
    if (internal.size + external.size >= MAX_DECLARED_ENTITIES) {
      throw new FeedError(`feed refused: its document type declares more than ${MAX_DECLARED_ENTITIES} entities`);
    }
    if (externalId) {
      external.add(name);
      continue;
    }
    const value = doubleQuoted ?? singleQuoted ?? '';
    assertFlatEntity(name, value);
    if (value.includes('<')) {
      warnings.push(`entity &${name}; holds markup and was not expanded`);
      continue;
    }
    if (!internal.has(name)) internal.set(name, value);
  }
  return { internal, external };
}

/** An entity built from other entities is how expansion attacks grow; no honest feed needs one. */
function assertFlatEntity(name: string, value: string): void {
  if (value.length > MAX_ENTITY_VALUE_CHARS) {
    throw new FeedError(`feed refused: entity &${name}; is longer than ${MAX_ENTITY_VALUE_CHARS} characters`);
  }
  for (let amp = value.indexOf('&'); amp !== -1; amp = value.indexOf('&', amp + 1)) {
    if (!SAFE_REFERENCE.test(value.slice(amp))) {
      throw new FeedError(
        `feed refused: entity &${name}; refers to other entities (the shape of an entity-expansion attack)`,
      );
    }
  }
  if (/%[A-Za-z_][\w.-]*;/.test(value)) {
    throw new FeedError(`feed refused: entity &${name}; refers to parameter entities`);
  }
}

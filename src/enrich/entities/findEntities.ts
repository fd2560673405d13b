/**
 * findEntities: the people, places and organisations of one article, each once, with every mention and a
 * stable slug for its topic page. Mentions are found on the whole article at once (headline and paragraphs
 * one per line), so that what the body says settles what the headline leaves open, then gathered:
 *   - gazetteer aliases become one entity under the canonical name ("US", "U.S." → United States);
 *   - a short form joins the one longer name in the article it starts or ends ("Trump" → Donald Trump,
 *     "Al-Asad" → Al-Asad Air Base), taking that name's type;
 *   - the type is the one most mentions carry, a gazetteer type overruling guesses.
 */
import { slugify } from '../../domain/index.ts';
import { lookUpName } from './gazetteer.ts';
import { entitySpans } from './spans.ts';
import type { Entity, EntityMention, EntityType } from './types.ts';
import { typeOfHead } from './words.ts';

/** Paragraph index given to mentions in the headline, which is not one of `paragraphs`. */
export const HEADLINE = -1;

interface Gathered {
  name: string;
  forms: Map<string, number>;
  votes: Map<EntityType, number>;
  known: EntityType | undefined;
  mentions: EntityMention[];
  first: number;
}

export function findEntities(article: { headline: string; paragraphs: readonly string[] }): Entity[] {
  const lines = [article.headline, ...article.paragraphs];
  const lineStarts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    lineStarts.push(offset);
    offset += line.length + 1;
  }
  const text = lines.join('\n');
  const found = entitySpans(text).map((span, order) => {
    let line = lineStarts.length - 1;
    while (lineStarts[line]! > span.start) line--;
    const mention: EntityMention = {
      paragraph: line - 1,
      start: span.start - lineStarts[line]!,
      end: span.end - lineStarts[line]!,
      text: text.slice(span.start, span.end),
    };
    return { mention, type: span.type, order };
  });

  // Full names first, so that short forms have something to join.
  const byKey = new Map<string, Gathered>();
  const keyOf = (form: string): string => slugify(lookUpName(form)?.name ?? form);
  const sorted = [...found].sort((a, b) => wordCount(b.mention.text) - wordCount(a.mention.text) || a.order - b.order);
  for (const { mention, type, order } of sorted) {
    const known = lookUpName(mention.text);
    let key = keyOf(mention.text);
    if (!known && !byKey.has(key)) {
      const longer = shortFormOf(mention.text, byKey);
      // "the Court" with no Supreme Court named in full is no topic of its own.
      if (!longer && typeOfHead(mention.text)) continue;
      key = longer ?? key;
    }
    if (!key) continue;
    const entity: Gathered = byKey.get(key) ?? { name: known?.name ?? mention.text, forms: new Map(), votes: new Map(), known: known?.type, mentions: [], first: order };
    entity.forms.set(mention.text, (entity.forms.get(mention.text) ?? 0) + 1);
    entity.votes.set(type, (entity.votes.get(type) ?? 0) + 1);
    entity.mentions.push(mention);
    entity.first = Math.min(entity.first, order);
    byKey.set(key, entity);
  }

  return [...byKey.entries()]
    .map(([slug, entity]) => ({ slug, entity }))
    .sort((a, b) => b.entity.mentions.length - a.entity.mentions.length || a.entity.first - b.entity.first)
    .map(({ slug, entity }) => ({
      slug,
      name: entity.name,
      type: entity.known ?? majority(entity.votes),
      aliases: [...entity.forms.keys()].filter((form) => form !== entity.name),
      mentions: entity.mentions.sort((a, b) => a.paragraph - b.paragraph || a.start - b.start),
    }));
}

/** The key of the one longer name that `form` begins or ends ("Al-Asad", "Trump"); none if ambiguous. */
function shortFormOf(form: string, byKey: ReadonlyMap<string, Gathered>): string | undefined {
  const words = form.split(' ');
  const matches = [...byKey.entries()].filter(([, entity]) => {
    const longer = entity.name.split(' ');
    if (longer.length <= words.length) return false;
    return words.every((w, n) => longer[n] === w) || words.every((w, n) => longer[longer.length - words.length + n] === w);
  });
  return matches.length === 1 ? matches[0]![0] : undefined;
}

function majority(votes: ReadonlyMap<EntityType, number>): EntityType {
  let best: EntityType = 'organization';
  let most = -1;
  for (const [type, count] of votes) if (count > most) [best, most] = [type, count];
  return best;
}

function wordCount(text: string): number {
  return text.split(' ').length;
}

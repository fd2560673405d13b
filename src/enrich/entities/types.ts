/** What the entity layer hands to the rest of the newsroom: named people, places and organisations. */

export type EntityType = 'person' | 'place' | 'organization';

/**
 * One place a name stands in the article: `paragraphs[paragraph].slice(start, end) === text`, or, when
 * `paragraph` is -1 (HEADLINE), `headline.slice(start, end) === text`.
 */
export interface EntityMention {
  paragraph: number;
  start: number;
  end: number;
  text: string;
}

export interface Entity {
  /** Stable across articles and runs: the topic page's address, e.g. 'united-states', 'kataib-hezbollah'. */
  slug: string;
  /** The fullest form of the name, or the gazetteer's canonical one. */
  name: string;
  type: EntityType;
  /** Other forms the article uses for the same entity ("US", "U.S." for United States). */
  aliases: string[];
  mentions: EntityMention[];
}

/** A typed name in a text, offsets end-exclusive: what the benchmark scores. */
export interface EntitySpan {
  start: number;
  end: number;
  type: EntityType;
}

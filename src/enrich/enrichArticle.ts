import { DEFAULT_SECTIONS, sectionFromName, type ArticleDraft, type ArticleEnrichment } from '../domain/index.ts';
import { articleText, hasOwnSections } from './articleText.ts';
import { classifySection } from './classify/index.ts';
import { findEntities } from './entities/index.ts';
import { sectionize } from './sections/index.ts';
import { fingerprint } from './stories/index.ts';
import { summarize } from './summary/index.ts';
import { buildTimeline } from './timeline/index.ts';

/**
 * The version of what enrichment computes. Raise it when a change to any step should reach stored articles:
 * `newsdesk reindex --enrich` recomputes every article enriched by an older version.
 * 2: articles are placed in stories and get stored related lists (articles enriched by 1 never were).
 */
export const ENRICHMENT_VERSION = 5; // 3: related lists hold only what passes the related rule (domain/related.ts); 4: timeline labels are statements, dates anchored by tense; 5: summaries are whole source sentences (no line-ups or lists), chosen for coverage

/** Summary sentences for the box; the issue asks for 3–5, and three read best above a lede. */
const SUMMARY_SENTENCES = 3;

export type ComputedEnrichment = Omit<ArticleEnrichment, 'articleId' | 'storyId' | 'nearDuplicateOf' | 'overrides'>;

/**
 * Everything enrichment derives from one article's own text, in one pass of pure functions: summary, titled
 * sections (only for an article that has none), entities, timeline, suggested section and fingerprint.
 * Story assignment needs the other articles and happens where the store is at hand.
 */
export function enrichArticle(
  article: Pick<ArticleDraft, 'headline' | 'lede' | 'body' | 'publishedAt'>,
  options: { now?: Date; sections?: readonly string[] } = {},
): ComputedEnrichment {
  const text = articleText(article);
  const fullText = text.paragraphs.join('\n\n');
  const summary = text.paragraphs.length > 0 ? summarize(text, { sentences: SUMMARY_SENTENCES }) : null;
  // The site's own desks unless told otherwise, so the suggestion is always a section readers can visit.
  const classification = classifySection(
    { headline: text.headline, text: fullText },
    { sections: options.sections ?? DEFAULT_SECTIONS.map((section) => section.name) },
  );
  const entities = findEntities(text);
  const enrichedAt = (options.now ?? new Date()).toISOString();
  return {
    version: ENRICHMENT_VERSION,
    enrichedAt,
    summary,
    sections: hasOwnSections(text) ? null : sectionize({ headline: text.headline, paragraphs: text.paragraphs }),
    entities: entities.map((entity) => ({
      slug: entity.slug,
      name: entity.name,
      type: entity.type,
      aliases: entity.aliases,
      mentions: entity.mentions.length,
    })),
    // Relative dates count only from the source's own publication date: an undated article (a page file) keeps
    // its absolute dates and never has "on Sunday" dated by when it happened to be imported.
    timeline: buildTimeline({ paragraphs: text.paragraphs, publishedAt: text.publishedAt }),
    suggestedSection: sectionFromName(classification.section).slug,
    sectionConfidence: classification.confidence,
    simhash: fingerprint(`${text.headline}\n${fullText}`).simhash.toString(16).padStart(16, '0'),
  };
}

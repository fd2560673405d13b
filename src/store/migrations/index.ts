import type { Migration } from 'kysely';
import * as sectionsAndArticles from './0001_sections_and_articles.ts';
import * as bodyBlocks from './0002_body_blocks.ts';
import * as feedsAndProvenance from './0003_feeds_and_provenance.ts';
import * as enrichment from './0004_enrichment.ts';
import * as stories from './0005_stories.ts';
import * as entertainmentSection from './0006_entertainment_section.ts';
import * as feedback from './0007_feedback.ts';
import * as search from './0008_search.ts';
import * as articleViews from './0009_article_views.ts';
import * as bylinesAndSources from './0010_bylines_and_sources.ts';
import * as searchScaling from './0011_search_scaling.ts';
import * as images from './0012_images.ts';
import * as workflowAndChanges from './0013_workflow_and_changes.ts';
import * as plainTextFields from './0014_plain_text_fields.ts';
import * as shareCards from './0015_share_cards.ts';
import * as newsroom from './0016_newsroom.ts';

/**
 * Every migration, oldest first. Names sort in the order they must run (Kysely applies them by name); a new
 * migration gets the next number and is never edited once it has shipped.
 */
export const migrations: Readonly<Record<string, Migration>> = {
  '0001_sections_and_articles': sectionsAndArticles,
  '0002_body_blocks': bodyBlocks,
  '0003_feeds_and_provenance': feedsAndProvenance,
  '0004_enrichment': enrichment,
  '0005_stories': stories,
  '0006_entertainment_section': entertainmentSection,
  '0007_feedback': feedback,
  '0008_search': search,
  '0009_article_views': articleViews,
  '0010_bylines_and_sources': bylinesAndSources,
  '0011_search_scaling': searchScaling,
  '0012_images': images,
  '0013_workflow_and_changes': workflowAndChanges,
  '0014_plain_text_fields': plainTextFields,
  '0015_share_cards': shareCards,
  '0016_newsroom': newsroom,
};

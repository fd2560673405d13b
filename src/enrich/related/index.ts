/** Related articles: profiles for the rule in domain/related.ts, and whole batches ranked by it. */
export { centralSlugs, NEIGHBOURS_PER_ENTITY, RELATED_ENTITIES, relatedProfile, termsToWeigh, type ProfiledArticle } from './profile.ts';
export { paragraphsOfArticle, rankCorpus, readCorpus, relatedInCorpus, type CorpusArticle, type RelatedCorpus } from './corpus.ts';

/** Entities: people, places and organisations named in an article, merged across aliases, with topic slugs. */
export type { Entity, EntityMention, EntitySpan, EntityType } from './types.ts';
export { findEntities, HEADLINE } from './findEntities.ts';
export { entitySpans } from './spans.ts';
export { scoreEntities, capitalisedBaseline, BENCHMARK_TYPE, BENCHMARK_TYPES } from './score.ts';
export type { EntityScore, Prf, ScoredDocument, ScoredSpan, BenchmarkType } from './score.ts';

export * from './article.ts';
export * from './section.ts';
export * from './slug.ts';
export * from './errors.ts';
export * from './contentHash.ts';
export * from './feed.ts';
export * from './enrichment.ts';
export * from './related.ts';

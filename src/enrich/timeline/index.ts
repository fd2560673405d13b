/** enrich/timeline: the dated facts of an article, in time order, each with its source sentence. */
export { buildTimeline } from './timeline.ts';
export type { TimelineArticle, TimelineEntry } from './timeline.ts';

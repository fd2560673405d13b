export { fingerprint, isNearDuplicate, minhashSignature, simhash, type Fingerprint } from './fingerprint.ts';
export {
  StoryClusterer,
  DEFAULT_CLUSTER_SETTINGS,
  listStories,
  type ClusterDocument,
  type ClusterSettings,
  type StoryPlacement,
  type StorySummary,
} from './clusterer.ts';
export { MemoryStoryIndex } from './storyIndex.ts';
export { fingerprintBuckets } from './fingerprint.ts';
export { chooseHeadline } from './headline.ts';
export { scoreClusters, type ClusterScores } from './scoring.ts';
export { exactTitleClusters, tfidfSingleLinkClusters, BASELINE_TFIDF_THRESHOLD, type LabelledArticle } from './baselines.ts';
export { storyDocument } from './storyDocument.ts';

/**
 * Published content changed: an article was stored or updated. Web processes listen so their page caches never
 * serve a page that predates the change for longer than the message takes to arrive.
 */
export interface ContentChange {
  articleId: number;
  section: string;
  /** `unpublished`: taken off the site; every list and cache must drop it. */
  outcome: 'created' | 'updated' | 'published' | 'unpublished';
}

export const CONTENT_CHANGE_OUTCOMES: readonly ContentChange['outcome'][] = ['created', 'updated', 'published', 'unpublished'];

export interface ContentChanges {
  publish(change: ContentChange): Promise<void>;
  /** Calls `listener` for every change published from now on (by any process, when shared); returns unsubscribe. */
  subscribe(listener: (change: ContentChange) => void): () => void;
  close(): Promise<void>;
}

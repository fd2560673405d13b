import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';
import { connectRedis } from './redisClient.ts';
import type { ContentChange, ContentChanges } from '../domain/index.ts';

/** Changes within one process: an in-process ingest tells the web server beside it. */
export function localContentChanges(): ContentChanges {
  const events = new EventEmitter();
  return {
    async publish(change) {
      events.emit('change', change);
    },
    subscribe(listener) {
      events.on('change', listener);
      return () => events.off('change', listener);
    },
    async close() {
      events.removeAllListeners();
    },
  };
}

/**
 * Changes across processes through Redis pub/sub: a worker's import reaches every web process. A subscribed
 * Redis connection can do nothing else, so publishing and listening use one connection each; a message lost
 * while a connection is down costs at most the page cache's TTL of staleness.
 */
export function redisContentChanges(url: string, channel: string): ContentChanges {
  const publisher = connectRedis(url, { maxRetriesPerRequest: 2 });
  let subscriber: Redis | null = null;
  const local = localContentChanges();
  return {
    async publish(change) {
      await publisher.publish(channel, JSON.stringify(change));
    },
    subscribe(listener) {
      if (!subscriber) {
        subscriber = connectRedis(url, { maxRetriesPerRequest: null });
        subscriber.on('message', (_channel: string, message: string) => {
          const change = parseChange(message);
          if (change) void local.publish(change);
        });
        void subscriber.subscribe(channel);
      }
      return local.subscribe(listener);
    },
    async close() {
      await local.close();
      await Promise.all([publisher.quit(), subscriber?.quit()]);
    },
  };
}

/** Messages on the channel are ours, but a malformed one is dropped, never thrown into the listener. */
function parseChange(message: string): ContentChange | null {
  try {
    const value = JSON.parse(message) as Partial<ContentChange>;
    if (typeof value.articleId !== 'number' || typeof value.section !== 'string') return null;
    return { articleId: value.articleId, section: value.section, outcome: value.outcome === 'created' ? 'created' : 'updated' };
  } catch {
    return null;
  }
}

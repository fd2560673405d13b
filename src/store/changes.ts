import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';
import { connectRedis } from './redisClient.ts';
import { CONTENT_CHANGE_OUTCOMES, type ContentChange, type ContentChanges } from '../domain/index.ts';
import type { ContentChangeRepository } from './repository.ts';

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
    const outcome = CONTENT_CHANGE_OUTCOMES.find((known) => known === value.outcome) ?? 'updated';
    return { articleId: value.articleId, section: value.section, outcome };
  } catch {
    return null;
  }
}

/** How often a web process looks for changes logged by other processes: the most a reader waits to see one. */
export const CHANGE_POLL_MS = 1_000;
/** Changes older than this are deleted from the log: a listener only ever reads the last seconds. */
const CHANGE_LOG_KEEP_MS = 24 * 60 * 60 * 1000;
/** Polls between two prunings of the log (an hour at the default interval). */
const POLLS_PER_PRUNE = 3_600;
const CHANGES_READ_PER_POLL = 500;

/**
 * Changes across processes through the database, for sites without Redis (one machine on SQLite, say, with a CLI
 * command or a worker beside the server): a change is written to the change log, and every listening process
 * polls the log, so a page cache drops a page within CHANGE_POLL_MS of any process changing it.
 */
export function loggedContentChanges(
  log: ContentChangeRepository,
  options: { pollMs?: number; onError?: (error: unknown) => void; /** Hear changes after this id (default: the newest at subscribe). */ after?: number } = {},
): ContentChanges {
  const local = localContentChanges();
  const written = new Set<number>();
  let timer: NodeJS.Timeout | null = null;
  let polls = 0;
  let polling = false;

  const startPolling = async () => {
    let lastSeen = options.after ?? (await log.latestId());
    const poll = async () => {
      const changes = await log.after(lastSeen, CHANGES_READ_PER_POLL);
      for (const change of changes) {
        lastSeen = change.id;
        // This process heard its own change when it made it.
        if (!written.delete(change.id)) await local.publish(change);
      }
      if (++polls % POLLS_PER_PRUNE === 0) await log.prune(new Date(Date.now() - CHANGE_LOG_KEEP_MS));
    };
    const tick = () => {
      if (polling) return; // a slow database: the next tick reads what this one would have
      polling = true;
      poll()
        .catch((error: unknown) => options.onError?.(error))
        .finally(() => (polling = false));
    };
    timer = setInterval(tick, options.pollMs ?? CHANGE_POLL_MS);
    timer.unref();
  };

  return {
    async publish(change) {
      written.add(await log.record(change, new Date()));
      await local.publish(change);
    },
    subscribe(listener) {
      if (!timer) void startPolling().catch((error: unknown) => options.onError?.(error));
      return local.subscribe(listener);
    },
    async close() {
      if (timer) clearInterval(timer);
      await local.close();
    },
  };
}

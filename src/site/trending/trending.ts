import { hourOf, hourWeights, type ViewTally } from '../../domain/index.ts';

/** Counted views wait this long in memory before they are written: one write a few seconds, not one a view. */
const FLUSH_INTERVAL_MS = 5_000;
/** A ranking is computed at most this often per process; between, readers get the last one. */
const RANKING_TTL_MS = 30_000;
/** Ids kept per ranking: enough for every list that shows trending stories, with room for unpublished ones. */
const RANKED = 30;

/**
 * Trending for one process: views counted in memory and written to the tally in batches; the ranking read
 * from the tally (so every process of the site agrees when it is Redis) and kept briefly.
 */
export class Trending {
  readonly #tally: ViewTally;
  readonly #now: () => number;
  #pending = new Map<string, number>();
  #ranking: { at: number; ids: number[] } | null = null;
  #timer: NodeJS.Timeout | null = null;
  #flushing: Promise<void> = Promise.resolve();
  readonly #onError: (error: unknown, views: number) => void;

  /** `onError` hears of views that could not be written (the tally down); they are dropped, not retried. */
  constructor(tally: ViewTally, options: { now?: () => number; onError?: (error: unknown, views: number) => void } = {}) {
    this.#tally = tally;
    this.#now = options.now ?? Date.now;
    this.#onError = options.onError ?? (() => {});
  }

  /** One view of an article, now. */
  count(articleId: number): void {
    const key = `${articleId}|${hourOf(this.#now())}`;
    this.#pending.set(key, (this.#pending.get(key) ?? 0) + 1);
    this.#timer ??= setTimeout(() => void this.flush(), FLUSH_INTERVAL_MS).unref();
  }

  /** Writes the views counted so far. */
  flush(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    const pending = this.#pending;
    this.#pending = new Map();
    const counts = [...pending].map(([key, views]) => {
      const [articleId, hour] = key.split('|');
      return { articleId: Number(articleId), hour: hour!, views };
    });
    // One write at a time, in order: a flush never overtakes the one before.
    this.#flushing = this.#flushing
      .then(() => this.#tally.add(counts))
      .catch((error: unknown) => this.#onError(error, counts.reduce((sum, count) => sum + count.views, 0)));
    return this.#flushing;
  }

  /** The most read articles lately (ids, most read first). */
  async top(limit: number): Promise<number[]> {
    const now = this.#now();
    if (!this.#ranking || now - this.#ranking.at > RANKING_TTL_MS) {
      this.#ranking = { at: now, ids: await this.#tally.ranked(hourWeights(now), RANKED) };
    }
    return this.#ranking.ids.slice(0, limit);
  }

  /** Forgets the kept ranking: the next read computes a new one (tests; a publish). */
  invalidate(): void {
    this.#ranking = null;
  }

  async close(): Promise<void> {
    await this.flush();
    await this.#tally.close();
  }
}

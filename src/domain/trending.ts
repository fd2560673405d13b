/**
 * Trending: what readers read most lately. Views are tallied per article per clock hour; an hour's views count
 * less the older it is (halving every HALF_LIFE_HOURS) and not at all after WINDOW_HOURS, so a story read
 * heavily this morning gives way to one read steadily this afternoon.
 */

/** Views of one article in one clock hour ("2026-11-25T15", UTC). */
export interface ViewCount {
  articleId: number;
  hour: string;
  views: number;
}

/** How much one hour's views weigh in the ranking now. */
export interface HourWeight {
  hour: string;
  weight: number;
}

/** Where view counts are kept: the database, or Redis when the site runs as several processes. */
export interface ViewTally {
  add(counts: readonly ViewCount[]): Promise<void>;
  /** Article ids by decayed views over the given hours, most read first. */
  ranked(hours: readonly HourWeight[], limit: number): Promise<number[]>;
  close(): Promise<void>;
}

export const WINDOW_HOURS = 24;
export const HALF_LIFE_HOURS = 6;

/** The clock hour a time falls in, as tallies key it. */
export function hourOf(time: number): string {
  return new Date(time).toISOString().slice(0, 13);
}

/** The weights of the last WINDOW_HOURS hours, the current one first at weight 1. */
export function hourWeights(now: number): HourWeight[] {
  return Array.from({ length: WINDOW_HOURS }, (_, age) => ({
    hour: hourOf(now - age * 3_600_000),
    weight: 0.5 ** (age / HALF_LIFE_HOURS),
  }));
}

/** After Redis fails, limits skip it this long before trying it again: an outage slows one request per interval. */
const RETRY_INTERVAL_MS = 5_000;

export interface FailoverLog {
  warn(details: object, message: string): void;
  info(message: string): void;
}

/** Runs a check against Redis, or, while Redis is unreachable, against this process's own limits. */
export type Failover = <A extends unknown[], R>(
  shared: (...args: A) => Promise<R>,
  local: (...args: A) => Promise<R>,
) => (...args: A) => Promise<R>;

/**
 * What limits do while Redis is down. Failing closed would refuse everything: readers would lose the note they
 * wrote and no view would count. Failing open would drop every limit exactly when something is already wrong.
 * So each process falls back to its own limits, which bound a sender as they did before Redis (N processes,
 * N allowances). One warning when the outage starts and one line when Redis answers again, not one per request.
 * One failover serves all of a connection's limits, so they go down and come back together.
 */
export function failover(log: FailoverLog, options: { now?: () => number } = {}): Failover {
  const { now = Date.now } = options;
  let retryAt: number | null = null;
  return (shared, local) =>
    async (...args) => {
      if (retryAt !== null && now() < retryAt) return local(...args);
      let result;
      try {
        result = await shared(...args);
      } catch (error) {
        if (retryAt === null) log.warn({ err: error }, 'limits: Redis is unreachable; each process applies its own rate limits and view gate until it answers');
        retryAt = now() + RETRY_INTERVAL_MS;
        return local(...args);
      }
      if (retryAt !== null) log.info('limits: Redis answers again; rate limits and the view gate are shared across processes again');
      retryAt = null;
      return result;
    };
}

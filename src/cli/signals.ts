import type { Logger } from 'pino';

/**
 * First Ctrl-C or SIGTERM closes cleanly (in-flight work finishes); a second one exits at once. With
 * `exit: false` the process is left to end by itself once `close` has run (the caller has more to tidy).
 */
export function closeOnSignals(close: () => Promise<void>, log: Logger, options: { exit?: boolean } = {}): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) process.exit(1);
    closing = true;
    log.info(`${signal} received, shutting down`);
    close().then(
      () => (options.exit ?? true) && process.exit(0),
      (error) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

import { type FetchError, NewsdeskError } from '../domain/index.ts';

/**
 * What `newsdesk` exit codes mean, so scripts can tell "fix your input" from "try again later".
 * 0 success · 1 unexpected failure (a bug, or a service down) · 2 bad usage or bad input, nothing was changed
 * · 69 a remote source failed, try again later (EX_UNAVAILABLE) · 75 refused for now, too many attempts (EX_TEMPFAIL)
 * · 77 not allowed (EX_NOPERM) · 78 configuration error (EX_CONFIG from sysexits.h).
 */
export const EXIT = { ok: 0, failure: 1, badInput: 2, unavailable: 69, tempFail: 75, noPermission: 77, config: 78 } as const;

export function exitCodeFor(error: unknown): number {
  if (!(error instanceof NewsdeskError)) return EXIT.failure;
  switch (error.kind) {
    case 'config':
      return EXIT.config;
    case 'fetch':
      return (error as FetchError).permanent ? EXIT.badInput : EXIT.unavailable;
    case 'extract':
    case 'feed':
    case 'validation':
    case 'not-found':
    case 'gone':
    case 'conflict':
      return EXIT.badInput;
    case 'forbidden':
      return EXIT.noPermission;
    case 'throttled':
      return EXIT.tempFail;
  }
}

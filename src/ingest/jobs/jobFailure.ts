import { FetchError, ValidationError } from '../../domain/index.ts';
import type { JobFailure } from './types.ts';

/**
 * What a handler's error tells the queue. A FetchError knows whether trying again can help (a URL refused by
 * policy cannot) and how long the server asked us to wait; a ValidationError is a malformed job that no retry
 * will fix. Anything else is presumed passing: retried with backoff, parked if it keeps happening.
 */
export function jobFailureOf(error: unknown): JobFailure {
  if (error instanceof FetchError) {
    return {
      message: `${error.failure}: ${error.message}`,
      permanent: error.permanent,
      retryAfterMs: error.details.retryAfterMs ?? null,
    };
  }
  if (error instanceof ValidationError) return { message: error.message, permanent: true };
  if (error instanceof Error) return { message: error.message || error.name };
  return { message: String(error) };
}

import { ExtractError, FetchError, ValidationError } from '../../domain/index.ts';
import type { JobFailure } from './types.ts';

/**
 * What a handler's error tells the queue. A FetchError knows whether trying again can help (a URL refused by
 * policy cannot) and how long the server asked us to wait. A ValidationError (a malformed payload) and an
 * ExtractError (a page that is not an article: the same bytes will not extract better on a second try) are
 * parked at once. Anything else is presumed passing: retried with backoff, parked if it keeps happening.
 */
export function jobFailureOf(error: unknown): JobFailure {
  if (error instanceof FetchError) {
    return {
      message: `${error.failure}: ${error.message}`,
      permanent: error.permanent,
      retryAfterMs: error.details.retryAfterMs ?? null,
    };
  }
  if (error instanceof ValidationError || error instanceof ExtractError) return { message: error.message, permanent: true };
  if (error instanceof Error) return { message: error.message || error.name };
  return { message: String(error) };
}

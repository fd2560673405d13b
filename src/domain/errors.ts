/**
 * Errors are values with a kind and a message a person can act on. Each domain raises its own subclass;
 * the web layer maps `kind` to an HTTP status once (src/site/errors.ts) and the CLI maps it to an exit code.
 */
export type ErrorKind =
  | 'extract'
  | 'feed'
  | 'fetch'
  | 'validation'
  | 'not-found'
  | 'gone'
  | 'conflict'
  | 'config'
  | 'forbidden'
  | 'throttled';

export abstract class NewsdeskError extends Error {
  abstract readonly kind: ErrorKind;
}

/** The input could not be turned into an article (empty file, no headline, …). */
export class ExtractError extends NewsdeskError {
  readonly kind = 'extract';
}

/** A feed document could not be read at all (not XML/JSON, not a feed, refused as hostile). */
export class FeedError extends NewsdeskError {
  readonly kind = 'feed';
}

/**
 * Why a fetch failed. `blocked` and `bad-url` are the caller's fault and never worth retrying; the others may
 * pass on a later attempt (the poller backs off, honouring `retryAfterMs` when the server sent one).
 */
export type FetchFailure =
  | 'bad-url'
  | 'blocked'
  | 'robots'
  | 'too-many-redirects'
  | 'too-large'
  | 'timeout'
  | 'http-status'
  | 'network';

/** An outbound HTTP request failed or was refused before it was sent. */
export class FetchError extends NewsdeskError {
  readonly kind = 'fetch';
  constructor(
    message: string,
    readonly failure: FetchFailure,
    readonly details: { status?: number; retryAfterMs?: number; url?: string } = {},
  ) {
    super(message);
  }

  /**
   * True when trying again cannot help: the URL is refused by policy, not by circumstance, or the server says
   * the page is not there (404) or gone for good (410).
   */
  get permanent(): boolean {
    if (this.failure === 'http-status') return this.details.status === 404 || this.details.status === 410;
    return this.failure === 'bad-url' || this.failure === 'blocked' || this.failure === 'robots';
  }
}

/** A value broke a domain rule (bad slug, unknown section, malformed form field, …). */
export class ValidationError extends NewsdeskError {
  readonly kind = 'validation';
}

export class NotFoundError extends NewsdeskError {
  readonly kind = 'not-found';
}

/** It was there and was taken down on purpose (an unpublished article): 410 Gone, so search engines drop it. */
export class GoneError extends NewsdeskError {
  readonly kind = 'gone';
}

/** A write collided with something already stored: the same source key, or the same slug in a section. */
export class ConflictError extends NewsdeskError {
  readonly kind = 'conflict';
}

/**
 * A save that started from an older revision than the current one: someone saved in between. Never applied as
 * an overwrite; the newsroom shows both versions.
 */
export class StaleRevisionError extends ConflictError {
  constructor(
    message: string,
    readonly currentRevisionId: number | null,
  ) {
    super(message);
  }
}

/** Configuration from the environment is unusable (bad PORT, unreadable DATA_DIR, …). */
export class ConfigError extends NewsdeskError {
  readonly kind = 'config';
}

/** The policy refuses: this actor may not do this (to this article). The message says what and why. */
export class ForbiddenError extends NewsdeskError {
  readonly kind = 'forbidden';
}

/** Too many failed attempts (sign-in, password reset): refused until `retryAfterSeconds` have passed. */
export class ThrottledError extends NewsdeskError {
  readonly kind = 'throttled';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

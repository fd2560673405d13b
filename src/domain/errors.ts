/**
 * Errors are values with a kind and a message a person can act on. Each domain raises its own subclass;
 * the web layer maps `kind` to an HTTP status once (src/site/errors.ts) and the CLI maps it to an exit code.
 */
export type ErrorKind = 'extract' | 'validation' | 'not-found' | 'conflict' | 'config';

export abstract class NewsdeskError extends Error {
  abstract readonly kind: ErrorKind;
}

/** The input could not be turned into an article (empty file, no headline, …). */
export class ExtractError extends NewsdeskError {
  readonly kind = 'extract';
}

/** A value broke a domain rule (bad slug, unknown section, malformed form field, …). */
export class ValidationError extends NewsdeskError {
  readonly kind = 'validation';
}

export class NotFoundError extends NewsdeskError {
  readonly kind = 'not-found';
}

/** A write collided with something already stored: the same source key, or the same slug in a section. */
export class ConflictError extends NewsdeskError {
  readonly kind = 'conflict';
}

/** Configuration from the environment is unusable (bad PORT, unreadable DATA_DIR, …). */
export class ConfigError extends NewsdeskError {
  readonly kind = 'config';
}

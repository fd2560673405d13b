import { ValidationError } from '../domain/index.ts';

/** Limits and offsets come from callers that parse them from input: refuse anything but a whole count. */
export function requireCount(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new ValidationError(`${name} must be a whole number ≥ 0`);
}

/** `a_b` must match itself, not `a` + any character + `b` (used with `escape '\'`). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

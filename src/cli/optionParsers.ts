import { InvalidArgumentError } from 'commander';

/** A count option (`--limit`, `--days`): a whole number from 1 to 100,000, or exit 2 saying so. */
export function parseCount(value: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1 || count > 100_000) throw new InvalidArgumentError('give a whole number from 1 to 100000');
  return count;
}

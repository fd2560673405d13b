/**
 * The most common passwords (ASVS 2.1.7): SecLists' top 10,000 of Mark Burnett's 10 million password set, MIT;
 * data/README.md says where the file comes from and carries its licence. Kept as JSON because the build copies
 * only .json data files into dist/.
 */
import { readFileSync } from 'node:fs';

export const COMMON_PASSWORDS_FILE = new URL('./data/common-passwords.json', import.meta.url);

let loaded: ReadonlySet<string> | undefined;

/**
 * The list as a set of lower-cased, NFKC-normalised entries, read from the file on the first call (a site that
 * never sets a password never reads it) and kept for the process.
 */
export function commonPasswords(): ReadonlySet<string> {
  loaded ??= readCommonPasswords(COMMON_PASSWORDS_FILE);
  return loaded;
}

/** Whether `password` is on the list, ignoring case ("PASSWORD", "Password" and "password" are all on it). */
export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(foldPassword(password));
}

/** The form in which passwords are compared with the list: NFKC (as they are hashed), then lower case. */
export function foldPassword(password: string): string {
  return password.normalize('NFKC').toLowerCase();
}

export function readCommonPasswords(file: URL | string): ReadonlySet<string> {
  const entries: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(entries) || !entries.every((entry) => typeof entry === 'string')) {
    throw new Error(`${String(file)} is not a JSON array of strings`);
  }
  return new Set(entries.filter((entry) => entry !== '').map(foldPassword));
}

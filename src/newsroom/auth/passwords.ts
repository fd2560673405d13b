/**
 * Password storage and the rules a new password must meet (OWASP ASVS 4.0, V2.1 and V2.4).
 *
 * Hashing is argon2id at OWASP's Password Storage Cheat Sheet minimum: m=19456 KiB (19 MiB), t=2 passes, p=1
 * lane, with a 16-byte random salt (the library's) and a 32-byte output. A stored hash with any of these below the
 * current values, or another argon2 variant, verifies as before and `needsRehash` says to store a new one on the
 * next successful sign-in.
 *
 * Passwords are normalised to Unicode NFKC before they are hashed, counted or compared, so "é" typed as one code
 * point on one device and as "e" and a combining accent on another is the same password (NIST SP 800-63B 5.1.1.2).
 * Nothing else is changed: no trimming, no truncation, every character counts (ASVS 2.1.3, 2.1.4).
 */
import { createRequire } from 'node:module';
import type { Algorithm, Options } from '@node-rs/argon2';
import { foldPassword, isCommonPassword } from './commonPasswords.ts';

/** In code points (characters as a person counts them), not UTF-16 units: ASVS 2.1.1 and 2.1.2. */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

/** argon2id, the variant OWASP recommends; the library declares it as a const enum, which isolated modules can't read. */
const ARGON2ID = 2 satisfies Algorithm;
/** argon2 version 0x13, likewise. */
const VERSION_0X13 = 1;

/** OWASP Password Storage Cheat Sheet, argon2id minimum: m=19456 KiB, t=2, p=1. */
export const PASSWORD_HASH_OPTIONS = {
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
} as const satisfies Options;
const MIN_SALT_BYTES = 16;

/**
 * A hash made with PASSWORD_HASH_OPTIONS of a random password nobody knows, which `dummyVerify` checks against so
 * that a sign-in for an account that does not exist costs what one with a wrong password does (a test keeps its
 * parameters in step with PASSWORD_HASH_OPTIONS).
 */
export const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$1996RE6Nb0QjG90xkCM21Q$/CDq8Bq3FpvFnA2TKpgS98MidDmSF7TNKIb0l3oXcmU';

type Argon2 = typeof import('@node-rs/argon2');
let argon2: Argon2 | undefined;

/** The native module is loaded on first use, not when the newsroom is imported: most runs never hash a password. */
function library(): Argon2 {
  argon2 ??= createRequire(import.meta.url)('@node-rs/argon2') as Argon2;
  return argon2;
}

/** The PHC string to store: "$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>". */
export async function hashPassword(password: string): Promise<string> {
  return library().hash(password.normalize('NFKC'), PASSWORD_HASH_OPTIONS);
}

/** Whether `password` is the one `hash` was made from. False, never an error, for a hash that is not argon2's. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  if (typeof hash !== 'string' || typeof password !== 'string' || !hash.startsWith('$argon2')) return false;
  try {
    return await library().verify(hash, password.normalize('NFKC'));
  } catch {
    return false;
  }
}

/**
 * Costs what `verifyPassword` costs on a real account and is always false: call it for a sign-in to an address
 * with no account (or one that may not sign in), so the answer takes as long as a wrong password (ASVS 2.2.1's
 * enumeration concern; equal timing).
 */
export async function dummyVerify(password = ''): Promise<false> {
  await verifyPassword(DUMMY_HASH, typeof password === 'string' ? password : '');
  return false;
}

/** Whether `hash` should be replaced by a new one (made after the next successful sign-in) under today's parameters. */
export function needsRehash(hash: string): boolean {
  try {
    const used = library().parseOptions(hash);
    return (
      used.algorithm !== PASSWORD_HASH_OPTIONS.algorithm ||
      used.version !== VERSION_0X13 ||
      used.memoryCost < PASSWORD_HASH_OPTIONS.memoryCost ||
      used.timeCost < PASSWORD_HASH_OPTIONS.timeCost ||
      used.parallelism < PASSWORD_HASH_OPTIONS.parallelism ||
      used.outputLen < PASSWORD_HASH_OPTIONS.outputLen ||
      used.saltLen < MIN_SALT_BYTES
    );
  } catch {
    return true;
  }
}

export interface PasswordOwner {
  email?: string | null;
  name?: string | null;
}

/**
 * What is wrong with `password` as a new password for this person, each problem a sentence to show them; empty
 * when it will do. Length (12 to 256 characters), not one of the most common passwords, not their email address
 * or its part before the @, not their name. No rules about kinds of characters (ASVS 2.1.9): a long phrase of
 * ordinary words is a good password.
 */
export function passwordProblems(password: string, owner: PasswordOwner = {}): string[] {
  const normalised = password.normalize('NFKC');
  const length = [...normalised].length;
  const problems: string[] = [];
  if (length < MIN_PASSWORD_LENGTH) {
    problems.push(
      length === 0
        ? `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`
        : `Your password needs at least ${MIN_PASSWORD_LENGTH} characters; this one has ${length}. A few ordinary words strung together make a long password that is easy to remember.`,
    );
  }
  if (length > MAX_PASSWORD_LENGTH) {
    problems.push(`Your password can have at most ${MAX_PASSWORD_LENGTH} characters; this one has ${length}.`);
  }
  if (length > 0 && isCommonPassword(normalised)) {
    problems.push('This is one of the most common passwords, so it is among the first anyone would guess. Please choose another.');
  }
  if (length > 0 && sameAsEmail(normalised, owner.email)) {
    problems.push('Your password should not be your email address, or the part of it before the @. Please choose another.');
  }
  if (length > 0 && sameAsName(normalised, owner.name)) {
    problems.push('Your password should not be your name. Please choose another.');
  }
  return problems;
}

function sameAsEmail(password: string, email: string | null | undefined): boolean {
  const address = foldPassword(email?.trim() ?? '');
  if (address === '') return false;
  const given = foldPassword(password).trim();
  const at = address.lastIndexOf('@');
  return given === address || (at > 0 && given === address.slice(0, at));
}

/** "Jane Doe" is refused as "jane doe", "JANE DOE" and "janedoe". */
function sameAsName(password: string, name: string | null | undefined): boolean {
  const full = foldPassword(name?.trim() ?? '');
  if (full === '') return false;
  const given = foldPassword(password).trim();
  const squeeze = (text: string) => text.replace(/[\s.\-_]+/gu, '');
  return given === full || (squeeze(full) !== '' && squeeze(given) === squeeze(full));
}

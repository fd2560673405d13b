/**
 * Fingerprints of an article's wording, for collapsing syndicated copies and wire rewrites into one article.
 * SimHash (Charikar) catches copies that differ in a few words anywhere; MinHash estimates the share of
 * three-word shingles two texts have in common, which stays high when a copy gains a byline or a new first
 * line. Both are computed from the same shingles, and both give bucket keys so a lookup never scans the corpus.
 */
import type { Fingerprint } from '../../domain/index.ts';
import { plainWords } from './words.ts';

export type { Fingerprint };

/** Three words: long enough that shared shingles mean shared sentences, short enough to survive small edits. */
const SHINGLE_WORDS = 3;
/** 64 hash functions give a Jaccard estimate within about ±0.06, plenty to tell a copy from a rewrite. */
export const MINHASH_PERMUTATIONS = 64;
/** Share of shingles in common above which two texts are the same article (copies score 0.6–1, rewrites < 0.3). */
const NEAR_DUPLICATE_JACCARD = 0.5;
/** At most this many of 64 SimHash bits may differ (Manku et al. use 3 for web pages). */
const NEAR_DUPLICATE_HAMMING = 3;
/**
 * LSH banding of the MinHash signature: 21 bands of 3 rows make a pair with Jaccard 0.5 share a bucket with
 * probability 0.94 while two unrelated articles (Jaccard ~0.02) almost never do.
 */
const LSH_ROWS = 3;
/** SimHash split into four 16-bit blocks: two hashes within 3 bits agree on at least one block exactly. */
const SIMHASH_BLOCKS = 4;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over UTF-16 code units, 32 bits. */
export function hashString(text: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, FNV_PRIME);
  }
  return hash >>> 0;
}

/** MurmurHash3's finaliser: spreads every input bit over every output bit. */
function mix(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Seeds of the MinHash family: fixed so signatures computed today compare with those stored last year. */
const PERMUTATION_SEEDS = Array.from({ length: 1024 }, (_, i) => mix(0x9e3779b9 * (i + 1)));

function shingleHashes(text: string): Uint32Array {
  const words = plainWords(text).map(hashString);
  const count = Math.max(1, words.length - SHINGLE_WORDS + 1);
  const shingles = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let hash = 0;
    for (let j = i; j < Math.min(i + SHINGLE_WORDS, words.length); j++) hash = mix(Math.imul(hash, 31) + (words[j] ?? 0));
    shingles[i] = hash;
  }
  return shingles;
}

function simhashOf(shingles: Uint32Array): bigint {
  const votes = new Int32Array(64);
  for (const low of shingles) {
    const high = mix(low ^ 0x5bd1e995);
    for (let bit = 0; bit < 32; bit++) {
      votes[bit]! += (low >>> bit) & 1 ? 1 : -1;
      votes[bit + 32]! += (high >>> bit) & 1 ? 1 : -1;
    }
  }
  let lowWord = 0;
  let highWord = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (votes[bit]! > 0) lowWord |= 1 << bit;
    if (votes[bit + 32]! > 0) highWord |= 1 << bit;
  }
  return (BigInt(highWord >>> 0) << 32n) | BigInt(lowWord >>> 0);
}

function minhashOf(shingles: Uint32Array, permutations: number): Uint32Array {
  if (permutations < 1 || permutations > PERMUTATION_SEEDS.length) {
    throw new RangeError(`permutations must be between 1 and ${PERMUTATION_SEEDS.length}`);
  }
  const signature = new Uint32Array(permutations).fill(0xffffffff);
  for (const shingle of shingles) {
    for (let p = 0; p < permutations; p++) {
      const value = mix(shingle ^ PERMUTATION_SEEDS[p]!);
      if (value < signature[p]!) signature[p] = value;
    }
  }
  return signature;
}

/** 64-bit SimHash over the text's three-word shingles. */
export function simhash(text: string): bigint {
  return simhashOf(shingleHashes(text));
}

/** MinHash signature over the text's three-word shingles. */
export function minhashSignature(text: string, permutations = MINHASH_PERMUTATIONS): Uint32Array {
  return minhashOf(shingleHashes(text), permutations);
}

export function fingerprint(text: string): Fingerprint {
  const shingles = shingleHashes(text);
  return { simhash: simhashOf(shingles), minhash: minhashOf(shingles, MINHASH_PERMUTATIONS) };
}

export function hammingDistance(a: bigint, b: bigint): number {
  const diff = a ^ b;
  // Two 32-bit halves as plain numbers: counting bits of a bigint one by one is many times slower.
  return popCount(Number(BigInt.asUintN(32, diff))) + popCount(Number(BigInt.asUintN(32, diff >> 32n)));
}

function popCount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

/** Share of MinHash positions that agree: an unbiased estimate of the shingle sets' Jaccard similarity. */
export function estimatedJaccard(a: Uint32Array, b: Uint32Array): number {
  const length = Math.min(a.length, b.length);
  if (length === 0) return 0;
  let same = 0;
  for (let i = 0; i < length; i++) if (a[i] === b[i]) same++;
  return same / length;
}

export function isNearDuplicate(a: Fingerprint, b: Fingerprint): boolean {
  return (
    estimatedJaccard(a.minhash, b.minhash) >= NEAR_DUPLICATE_JACCARD ||
    hammingDistance(a.simhash, b.simhash) <= NEAR_DUPLICATE_HAMMING
  );
}

/** Bucket keys under which a fingerprint is filed: a near-duplicate shares at least one with high probability. */
export function fingerprintBuckets(print: Fingerprint): string[] {
  const keys: string[] = [];
  for (let band = 0; band + LSH_ROWS <= print.minhash.length; band += LSH_ROWS) {
    let hash = band;
    for (let row = band; row < band + LSH_ROWS; row++) hash = mix(Math.imul(hash, 31) + print.minhash[row]!);
    keys.push(`m${band / LSH_ROWS}:${hash.toString(36)}`);
  }
  const blockBits = 64 / SIMHASH_BLOCKS;
  const blockMask = (1n << BigInt(blockBits)) - 1n;
  for (let block = 0; block < SIMHASH_BLOCKS; block++) {
    keys.push(`s${block}:${((print.simhash >> BigInt(block * blockBits)) & blockMask).toString(36)}`);
  }
  return keys;
}

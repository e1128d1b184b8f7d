/**
 * Text normalisation and word shingles for near-duplicate detection.
 *
 * Hand-written on purpose: the whole job is a dozen lines, it must be
 * byte-for-byte deterministic across machines, and no installed package offers
 * shingling over Unicode words.
 */

const APOSTROPHES = /['’‘`ʼ]/g;
// Letters with their combining marks (Arabic, Devanagari …) and digits form words;
// everything else (punctuation, quotes, ellipses, emoji, line breaks) separates them.
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * Words of `text`, NFKC-normalised and lower-cased, with apostrophes dropped
 * ("Syria’s" and "Syria's" both become "syrias") and punctuation stripped, so
 * "...The final stage" and "The final stage" give the same words.
 */
export function normalizeWords(text: string): string[] {
  if (isPlainText(text)) return plainWords(text.replace(APOSTROPHES, ''));
  return text.normalize('NFKC').toLowerCase().replace(APOSTROPHES, '').match(WORD) ?? [];
}

/**
 * ASCII and the punctuation English news sets among it: no-break space,
 * dashes, curly quotes and the ellipsis. NFKC keeps such text's letters and
 * digits as they are and makes none from the rest (the ellipsis becomes three
 * full stops, the space a space), and its only word characters are A–Z, a–z
 * and 0–9. Most article text is like this, and words found with ASCII classes
 * come about twice as fast as through normalising and Unicode property
 * classes, for exactly the same words (tested against that path).
 */
const PLAIN_TEXT = /^[\x00-\x7f\u00a0\u2013\u2014\u2018\u2019\u201c\u201d\u2026]*$/;
const PLAIN_WORD = /[a-z0-9]+/g;

export function isPlainText(text: string): boolean {
  return PLAIN_TEXT.test(text);
}

/** Plain text's runs of letters and digits, lower-cased (apostrophes left to the caller). */
export function plainWords(text: string): string[] {
  return text.toLowerCase().match(PLAIN_WORD) ?? [];
}

/** 32-bit FNV-1a of a string's UTF-16 code units. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** MurmurHash3's finaliser: a cheap bijective mix of 32 bits. */
export function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Sorted, distinct 32-bit hashes of the `size`-word shingles of `words`.
 * A text shorter than `size` words yields one shingle of all its words.
 * Word hashes are combined rather than joined into strings, to avoid
 * allocating one string per shingle on large inputs.
 */
export function shingleSet(words: readonly string[], size: number): Uint32Array {
  return shingleSetOfHashes(wordHashes(words), size);
}

/**
 * Each word's `fnv1a32`. A loop rather than `Uint32Array.from(words,
 * fnv1a32)`: V8's mapping `from` took three to five times as long for the same
 * array, and every sentence of the corpus is hashed this way, for reuse
 * detection and again for independence counts.
 */
export function wordHashes(words: readonly string[]): Uint32Array {
  const hashes = new Uint32Array(words.length);
  for (let i = 0; i < words.length; i++) hashes[i] = fnv1a32(words[i]!);
  return hashes;
}

/**
 * `shingleSet` of words already hashed (`fnv1a32` of each): a caller that
 * keeps a text's words for later keeps these 4 bytes a word, not a string.
 */
export function shingleSetOfHashes(wordHashes: Uint32Array, size: number): Uint32Array {
  if (wordHashes.length === 0) return new Uint32Array(0);
  const count = Math.max(1, wordHashes.length - size + 1);
  const width = Math.min(size, wordHashes.length);
  const hashes = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let hash = 0x811c9dc5;
    for (let j = 0; j < width; j++) hash = Math.imul(hash ^ (wordHashes[i + j] ?? 0), 0x01000193);
    hashes[i] = fmix32(hash);
  }
  hashes.sort();
  return distinctSorted(hashes);
}

/** An ascending typed array, each value once: its repeats dropped in place, a view of what is left. */
export function distinctSorted(sorted: Uint32Array): Uint32Array;
export function distinctSorted(sorted: Int32Array): Int32Array;
export function distinctSorted(sorted: Uint32Array | Int32Array): Uint32Array | Int32Array {
  if (sorted.length < 2) return sorted;
  let write = 1;
  for (let read = 1; read < sorted.length; read++) {
    if (sorted[read] !== sorted[write - 1]) sorted[write++] = sorted[read] ?? 0;
  }
  return sorted.subarray(0, write);
}

/**
 * Size of the intersection of two ascending sets of distinct numbers (a
 * linear merge). With `atLeast`, the merge stops as soon as the words still
 * unread cannot bring the count up to it, and returns a count below it:
 * pages and claim groups compare every pair of up to a few hundred
 * sentences, and most pairs share almost nothing.
 */
export function intersectionSize(a: Uint32Array | Int32Array, b: Uint32Array | Int32Array, atLeast = 0): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (shared + Math.min(a.length - i, b.length - j) < atLeast) return shared;
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}

/**
 * The least count in 0…most that `reaches`, searched upwards from `estimate`
 * (which must not be above it), or most + 1 when none does. `reaches` must
 * hold for every count above one it holds for. Thresholds are found by the
 * very arithmetic the exact test uses, so a test against the count gives the
 * same answer to the last bit.
 */
export function leastCountReaching(estimate: number, most: number, reaches: (count: number) => boolean): number {
  let count = Math.max(0, estimate);
  while (count <= most && !reaches(count)) count++;
  return count;
}

export interface Overlap {
  shared: number;
  /** |A∩B| / |A∪B| */
  jaccard: number;
  /** |A∩B| / min(|A|, |B|): how much of the smaller set the other one contains. */
  containment: number;
}

export function overlap(a: Uint32Array, b: Uint32Array): Overlap {
  const shared = intersectionSize(a, b);
  const union = a.length + b.length - shared;
  const smaller = Math.min(a.length, b.length);
  return {
    shared,
    jaccard: union === 0 ? 0 : shared / union,
    containment: smaller === 0 ? 0 : shared / smaller,
  };
}

/** Whether `overlap(a, b).jaccard >= threshold`, by the same arithmetic, stopping as soon as the answer is no. */
export function jaccardAtLeast(a: Uint32Array, b: Uint32Array, threshold: number): boolean {
  const total = a.length + b.length;
  // Jaccard s / (total − s) grows with the shared count s; start a little below the least s that reaches it.
  const needed = leastCountReaching(Math.floor((threshold * total) / (1 + threshold)) - 1, Math.min(a.length, b.length), (shared) => (total - shared === 0 ? 0 : shared / (total - shared)) >= threshold);
  return needed <= Math.min(a.length, b.length) && intersectionSize(a, b, needed) >= needed;
}

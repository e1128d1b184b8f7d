/**
 * MinHash signatures and LSH banding: find pairs of texts whose shingle sets
 * are likely similar without comparing every pair.
 *
 * Hand-written rather than a library: it is ~40 lines, needs a deterministic
 * seeded hash (so ids and output are byte-identical across runs), and the
 * npm MinHash packages either use Math.random seeds or pull in large deps.
 */
import { fmix32 } from './text.ts';

export interface LshParams {
  bands: number;
  rows: number;
}

/**
 * 32 bands × 3 rows = 96 hashes. The S-curve threshold is about
 * (1/32)^(1/3) ≈ 0.31: pairs with Jaccard 0.5 become candidates with
 * probability ≈ 0.99, pairs at 0.1 with ≈ 0.03, unrelated pairs (≈ 0) almost never.
 */
export const DEFAULT_LSH: LshParams = { bands: 32, rows: 3 };

/** Fixed seeds: one permutation `x ↦ fmix32(x ^ seed)` per hash function. */
function seeds(count: number): Uint32Array {
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) out[i] = fmix32(Math.imul(i + 1, 0x9e3779b9));
  return out;
}

const seedCache = new Map<number, Uint32Array>();

export function minhashSignature(shingles: Uint32Array, count: number): Uint32Array {
  let seedList = seedCache.get(count);
  if (!seedList) {
    seedList = seeds(count);
    seedCache.set(count, seedList);
  }
  const signature = new Uint32Array(count).fill(0xffffffff);
  // `fmix32(shingle ^ seed)` written out, over indexed loops: every sentence and paragraph of
  // the corpus is signed with 96 hashes a shingle, and the call and the iterator made this
  // loop about twice as slow (the same values: the unit tests compare it with fmix32).
  for (let k = 0; k < shingles.length; k++) {
    const shingle = shingles[k]!;
    for (let i = 0; i < count; i++) {
      let value = shingle ^ seedList[i]!;
      value ^= value >>> 16;
      value = Math.imul(value, 0x85ebca6b);
      value ^= value >>> 13;
      value = Math.imul(value, 0xc2b2ae35);
      value ^= value >>> 16;
      value >>>= 0;
      if (value < signature[i]!) signature[i] = value;
    }
  }
  return signature;
}

/**
 * Buckets up to this size pair every member with every other (at most 28
 * pairs: a constant per bucket, so still linear overall); larger ones form a
 * star and a chain, see `lshCandidatePairs`.
 */
export const MAX_BUCKET_CLIQUE = 8;

/** Candidate pairs as two parallel arrays: `first[k] < second[k]`, sorted, distinct. */
export interface CandidatePairs {
  first: Uint32Array;
  second: Uint32Array;
}

/**
 * Candidate pairs of items that share at least one band. `group[i]` marks
 * items that must never pair (same article).
 *
 * A bucket of more than MAX_BUCKET_CLIQUE members pairs its members with its
 * first member (the smallest index; callers order items so that it is the
 * likely origin) and with their neighbour in the bucket, never every member
 * with every other. Why: one wire paragraph reused by k articles lands in one
 * bucket per band, and all pairs made the output grow with k² (at 5,000
 * articles, millions of candidates for text that is simply "a copy of the
 * first"). The star keeps every copy linked to the origin, so clusters of
 * copies stay connected. Members in the first member's own group pair with
 * the first member of another group instead.
 *
 * Buckets are found by sorting, not with a Map of arrays: each band sorts the
 * item indices by band key (a stable radix sort, so equal keys form runs in
 * item order). Pairs are packed into one float64 (i · n + j) and sorted once
 * to drop duplicates across bands.
 */
export function lshCandidatePairs(
  signatures: readonly Uint32Array[],
  group: readonly number[],
  params: LshParams = DEFAULT_LSH,
): CandidatePairs {
  const total = signatures.length;
  const indexBits = Math.max(1, Math.ceil(Math.log2(total + 1)));
  // 53 bits of float64 precision: keep the key's top bits when indices need more than 21.
  const keyShift = Math.max(0, indexBits - 21);
  let codes = new Float64Array(Math.max(16, total));
  let count = 0;
  const add = (x: number, y: number): void => {
    if (count === codes.length) {
      const grown = new Float64Array(codes.length * 2);
      grown.set(codes);
      codes = grown;
    }
    codes[count++] = x < y ? x * total + y : y * total + x;
  };
  const run: number[] = [];
  const flush = (): void => {
    if (run.length < 2) return;
    if (run.length <= MAX_BUCKET_CLIQUE) {
      for (let x = 0; x < run.length; x++) {
        for (let y = x + 1; y < run.length; y++) if (group[run[x]!] !== group[run[y]!]) add(run[x]!, run[y]!);
      }
      return;
    }
    // Members were packed with their index, so the run is in item order: run[0] is the likely origin.
    const center = run[0]!;
    const centerGroup = group[center];
    let other = -1;
    for (let k = 1; k < run.length; k++) {
      const member = run[k]!;
      if (group[member] !== centerGroup) {
        add(center, member);
        if (other === -1) other = member;
      }
    }
    // Neighbours in the run too: when the first member is a false positive of
    // the band, consecutive copies still meet (linear, like the star).
    for (let k = 2; k < run.length; k++) if (group[run[k - 1]!] !== group[run[k]!]) add(run[k - 1]!, run[k]!);
    if (other === -1) return;
    for (let k = 1; k < run.length; k++) {
      const member = run[k]!;
      if (group[member] === centerGroup) add(other, member);
    }
  };
  // Every band's key of every item, band after band, made in one pass over each signature: read
  // band by band, the 400,000 signatures of a 5,000-article corpus were read 32 times over, a
  // cache miss each, and that was half of LSH's time.
  const { bands, rows } = params;
  const bandKeys = new Uint32Array(bands * total);
  for (let index = 0; index < total; index++) {
    const signature = signatures[index];
    for (let band = 0; band < bands; band++) {
      let hash = 0x811c9dc5 ^ band;
      for (let row = 0; row < rows; row++) hash = Math.imul(hash ^ (signature?.[band * rows + row] ?? 0), 0x01000193);
      bandKeys[band * total + index] = fmix32(hash) >>> keyShift;
    }
  }
  const order = new Uint32Array(total);
  const scratch = new Uint32Array(total);
  const sortedKeys = new Uint32Array(total);
  for (let band = 0; band < bands; band++) {
    const keys = bandKeys.subarray(band * total, (band + 1) * total);
    sortIndicesByKey(keys, order, scratch, sortedKeys);
    run.length = 0;
    let currentKey = -1;
    for (let position = 0; position < total; position++) {
      const index = order[position]!;
      const key = sortedKeys[position]!;
      if (key !== currentKey) {
        flush();
        run.length = 0;
        currentKey = key;
      }
      run.push(index);
    }
    flush();
  }
  const sorted = codes.subarray(0, count).sort();
  const first: number[] = [];
  const second: number[] = [];
  let previous = -1;
  for (const code of sorted) {
    if (code === previous) continue;
    previous = code;
    const i = Math.floor(code / total);
    first.push(i);
    second.push(code - i * total);
  }
  return { first: Uint32Array.from(first), second: Uint32Array.from(second) };
}

const RADIX = 1 << 16;
const counts = new Uint32Array(RADIX);

/**
 * `order` := 0 … n−1 sorted by `keys[i]`, ties in index order: a two-pass
 * (16 + 16 bit) least-significant-digit radix sort. Linear, where sorting
 * packed floats natively took most of LSH's time at 5,000 articles (32 sorts
 * of 400,000 numbers).
 */
export function sortIndicesByKey(keys: Uint32Array, order: Uint32Array, scratch: Uint32Array, sortedKeys?: Uint32Array): void {
  const n = keys.length;
  counts.fill(0);
  for (let i = 0; i < n; i++) counts[keys[i]! & 0xffff]!++;
  let sum = 0;
  for (let digit = 0; digit < RADIX; digit++) {
    const count = counts[digit]!;
    counts[digit] = sum;
    sum += count;
  }
  for (let i = 0; i < n; i++) scratch[counts[keys[i]! & 0xffff]!++] = i;
  counts.fill(0);
  for (let i = 0; i < n; i++) counts[keys[i]! >>> 16]!++;
  sum = 0;
  for (let digit = 0; digit < RADIX; digit++) {
    const count = counts[digit]!;
    counts[digit] = sum;
    sum += count;
  }
  for (let position = 0; position < n; position++) {
    const index = scratch[position]!;
    const key = keys[index]!;
    const to = counts[key >>> 16]!++;
    order[to] = index;
    // The keys in order too, so the caller reads them one after the other rather than each through its index.
    if (sortedKeys) sortedKeys[to] = key;
  }
}

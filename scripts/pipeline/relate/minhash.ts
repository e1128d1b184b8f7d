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
  for (const shingle of shingles) {
    for (let i = 0; i < count; i++) {
      const value = fmix32(shingle ^ (seedList[i] ?? 0));
      if (value < (signature[i] ?? 0)) signature[i] = value;
    }
  }
  return signature;
}

/**
 * Buckets larger than this are boilerplate repeated everywhere (a disclaimer,
 * a wire credit). Pairing every member with every other would be quadratic, so
 * such a bucket pairs each member with its first member only; callers order
 * items so the first is the likely origin, which is the pair that matters.
 */
export const MAX_BUCKET_CLIQUE = 40;

/**
 * Candidate pairs `[i, j]` (i < j, indices into `signatures`) that share at
 * least one band. `group[i]` marks items that must never pair (same article).
 *
 * Buckets are found by sorting, not with a Map of arrays: each band packs
 * (band key, item index) into one float64 and sorts the typed array natively,
 * so equal keys form runs. At 160k items × 32 bands this avoids millions of
 * small allocations (a Map version spent most of its time in the GC).
 */
export function lshCandidatePairs(
  signatures: readonly Uint32Array[],
  group: readonly number[],
  params: LshParams = DEFAULT_LSH,
): [number, number][] {
  const total = signatures.length;
  const indexBits = Math.max(1, Math.ceil(Math.log2(total + 1)));
  // 53 bits of float64 precision: keep the key's top bits when indices need more than 21.
  const keyShift = Math.max(0, indexBits - 21);
  const indexScale = 2 ** indexBits;
  const packed = new Float64Array(total);
  const seen = new Set<number>();
  const pairs: [number, number][] = [];
  const add = (x: number, y: number): void => {
    if (group[x] === group[y]) return;
    const i = Math.min(x, y);
    const j = Math.max(x, y);
    const key = i * total + j;
    if (seen.has(key)) return;
    seen.add(key);
    pairs.push([i, j]);
  };
  const run: number[] = [];
  const flush = (): void => {
    if (run.length < 2) return;
    // Members were packed with their index, so the run is in item order: run[0] is the likely origin.
    if (run.length > MAX_BUCKET_CLIQUE) {
      for (let k = 1; k < run.length; k++) add(run[0] ?? 0, run[k] ?? 0);
      return;
    }
    for (let x = 0; x < run.length; x++) {
      for (let y = x + 1; y < run.length; y++) add(run[x] ?? 0, run[y] ?? 0);
    }
  };
  for (let band = 0; band < params.bands; band++) {
    for (let index = 0; index < total; index++) {
      const signature = signatures[index];
      let hash = 0x811c9dc5 ^ band;
      for (let row = 0; row < params.rows; row++) {
        hash = Math.imul(hash ^ (signature?.[band * params.rows + row] ?? 0), 0x01000193);
      }
      packed[index] = (fmix32(hash) >>> keyShift) * indexScale + index;
    }
    packed.sort();
    let currentKey = -1;
    run.length = 0;
    for (const value of packed) {
      const key = Math.floor(value / indexScale);
      if (key !== currentKey) {
        flush();
        run.length = 0;
        currentKey = key;
      }
      run.push(value - key * indexScale);
    }
    flush();
  }
  pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  return pairs;
}

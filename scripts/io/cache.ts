/**
 * Edge: the content-hash cache of pipeline results, under .cache/briefing/.
 * A per-article key covers the article bytes, its metadata, the registry and
 * the pipeline version, so any change invalidates exactly the articles it
 * affects. The cross-corpus results are stored under a key of all the inputs
 * (`corpus-<key>.json`), so a run with nothing changed reads them back
 * instead of relating the whole corpus again.
 *
 * Article results (in the compact form of cache-codec.ts) live in pack files,
 * one line per entry (`<key> <json>`); each run that computes results adds one
 * pack. Not one file per article: on the build machine creating a file costs
 * the kernel up to 0.75 ms, so 5,000 entry files took 3–4 s of CPU, while one
 * 150 MB pack takes 0.2 s. `saveCache` drops packs no entry of which was used
 * and rewrites packs less than half used, so the cache stays near the size of
 * what the last run used.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusResult } from '../pipeline/run.ts';
import type { ArticleCache } from './pipeline-runner.ts';
import { shortHash } from '../pipeline/shared/hash.ts';
import { cacheLine, unpackResult } from './cache-codec.ts';
import { writeJson } from './write-json.ts';

const PACK = /^pack-[0-9a-f]+\.ndjson$/;

/** Where an entry's JSON is: bytes of a pack read whole, decoded only when the entry is asked for. */
interface PackedEntry {
  pack: string;
  bytes: Buffer;
  start: number;
  end: number;
}

export interface FileCache extends ArticleCache {
  /** Every entry, made here or on another thread, is written as `cacheLine` made it. */
  setLine(key: string, line: string): void;
  directory: URL;
  /** Names of the entries (article keys, `corpus-<key>`) this run read or wrote. */
  used: Set<string>;
  /** Entries read from the packs on the first `get`, by key. */
  packed: Map<string, PackedEntry> | undefined;
  /**
   * The pack of the entries this run computed, written as they come (holding
   * them until the end was ~300 MB of the build's memory at 5,000 articles)
   * under a temporary name; `saveCache` names it after its keys.
   */
  fresh: { fd: number; path: string; keys: string[] } | undefined;
}

/** Appends one entry to the run's pack, opening it on the first. */
function appendEntry(cache: FileCache, key: string, json: string): void {
  if (!cache.fresh) {
    const folder = fileURLToPath(cache.directory);
    mkdirSync(folder, { recursive: true });
    const path = join(folder, `writing-${process.pid}.tmp`);
    cache.fresh = { fd: openSync(path, 'w'), path, keys: [] };
  }
  writeSync(cache.fresh.fd, `${key} ${json}\n`);
  cache.fresh.keys.push(key);
}

function readPacks(folder: string): Map<string, PackedEntry> {
  const entries = new Map<string, PackedEntry>();
  if (!existsSync(folder)) return entries;
  for (const pack of readdirSync(folder).filter((name) => PACK.test(name)).sort()) {
    // As bytes: decoding a 150 MB pack into one string, then slicing it, took twice as long as decoding each entry.
    const bytes = readFileSync(join(folder, pack));
    for (let start = 0; start < bytes.length; ) {
      const newline = bytes.indexOf(0x0a, start);
      const end = newline === -1 ? bytes.length : newline;
      const space = bytes.indexOf(0x20, start);
      if (space > start && space < end) entries.set(bytes.toString('latin1', start, space), { pack, bytes, start: space + 1, end });
      start = end + 1;
    }
  }
  return entries;
}

const json = (entry: PackedEntry) => entry.bytes.toString('utf8', entry.start, entry.end);

export function loadCache(root: URL): FileCache {
  const directory = new URL('.cache/briefing/', root);
  const folder = fileURLToPath(directory);
  const cache: FileCache = {
    directory,
    used: new Set(),
    packed: undefined,
    fresh: undefined,
    hits: 0,
    get(key) {
      cache.packed ??= readPacks(folder);
      const entry = cache.packed.get(key);
      if (!entry) return undefined;
      try {
        const value = unpackResult(JSON.parse(json(entry)));
        cache.used.add(key);
        cache.hits++;
        return value;
      } catch {
        // A line cut short (a build stopped while writing): computed again.
        return undefined;
      }
    },
    set: (key, value) => cache.setLine(key, cacheLine(value)),
    setLine(key, line) {
      cache.used.add(key);
      appendEntry(cache, key, line);
    },
    holdsNone: () => (cache.packed ??= readPacks(folder)).size === 0,
    getCorpus(key) {
      const name = `corpus-${key}`;
      cache.used.add(name);
      try {
        return JSON.parse(readFileSync(join(folder, `${name}.json`), 'utf8')) as CorpusResult;
      } catch {
        // Missing or unreadable: computed again.
        return undefined;
      }
    },
    setCorpus(key, value) {
      const name = `corpus-${key}`;
      cache.used.add(name);
      // Streamed (and its folder made): one string of the whole corpus entry (38 MB at 5,000 articles) cost this thread about 2 s.
      writeJson(join(folder, `${name}.json`), value as unknown as Record<string, unknown>);
    },
  };
  return cache;
}

/**
 * Writes the entries this run computed as one pack, with the used entries of
 * packs it used less than half of, and removes what no entry of this run
 * needs: unused corpus files, packs it no longer needs, files of older cache
 * formats. Frees the cache's memory.
 */
export function saveCache(_root: URL, cache: FileCache): void {
  const folder = fileURLToPath(cache.directory);
  const packed = cache.packed ?? readPacks(folder);
  const perPack = new Map<string, { total: number; used: string[] }>();
  for (const [key, entry] of packed) {
    const counts = perPack.get(entry.pack) ?? { total: 0, used: [] };
    counts.total++;
    if (cache.used.has(key)) counts.used.push(key);
    perPack.set(entry.pack, counts);
  }
  const keep = new Set<string>();
  for (const [pack, { total, used }] of perPack) {
    if (used.length * 2 >= total) keep.add(pack);
    else for (const key of used) appendEntry(cache, key, json(packed.get(key)!));
  }
  if (cache.fresh) {
    const { fd, path, keys } = cache.fresh;
    closeSync(fd);
    // Sorted: entries made on two threads are written in the order they come in.
    const name = `pack-${shortHash([...keys].sort().join('\n'), 16)}.ndjson`;
    renameSync(path, join(folder, name));
    keep.add(name);
  }
  if (existsSync(folder)) {
    for (const name of readdirSync(folder)) {
      const needed = PACK.test(name) ? keep.has(name) : cache.used.has(name.replace(/\.json$/, ''));
      if (!needed) rmSync(join(folder, name));
    }
  }
  cache.packed = undefined;
  cache.fresh = undefined;
}

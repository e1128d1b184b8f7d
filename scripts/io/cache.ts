/**
 * Edge: the content-hash cache of pipeline results, one JSON file per key
 * under .cache/briefing/ (an article's results in the compact form of
 * cache-codec.ts). A per-article key covers the article bytes, its
 * metadata, the registry and the pipeline version, so any change invalidates
 * exactly the articles it affects. The cross-corpus results are stored under a
 * key of all the inputs (`corpus-<key>.json`), so a run with nothing changed
 * reads them back instead of relating the whole corpus again.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleCache, CorpusResult } from '../pipeline/run.ts';
import { packResult, unpackResult } from './cache-codec.ts';

export interface FileCache extends ArticleCache {
  directory: URL;
  used: Set<string>;
}

export interface CacheOptions {
  /** Writes one entry (the build hands entries to the pipeline's worker thread: scripts/io/article-pool.ts). */
  writeFile?: (path: string, text: string) => void;
}

export function loadCache(root: URL, { writeFile = writeFileSync }: CacheOptions = {}): FileCache {
  const directory = new URL('.cache/briefing/', root);
  const folder = fileURLToPath(directory);
  const used = new Set<string>();
  let created = false;
  const read = <T>(name: string): T | undefined => {
    used.add(name);
    try {
      return JSON.parse(readFileSync(join(folder, `${name}.json`), 'utf8')) as T;
    } catch {
      // Missing or unreadable: computed again.
      return undefined;
    }
  };
  const write = (name: string, value: unknown): void => {
    used.add(name);
    if (!created) mkdirSync(folder, { recursive: true });
    created = true;
    writeFile(join(folder, `${name}.json`), JSON.stringify(value));
  };
  const cache: FileCache = {
    directory,
    used,
    hits: 0,
    get(key) {
      const value = read<unknown>(key);
      if (!value) return undefined;
      cache.hits++;
      return unpackResult(value);
    },
    set: (key, value) => write(key, packResult(value)),
    getCorpus: (key) => read<CorpusResult>(`corpus-${key}`),
    setCorpus: (key, value) => write(`corpus-${key}`, value),
  };
  return cache;
}

/** Drop entries no article used in this run, so the cache does not grow without bound. */
export function saveCache(_root: URL, cache: FileCache): void {
  if (!existsSync(cache.directory)) return;
  for (const name of readdirSync(cache.directory)) {
    if (name.endsWith('.json') && !cache.used.has(name.slice(0, -5))) rmSync(new URL(name, cache.directory));
  }
}

/**
 * Edge: the content-hash cache of per-article pipeline results, one JSON file
 * per key under .cache/briefing/. A key covers the article bytes, its metadata,
 * the registry and the pipeline version, so any change invalidates exactly
 * the articles it affects.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { ArticleCache, ArticleResult } from '../pipeline/run.ts';

export interface FileCache extends ArticleCache {
  directory: URL;
  used: Set<string>;
}

export function loadCache(root: URL): FileCache {
  const directory = new URL('.cache/briefing/', root);
  const used = new Set<string>();
  const cache: FileCache = {
    directory,
    used,
    hits: 0,
    get(key) {
      used.add(key);
      const file = new URL(`${key}.json`, directory);
      if (!existsSync(file)) return undefined;
      try {
        const value = JSON.parse(readFileSync(file, 'utf8')) as ArticleResult;
        cache.hits++;
        return value;
      } catch {
        return undefined;
      }
    },
    set(key, value) {
      used.add(key);
      mkdirSync(directory, { recursive: true });
      writeFileSync(new URL(`${key}.json`, directory), JSON.stringify(value));
    },
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

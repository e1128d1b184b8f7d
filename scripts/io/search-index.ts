/**
 * Edge: the site's search index, one Pagefind bundle per shard
 * (scripts/io/search-shards.ts), several at a time, each bundle whose pages
 * are byte for byte those of the last build copied from it instead of
 * indexed again.
 *
 * Each shard is indexed by Pagefind's command line over a folder of hard
 * links to its pages, at the same paths under the site root, so its URLs are
 * the site's. The command line rather than the Node API: the API's service
 * mode held ~300 MB more for the same index at 5,000 articles (docs/bench.md).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { isSearchBundle, MERGED_BUNDLES_FILE, PRIMARY_BUNDLE } from '../../src/lib/search-bundles.ts';
import { mergedBundlesJson, planSearchShards, type SearchShard } from './search-shards.ts';

/** Where the shards' folders of links are made, inside the folder being built (removed with it if a build is killed). */
export const SHARD_SITES = '.search-shards';

/** Each bundle's digest: its pages' paths and bytes, and the indexer's identity. */
export type BundleDigests = Record<string, string>;

export interface SearchIndexOptions {
  /** The folder being built (absolute). */
  site: string;
  /** Pagefind's binary. */
  binary: string;
  /** The indexer's identity (its version and arguments): a bundle made by another is never kept. */
  indexer: string;
  /** The last complete output and its bundles' digests: bundles whose digest is unchanged are copied from it. */
  previous?: { site: string; digests: BundleDigests };
  /** Pagefind processes at a time. */
  concurrency: number;
}

export interface SearchIndexResult {
  /** Pages Pagefind indexed in this build (the kept bundles' pages are not counted). */
  indexedPages: number;
  built: string[];
  kept: string[];
  digests: BundleDigests;
}

/** The HTML files under `site`, relative, with `/` separators; the search bundles and the shards' folders are not pages. */
function htmlPages(site: string): string[] {
  const pages: string[] = [];
  const walk = (folder: string, prefix: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (prefix === '' && (entry.name === SHARD_SITES || isSearchBundle(entry.name))) continue;
      if (entry.isDirectory()) walk(join(folder, entry.name), `${prefix}${entry.name}/`);
      else if (entry.isFile() && entry.name.endsWith('.html')) pages.push(`${prefix}${entry.name}`);
    }
  };
  walk(site, '');
  return pages.sort();
}

function digestOf(site: string, shard: SearchShard, indexer: string): string {
  const digest = createHash('sha1').update(indexer).update('\0');
  for (const page of shard.pages) digest.update(page).update('\0').update(createHash('sha1').update(readFileSync(join(site, page))).digest()).update('\0');
  return digest.digest('hex');
}

/** Hard links to the shard's pages at their paths under a folder of their own (copies where links fail). */
function linkShard(site: string, shard: SearchShard): string {
  const folder = join(site, SHARD_SITES, shard.name);
  for (const page of shard.pages) {
    const to = join(folder, page);
    mkdirSync(dirname(to), { recursive: true });
    try {
      linkSync(join(site, page), to);
    } catch {
      copyFileSync(join(site, page), to);
    }
  }
  return folder;
}

function runPagefind(binary: string, shardSite: string, output: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ['--site', shardSite, '--output-path', output], { stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve(Number(/Indexed (\d+) pages/.exec(log)?.[1] ?? 0));
      else reject(new Error(`Pagefind failed on ${output} (exit ${code ?? signal})\n${log}`));
    });
  });
}

/**
 * Indexes `site` in bundles and writes the primary bundle's list of the
 * others. The largest shards start first, so the last to finish is a small one.
 */
export async function buildSearchIndex(options: SearchIndexOptions): Promise<SearchIndexResult> {
  const { site, binary, indexer, previous, concurrency } = options;
  const shards = planSearchShards(htmlPages(site));
  const result: SearchIndexResult = { indexedPages: 0, built: [], kept: [], digests: {} };
  const running = new Set<Promise<void>>();
  const failures: unknown[] = [];
  try {
    for (const shard of [...shards].sort((a, b) => b.pages.length - a.pages.length)) {
      // Hashing the next shard's pages overlaps the Pagefind processes already running.
      const digest = digestOf(site, shard, indexer);
      result.digests[shard.name] = digest;
      const kept = previous && previous.digests[shard.name] === digest ? join(previous.site, shard.name) : undefined;
      if (kept && existsSync(join(kept, 'pagefind-entry.json'))) {
        cpSync(kept, join(site, shard.name), { recursive: true });
        result.kept.push(shard.name);
        continue;
      }
      while (running.size >= Math.max(1, concurrency)) await Promise.race(running);
      if (failures.length > 0) break;
      const shardSite = linkShard(site, shard);
      const task: Promise<void> = runPagefind(binary, shardSite, join(site, shard.name))
        .then((pages) => {
          result.indexedPages += pages;
          result.built.push(shard.name);
        })
        .catch((error: unknown) => void failures.push(error))
        .finally(() => {
          rmSync(shardSite, { recursive: true, force: true });
          running.delete(task);
        });
      running.add(task);
    }
    await Promise.all(running);
  } finally {
    rmSync(join(site, SHARD_SITES), { recursive: true, force: true });
  }
  if (failures.length > 0) throw failures[0];
  writeFileSync(join(site, PRIMARY_BUNDLE, MERGED_BUNDLES_FILE), mergedBundlesJson(shards));
  result.built.sort();
  result.kept.sort();
  return result;
}

/**
 * The site's search index with Pagefind's own binary (the one its command
 * line runs; its npm wrapper would be one more Node process beside it), two
 * bundles at a time on two cores: each uses both while it parses its pages,
 * then one for its last third (docs/bench.md).
 */
export async function indexSite(site: string, previous?: SearchIndexOptions['previous']): Promise<SearchIndexResult> {
  const { resolveBinaryPath } = (await import(new URL('./resolveBinary.js', import.meta.resolve('pagefind')).href)) as { resolveBinaryPath(names: string[]): string };
  const binary = resolveBinaryPath(['pagefind_extended', 'pagefind']);
  // Not among the package's exports: beside its entry point's folder.
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.resolve('pagefind')), 'utf8')) as { version: string };
  const concurrency = Math.max(2, Math.floor(availableParallelism() / 2));
  return buildSearchIndex({ site, binary, indexer: `${binary.split('/').pop()} ${version}`, concurrency, ...(previous && { previous }) });
}

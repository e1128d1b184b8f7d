/** Edge: what a built site's dist/ holds, for the benchmark's tables (sizes, HTML pages, Pagefind's index). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { IndexedPage } from './site-figures.ts';
import { isSearchBundle } from '../../src/lib/search-bundles.ts';

export function sizeOf(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0);
}

/** Every HTML file under `dist`, its path relative to it (forward slashes) and its size. */
export function htmlFiles(dist: string): { path: string; bytes: number }[] {
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => {
      const full = join(entry.parentPath, entry.name);
      return { path: relative(dist, full).split(sep).join('/'), bytes: statSync(full).size };
    });
}

/** Pagefind prefixes its decompressed files with this signature. */
const PAGEFIND_SIGNATURE = 'pagefind_dcd';

/** The search index's bundle folders under `dist` (one for a bare site; several for the project, scripts/io/search-shards.ts). */
export function searchBundles(dist: string): string[] {
  return readdirSync(dist, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && isSearchBundle(entry.name))
    .map((entry) => join(dist, entry.name))
    .sort();
}

/**
 * The text Pagefind indexed, page by page: its fragment files
 * (`<bundle>/fragment/*.pf_fragment`, gzipped JSON with the page's URL and
 * content). Read back from the output rather than recomputed, so it is
 * exactly what the index holds, data-pagefind-ignore and all.
 */
export function readPagefindIndex(dist: string): IndexedPage[] {
  return searchBundles(dist).flatMap((bundle) => readBundle(join(bundle, 'fragment')));
}

function readBundle(folder: string): IndexedPage[] {
  let names: string[];
  try {
    names = readdirSync(folder).filter((name) => name.endsWith('.pf_fragment'));
  } catch {
    return [];
  }
  return names.map((name) => {
    let text = gunzipSync(readFileSync(join(folder, name))).toString('utf8');
    if (text.startsWith(PAGEFIND_SIGNATURE)) text = text.slice(PAGEFIND_SIGNATURE.length);
    const fragment = JSON.parse(text) as { url: string; content: string };
    return { url: fragment.url, content: fragment.content };
  });
}

/**
 * The search index's bundles, as the build writes them and the search UI
 * reads them (browser-safe: no Node modules). The build splits Pagefind's
 * index into bundles (scripts/io/search-shards.ts); the primary one lists the
 * others in `bundles.json`, and the UI merges them into its searches.
 */

/** The bundle Pagefind's UI loads first; the others are merged into it. */
export const PRIMARY_BUNDLE = 'pagefind';

/** In the primary bundle: the other bundles' folders. */
export const MERGED_BUNDLES_FILE = 'bundles.json';

/** A merged bundle's folder name, as the build writes it and the search UI accepts it. */
export const MERGED_BUNDLE = /^pagefind-(?:briefings|sources)-\d{1,4}$/;

/** Whether a folder at the site root is one of the search index's bundles. */
export function isSearchBundle(name: string): boolean {
  return name === PRIMARY_BUNDLE || MERGED_BUNDLE.test(name);
}

/** The merged bundles' folders (each ending in `/`) from a parsed `bundles.json`, checked: anything else is ignored. */
export function readMergedBundles(json: unknown): string[] {
  const merge = json !== null && typeof json === 'object' && 'merge' in json ? json.merge : undefined;
  return Array.isArray(merge) ? merge.filter((entry): entry is string => typeof entry === 'string' && entry.endsWith('/') && MERGED_BUNDLE.test(entry.slice(0, -1))) : [];
}

/**
 * The merged bundles' paths under `base` (the site's base URL), from the
 * primary bundle's `bundles.json`; none if it is missing or unreadable (an
 * index of one bundle, or the dev server, which has no index).
 */
export async function mergedBundlePaths(base: string): Promise<string[]> {
  const root = base.replace(/\/$/, '');
  try {
    const response = await fetch(`${root}/${PRIMARY_BUNDLE}/${MERGED_BUNDLES_FILE}`);
    if (!response.ok) return [];
    return readMergedBundles(await response.json()).map((folder) => `${root}/${folder}`);
  } catch {
    return [];
  }
}

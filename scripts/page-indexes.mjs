// @ts-check
/**
 * Astro's incremental builds (`experimental.incrementalBuild`) render a page
 * again when its `cacheKey` changes or when any module its route imports does.
 * The prebuilt pages' routes import the page indexes the briefing build writes
 * (src/generated/pages/{entities,sources}.json) so that the dev server sees a
 * new page without a restart; but an index changes with every added article,
 * and as code it would make every page of the route render again.
 *
 * An index only says which pages exist and each one's content hash, which is
 * the page's `cacheKey` (src/lib/prebuilt-page.ts): no page's HTML depends on
 * the rest of the list. So this plugin loads the indexes marked as content
 * data, as Astro marks its own content-collection data modules
 * (astro/dist/core/build/incremental-metadata.js), which leaves them out of the
 * routes' code hash. The page's own data is still tracked by its key.
 */
import { readFileSync } from 'node:fs';

/** The page indexes, by path (Vite ids are absolute paths, possibly with a query). */
const PAGE_INDEX = /[\\/]src[\\/]generated[\\/]pages[\\/](?:entities|sources)\.json$/;

/** @returns {import('vite').Plugin} */
export function pageIndexesAsContentData() {
  return {
    name: 'briefing:page-indexes-as-content-data',
    enforce: 'pre',
    /** @param {string} id */
    load(id) {
      if (!PAGE_INDEX.test(id)) return null;
      return { code: readFileSync(id, 'utf8'), meta: { astroIncremental: { kind: 'content-data' } } };
    },
  };
}

// @ts-check
import { availableParallelism } from 'node:os';

/**
 * `site` and `base` come from the environment so one build script serves local
 * previews, the GitHub Pages deploy (which sets both) and the e2e test that builds
 * under a sub-path. Plain JS so that astro.config.mjs and the TypeScript build share it.
 *
 * @param {Record<string, string | undefined>} env
 * @returns {{ site: string; base: string }}
 */
export function siteConfig(env) {
  const site = (env.SITE || 'http://localhost:4321').replace(/\/+$/, '');
  const rawBase = env.BASE || '/';
  const base = ('/' + rawBase.replace(/^\/+|\/+$/g, '') + '/').replace(/^\/\/$/, '/');
  return { site, base };
}

/**
 * How Astro renders the pages (astro.config.mjs, which says why), and how the
 * bench's `--bare-parallel` yardstick renders with the same settings: worker
 * threads, at least two; pages each worker has in hand.
 *
 * @returns {{ workers: number; concurrency: number }}
 */
export function renderSettings() {
  return { workers: Math.max(2, availableParallelism() - 1), concurrency: 4 };
}

/**
 * Edge: keeps Astro's incremental-build cache sound across interrupted builds.
 *
 * With `experimental.incrementalBuild` (astro.config.mjs) Astro keeps, in its
 * cache folder, a copy of every page it rendered and a manifest of their cache
 * keys, written once all pages are done. Pages are copied in as they render,
 * so a build killed halfway leaves copies newer than the manifest that
 * vouches for them; a later build could then restore the wrong page for a key.
 * A marker, written before Astro starts and removed once it succeeds, tells
 * the next build to drop the manifest and render every page.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Astro's `cacheDir` default: the project sets none. */
export const ASTRO_CACHE_DIR = 'node_modules/.astro';
/** Astro's incremental manifest (astro/dist/core/build/incremental.js). */
const MANIFEST = 'incremental-build.json';
const RUNNING = 'briefing-astro-build-running';

/**
 * Call before Astro starts. Returns true when the previous Astro build never
 * finished, in which case its manifest is gone and every page will render.
 */
export function beginAstroBuild(cacheDir: string): boolean {
  const unfinished = existsSync(join(cacheDir, RUNNING));
  if (unfinished) rmSync(join(cacheDir, MANIFEST), { force: true });
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(join(cacheDir, RUNNING), `${process.pid}\n`);
  return unfinished;
}

/** Call once Astro has exited successfully: its manifest matches its copies. */
export function endAstroBuild(cacheDir: string): void {
  rmSync(join(cacheDir, RUNNING), { force: true });
}

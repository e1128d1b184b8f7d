/**
 * `astro build` that does nothing when nothing changed: `node scripts/astro-build.ts [astro build args]`.
 *
 * Renders the site with Astro, then builds the Pagefind index, unless the
 * output folder was built from exactly the same inputs before (see
 * scripts/io/build-stamp.ts). A rebuild with no changed article then costs the
 * briefing pipeline's cached run and one hash over the project, instead of
 * rendering thousands of pages again. `--force` always builds.
 *
 * Astro and Pagefind build into a fresh folder beside the output
 * (`.<outDir>.next/`), which replaces the output only when both are done: a
 * build killed halfway leaves the previous output whole, never a mix of two
 * builds (Astro does not remove files of routes that are gone, and an
 * interrupted build left them in dist/, its sitemap and search index). The
 * stamp is removed before the swap and written after it, so it never vouches
 * for an output built from other inputs.
 *
 * Astro's own log is summed up as a progress line; ASTRO_LOG_FILE=<path>
 * appends the whole of it to that file (the bench reads Astro's step timings there).
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { astroInputState, changedInputs, forgetStamp, outputMark, readStamp, writeStamp } from './io/build-stamp.ts';
import { ASTRO_CACHE_DIR, beginAstroBuild, endAstroBuild } from './io/astro-cache.ts';
import { checkpoint } from './io/interrupt.ts';
import { runAstroQuietly } from './io/astro-log.ts';
import { createProgress } from './io/progress.ts';
import { removeInBackground, sweep } from './io/remove-in-background.ts';
import { indexSite, type BundleDigests, type SearchIndexOptions } from './io/search-index.ts';

const progress = createProgress({ prefix: 'astro-build' });

const root = process.cwd();
const args = process.argv.slice(2).filter((arg) => arg !== '--force');
const force = process.argv.includes('--force');
const outAt = args.findIndex((arg) => arg === '--outDir' || arg.startsWith('--outDir='));
const outDir = outAt === -1 ? 'dist' : args[outAt]!.startsWith('--outDir=') ? args[outAt]!.slice('--outDir='.length) : (args[outAt + 1] ?? 'dist');
/** Where this build renders before it replaces `outDir` (same parent folder, so the rename is atomic). */
const nextDir = join(dirname(outDir), `.${basename(outDir)}.next`);
/** The output this build replaces goes here, then is deleted in the background (scripts/io/remove-in-background.ts). */
const retiredPrefix = `.${basename(outDir)}.old`;
const retiredDir = join(dirname(outDir), `${retiredPrefix}-${process.pid}-${Date.now()}`);
// --force also renders every page again, instead of reusing those whose data and code are unchanged.
const astroArgs = [...args.filter((_, index) => outAt === -1 || (index !== outAt && (index !== outAt + 1 || args[outAt]!.includes('=')))), '--outDir', nextDir, ...(force ? ['--force'] : [])];

const state = astroInputState(root, args);
const previous = readStamp(root, outDir);
// Left by a build that was killed: never part of an output.
rmSync(resolve(root, nextDir), { recursive: true, force: true });
sweep(resolve(root, dirname(outDir)), retiredPrefix);
if (!force && previous?.fingerprint === state.fingerprint && previous.output === outputMark(root, outDir)) {
  console.log(`astro-build: no input changed since the last build of ${outDir}/; reusing it (--force to rebuild)`);
} else {
  if (previous && !force) {
    const changed = changedInputs(previous.files, state.files);
    console.log(`astro-build: ${changed.length} inputs changed since the last build (${changed.slice(0, 5).join(', ')}${changed.length > 5 ? ', …' : ''})`);
  }
  checkpoint('astro-start');
  // The CLI file is not in astro's package exports: find it next to the package's own package.json.
  const astro = join(dirname(createRequire(join(root, 'package.json')).resolve('astro/package.json')), 'bin', 'astro.mjs');
  const env = { ...process.env, BRIEFING_PAGEFIND: 'separate' };
  const astroCache = resolve(root, ASTRO_CACHE_DIR);
  if (beginAstroBuild(astroCache)) console.log('astro-build: the last Astro build did not finish; rendering every page');
  progress.start('Astro');
  const result = await runAstroQuietly(process.execPath, [astro, 'build', ...astroArgs], { cwd: root, env, log: process.env.ASTRO_LOG_FILE }, progress);
  progress.end(`${result.pages} pages${result.reused > 0 ? ` (${result.reused} unchanged, not rendered again)` : ''}${result.status === 0 ? '' : `, failed (exit ${result.status})`}`);
  if (result.status !== 0) process.exit(result.status);
  endAstroBuild(astroCache);
  checkpoint('astro-done');
  progress.start('Pagefind');
  // The last complete output's bundles may be kept, if it is still the output the stamp describes.
  const searchBundles = await indexBuiltSite(resolve(root, nextDir), !force && previous?.searchBundles && previous.output === outputMark(root, outDir) ? { site: resolve(root, outDir), digests: previous.searchBundles } : undefined);
  progress.end();
  checkpoint('pagefind-done');
  forgetStamp(root, outDir);
  const replacing = existsSync(resolve(root, outDir));
  if (replacing) renameSync(resolve(root, outDir), resolve(root, retiredDir));
  checkpoint('swap');
  renameSync(resolve(root, nextDir), resolve(root, outDir));
  if (replacing) removeInBackground(resolve(root, retiredDir));
  checkpoint('stamp');
  // The state from before the build: if a file changed while it ran, the next build sees it.
  writeStamp(root, outDir, state, searchBundles);
}

/**
 * Pagefind over the built site, after Astro has exited (see astro.config.mjs),
 * in bundles the search UI merges (scripts/io/search-index.ts); returns their
 * digests, for the next build to keep those whose pages it leaves unchanged.
 */
async function indexBuiltSite(site: string, previous: SearchIndexOptions['previous']): Promise<BundleDigests> {
  const started = performance.now();
  console.log('astro-build: Pagefind indexing…');
  const result = await indexSite(site, previous);
  const kept = result.kept.length > 0 ? `; ${result.kept.length} unchanged, kept` : '';
  progress.log(`astro-build: Pagefind indexed ${result.indexedPages} pages in ${((performance.now() - started) / 1000).toFixed(2)} s (${result.built.length + result.kept.length} bundles${kept})`);
  return result.digests;
}

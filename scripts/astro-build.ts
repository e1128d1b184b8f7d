/**
 * `astro build` that does nothing when nothing changed: `tsx scripts/astro-build.ts [astro build args]`.
 *
 * Renders the site with Astro, then builds the Pagefind index, unless the
 * output folder was built from exactly the same inputs before (see
 * scripts/io/build-stamp.ts). A rebuild with no changed article then costs the
 * briefing pipeline's cached run and one hash over the project, instead of
 * rendering thousands of pages again. `--force` always builds.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { astroInputState, changedInputs, outputMark, readStamp, writeStamp } from './io/build-stamp.ts';
import { runAstroQuietly } from './io/astro-log.ts';
import { createProgress } from './io/progress.ts';

const progress = createProgress({ prefix: 'astro-build' });

const root = process.cwd();
const args = process.argv.slice(2).filter((arg) => arg !== '--force');
const force = process.argv.includes('--force');
const outAt = args.indexOf('--outDir');
const outDir = outAt === -1 ? 'dist' : (args[outAt + 1] ?? 'dist');

const state = astroInputState(root, args);
const previous = readStamp(root, outDir);
if (!force && previous?.fingerprint === state.fingerprint && previous.output === outputMark(root, outDir)) {
  console.log(`astro-build: no input changed since the last build of ${outDir}/; reusing it (--force to rebuild)`);
} else {
  if (previous && !force) {
    const changed = changedInputs(previous.files, state.files);
    console.log(`astro-build: ${changed.length} inputs changed since the last build (${changed.slice(0, 5).join(', ')}${changed.length > 5 ? ', …' : ''})`);
  }
  // The CLI file is not in astro's package exports: find it next to the package's own package.json.
  const astro = join(dirname(createRequire(join(root, 'package.json')).resolve('astro/package.json')), 'bin', 'astro.mjs');
  const env = { ...process.env, BRIEFING_PAGEFIND: 'separate' };
  progress.start('Astro');
  const result = await runAstroQuietly(process.execPath, [astro, 'build', ...args], { cwd: root, env }, progress);
  progress.end(`${result.pages} pages${result.status === 0 ? '' : `, failed (exit ${result.status})`}`);
  if (result.status !== 0) process.exit(result.status);
  progress.start('Pagefind');
  await buildSearchIndex(join(root, outDir));
  progress.end();
  // The state from before the build: if a file changed while it ran, the next build sees it.
  writeStamp(root, outDir, state);
}

/**
 * Pagefind over the built site, after Astro has exited (see astro.config.mjs),
 * with the settings Starlight's end-of-build hook uses (the site folder, the
 * index in <site>/pagefind). Through the command line rather than the Node API:
 * the API's service mode held ~300 MB more for the same index at 5,000 articles
 * (docs/bench.md), and this step is the build's memory peak.
 */
async function buildSearchIndex(site: string): Promise<void> {
  const started = performance.now();
  // The binary the package's own command line runs (its npm wrapper would be one more Node process beside it).
  const { resolveBinaryPath } = (await import(new URL('./resolveBinary.js', import.meta.resolve('pagefind')).href)) as { resolveBinaryPath(names: string[]): string };
  const binary = resolveBinaryPath(['pagefind_extended', 'pagefind']);
  const result = spawnSync(binary, ['--site', site, '--output-path', join(site, 'pagefind')], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
    throw new Error(`Pagefind failed (exit ${result.status ?? result.signal ?? result.error?.message})`);
  }
  const pages = /Indexed (\d+) pages/.exec(result.stdout)?.[1] ?? '?';
  progress.log(`astro-build: Pagefind indexed ${pages} pages in ${((performance.now() - started) / 1000).toFixed(2)} s`);
}

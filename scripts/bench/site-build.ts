/**
 * One whole-site benchmark size: `npx node scripts/bench/site-build.ts --size 1000 [--seed 1] [--keep] [--bare-parallel]`.
 *
 * Writes a synthetic corpus into a temp copy of the project (site-project.ts)
 * and runs the real build there, as `npm run build` does: the briefing build
 * (scripts/build-briefings.ts), then Astro + Starlight + Pagefind
 * (scripts/astro-build.ts). Then it runs the same build again with nothing
 * changed, and once more after adding one article, and then the yardstick: a
 * bare Starlight site with as many pages as the first build made
 * (bare-site-build.ts). `--rounds N` then builds the project cold and the bare
 * site N − 1 more times, taking turns at going first, so that the ratio is a
 * median rather than one pair's. Prints one JSON line (`SiteResult`) after a
 * `BENCH_SITE ` marker.
 */
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './corpus.ts';
import { readSeeds } from './seeds.ts';
import { writeCorpus } from './write-corpus.ts';
import { createSiteProject, removeBuildOutputs } from './site-project.ts';
import { BUILD_NODE_FLAGS } from './node-flags.ts';
import { runMeasured } from './process-tree.ts';
import { astroPhases, briefingPhases, figuresByKind, pagefindSeconds, type BuildResult, type PairedRound, type PhaseResult, type SiteResult } from './site-figures.ts';
import { htmlFiles, readPagefindIndex, searchBundles, sizeOf } from './dist-files.ts';
import { buildBareSite } from './bare-site-build.ts';
import { renderSettings } from '../site-config.mjs';

const argument = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
/** The origin both builds get (the project's default, scripts/site-config.mjs), so both write a sitemap. */
const SITE = process.env.SITE ?? 'http://localhost:4321';

/** Runs a build step of the project, sampling the RSS of its process tree; returns its output too. */
async function phase(label: string, script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<PhaseResult & { output: string }> {
  const step = await runMeasured([...BUILD_NODE_FLAGS, script], cwd, env);
  console.error(`bench:   ${size} articles: ${label} ${step.seconds.toFixed(2)} s (CPU ${step.cpuSeconds?.toFixed(1) ?? '?'} s), peak RSS ${step.peakRssMiB.toFixed(0)} MiB`);
  appendFileSync(join(cwd, 'bench.log'), `\n=== ${label}\n${step.output}`);
  for (const line of step.output.split('\n')) if (line.startsWith('astro-build:')) console.error(`bench:     ${line}`);
  if (step.exitCode !== 0) throw new Error(`${label} failed (exit ${step.exitCode}):\n${step.output.slice(-4000)}`);
  return step;
}

async function build(directory: string): Promise<BuildResult> {
  const pipeline = await phase('briefing build', join(projectRoot, 'scripts/build-briefings.ts'), directory, { BRIEFING_ROOT: directory });
  // The project's Astro runs quietly (scripts/io/astro-log.ts): its step timings are in the log it is told to keep.
  const astroLog = join(directory, 'astro.log');
  rmSync(astroLog, { force: true });
  const astro = await phase('astro build', join(projectRoot, 'scripts/astro-build.ts'), directory, { ASTRO_LOG_FILE: astroLog });
  const pagefind = pagefindSeconds(astro.output);
  return {
    pipeline: { seconds: pipeline.seconds, cpuSeconds: pipeline.cpuSeconds, peakRssMiB: pipeline.peakRssMiB },
    astroSeconds: astro.seconds - pagefind,
    pagefindSeconds: pagefind,
    totalSeconds: pipeline.seconds + astro.seconds,
    cpuSeconds: pipeline.cpuSeconds !== undefined && astro.cpuSeconds !== undefined ? pipeline.cpuSeconds + astro.cpuSeconds : undefined,
    peakRssMiB: Math.max(pipeline.peakRssMiB, astro.peakRssMiB),
    briefingPhases: briefingPhases(pipeline.output),
    astroPhases: astroPhases(existsSync(astroLog) ? readFileSync(astroLog, 'utf8') : astro.output),
  };
}

const size = Number(argument('--size') ?? 100);
const seed = Number(argument('--seed') ?? 1);
const rounds = Math.max(1, Math.floor(Number(argument('--rounds') ?? 1)) || 1);
const { seeds, registryFiles } = readSeeds(new URL('../../', import.meta.url));
// One article more than the size: the last is held back, to be added to the built site.
const corpus = generateCorpus({ size: size + 1, seed, seeds, registryFiles });
const added = corpus.inputs.articles.pop()!;
const directory = mkdtempSync(join(tmpdir(), 'briefing-site-'));
try {
  createSiteProject(projectRoot, directory);
  writeCorpus(directory, corpus);
  const full = await build(directory);
  const rebuild = await build(directory);
  const dist = join(directory, 'dist');
  const html = htmlFiles(dist);
  const distBytes = sizeOf(dist);
  const kinds = figuresByKind(html, readPagefindIndex(dist));
  const indexMiB = searchBundles(dist).reduce((sum, bundle) => sum + sizeOf(bundle), 0) / 2 ** 20;
  const mdxMiB = sizeOf(join(directory, 'src', 'content', 'docs')) / 2 ** 20;
  // What an analyst does most: drop one more article into a built site and build again.
  writeFileSync(join(directory, added.file), added.bytes);
  console.error(`bench:   ${size} articles: adding ${added.file}`);
  const addOne = await build(directory);
  // The yardstick, in the same process and right after: same machine, same load.
  const buildBare = async () => {
    const result = await buildBareSite({ projectRoot, pages: html.length, articles: corpus.articles.slice(0, size).map((article) => article.text), site: SITE, keep: process.argv.includes('--keep'), render: process.argv.includes('--bare-parallel') ? renderSettings() : undefined });
    console.error(`bench:   ${size} articles: bare Starlight (${result.pages} pages) ${result.seconds.toFixed(2)} s (Pagefind ${result.pagefindSeconds.toFixed(2)} s), peak RSS ${result.peakRssMiB.toFixed(0)} MiB`);
    return result;
  };
  const bare = process.argv.includes('--no-bare') ? undefined : await buildBare();
  const paired: PairedRound[] = [];
  if (bare) {
    const pair = (project: BuildResult, yardstick: typeof bare): PairedRound => ({
      projectSeconds: project.totalSeconds,
      ...(project.cpuSeconds !== undefined && { projectCpuSeconds: project.cpuSeconds }),
      bareSeconds: yardstick.seconds,
      ...(yardstick.cpuSeconds !== undefined && { bareCpuSeconds: yardstick.cpuSeconds }),
    });
    paired.push(pair(full, bare));
    // The same corpus as the first build: without the added article, from no output and no cache.
    if (rounds > 1) rmSync(join(directory, added.file), { force: true });
    const coldProject = () => {
      removeBuildOutputs(directory);
      return build(directory);
    };
    for (let round = 2; round <= rounds; round++) {
      console.error(`bench:   ${size} articles: round ${round} of ${rounds}`);
      // Taking turns at going first: a slow spell early or late in the round then falls on each side alike.
      if (round % 2 === 0) {
        const yardstick = await buildBare();
        paired.push(pair(await coldProject(), yardstick));
      } else {
        const project = await coldProject();
        paired.push(pair(project, await buildBare()));
      }
    }
  }
  const result: SiteResult = {
    size,
    pages: html.length,
    full,
    rebuild,
    addOne,
    distMiB: distBytes / 2 ** 20,
    distBytes,
    kinds,
    bare,
    ...(paired.length > 1 && { rounds: paired }),
    indexMiB,
    mdxMiB,
  };
  console.log(`BENCH_SITE ${JSON.stringify(result)}`);
} finally {
  if (process.argv.includes('--keep')) console.error(`bench: kept ${directory}`);
  else rmSync(directory, { recursive: true, force: true });
}

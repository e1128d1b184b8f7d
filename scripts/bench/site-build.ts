/**
 * One whole-site benchmark size: `tsx scripts/bench/site-build.ts --size 1000 [--seed 1] [--keep]`.
 *
 * Writes a synthetic corpus into a temp copy of the project (site-project.ts)
 * and runs the real build there, as `npm run build` does: the briefing build
 * (scripts/build-briefings.ts), then Astro + Starlight + Pagefind
 * (scripts/astro-build.ts). Then it runs the same build again with nothing
 * changed. Prints one JSON line (`SiteResult`) after a `BENCH_SITE ` marker.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { generateCorpus } from './corpus.ts';
import { readSeeds } from './seeds.ts';
import { writeCorpus } from './write-corpus.ts';
import { createSiteProject } from './site-project.ts';
import { BUILD_NODE_FLAGS } from './node-flags.ts';
import { pagefindSeconds, type BuildResult, type PhaseResult, type SiteResult } from './site-figures.ts';

const argument = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Resident memory of a process and all its descendants (KiB), from /proc. */
function treeRssKiB(pid: number): number {
  let total = 0;
  const visit = (id: number) => {
    try {
      const status = readFileSync(`/proc/${id}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      for (const task of readdirSync(`/proc/${id}/task`)) {
        const children = readFileSync(`/proc/${id}/task/${task}/children`, 'utf8').trim();
        if (children) for (const child of children.split(/\s+/)) visit(Number(child));
      }
    } catch {
      // the process ended between two reads
    }
  };
  visit(pid);
  return total;
}

/** Runs a build step, sampling the RSS of its process tree; returns its output too. */
function phase(label: string, script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<PhaseResult & { output: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...BUILD_NODE_FLAGS, '--import', 'tsx', script], { cwd, env: { ...process.env, NODE_ENV: 'production', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, child.pid ? treeRssKiB(child.pid) : 0)), 100);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(sampler);
      const seconds = (performance.now() - started) / 1000;
      console.error(`bench:   ${size} articles: ${label} ${seconds.toFixed(2)} s, peak RSS ${(peak / 1024).toFixed(0)} MiB`);
      appendFileSync(join(cwd, 'bench.log'), `\n=== ${label}\n${output}`);
      for (const line of output.split('\n')) if (line.startsWith('astro-build:')) console.error(`bench:     ${line}`);
      if (code !== 0) return reject(new Error(`${label} failed (exit ${code}):\n${output.slice(-4000)}`));
      resolve({ seconds, peakRssMiB: peak / 1024, output });
    });
  });
}

function sizeOf(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0);
}

function countPages(path: string): number {
  return readdirSync(path, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile() && entry.name.endsWith('.html')).length;
}

async function build(directory: string): Promise<BuildResult> {
  const pipeline = await phase('briefing build', join(projectRoot, 'scripts/build-briefings.ts'), directory, { BRIEFING_ROOT: directory });
  const astro = await phase('astro build', join(projectRoot, 'scripts/astro-build.ts'), directory, {});
  const pagefind = pagefindSeconds(astro.output);
  return {
    pipeline: { seconds: pipeline.seconds, peakRssMiB: pipeline.peakRssMiB },
    astroSeconds: astro.seconds - pagefind,
    pagefindSeconds: pagefind,
    totalSeconds: pipeline.seconds + astro.seconds,
    peakRssMiB: Math.max(pipeline.peakRssMiB, astro.peakRssMiB),
  };
}

const size = Number(argument('--size') ?? 100);
const seed = Number(argument('--seed') ?? 1);
const { seeds, registryFiles } = readSeeds(new URL('../../', import.meta.url));
const corpus = generateCorpus({ size, seed, seeds, registryFiles });
const directory = mkdtempSync(join(tmpdir(), 'briefing-site-'));
try {
  createSiteProject(projectRoot, directory);
  writeCorpus(directory, corpus);
  const full = await build(directory);
  const rebuild = await build(directory);
  const result: SiteResult = {
    size,
    pages: countPages(join(directory, 'dist')),
    full,
    rebuild,
    distMiB: sizeOf(join(directory, 'dist')) / 2 ** 20,
    indexMiB: sizeOf(join(directory, 'dist', 'pagefind')) / 2 ** 20,
    mdxMiB: sizeOf(join(directory, 'src', 'content', 'docs')) / 2 ** 20,
  };
  console.log(`BENCH_SITE ${JSON.stringify(result)}`);
} finally {
  if (process.argv.includes('--keep')) console.error(`bench: kept ${directory}`);
  else rmSync(directory, { recursive: true, force: true });
}

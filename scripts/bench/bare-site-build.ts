/**
 * Edge: write the bare Starlight yardstick (bare-site.ts) into a temp folder and
 * build it as its users would, `astro build` with Starlight's own Pagefind hook.
 *
 * node_modules is a hard-linked copy of the project's (a few seconds, not
 * timed), not a symlink: Astro 7.3 resolves a symlinked node_modules to the
 * real path outside the site's root and then fails to find its own compiled
 * modules ("No cached compile metadata found", tried in this pass).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { bareSiteFiles, markdownWords, type BareSiteOptions } from './bare-site.ts';
import { htmlFiles, sizeOf } from './dist-files.ts';
import { runMeasured } from './process-tree.ts';
import { astroPhases, pagefindSeconds, type BareResult } from './site-figures.ts';

/** Caches that must stay private to the copy (Astro's and Vite's defaults live in node_modules). */
const PRIVATE_NODE_MODULES = ['.astro', '.vite', '.vite-temp', '.vitest-cache', '.cache'];

function installedVersion(projectRoot: string, name: string): string {
  return (JSON.parse(readFileSync(join(projectRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}

export async function buildBareSite(options: { projectRoot: string; pages: number; articles: readonly string[]; site?: string; keep?: boolean; render?: BareSiteOptions['render'] }): Promise<BareResult> {
  const directory = mkdtempSync(join(tmpdir(), 'bare-starlight-'));
  try {
    const dependencies = Object.fromEntries(['astro', '@astrojs/starlight'].map((name) => [name, installedVersion(options.projectRoot, name)]));
    const files = bareSiteFiles({ pages: options.pages, articles: options.articles, site: options.site, dependencies, render: options.render });
    for (const file of files) {
      const path = join(directory, file.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.text);
    }
    execFileSync('cp', ['-al', join(options.projectRoot, 'node_modules'), join(directory, 'node_modules')]);
    for (const name of PRIVATE_NODE_MODULES) rmSync(join(directory, 'node_modules', name), { recursive: true, force: true });

    const step = await runMeasured([join(directory, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], directory);
    writeFileSync(join(directory, 'bench.log'), step.output);
    if (step.exitCode !== 0) throw new Error(`bare Starlight build failed (exit ${step.exitCode}):\n${step.output.slice(-4000)}`);
    const pagefind = pagefindSeconds(step.output);
    const dist = join(directory, 'dist');
    return {
      pages: htmlFiles(dist).length,
      seconds: step.seconds,
      cpuSeconds: step.cpuSeconds,
      astroSeconds: step.seconds - pagefind,
      pagefindSeconds: pagefind,
      peakRssMiB: step.peakRssMiB,
      distBytes: sizeOf(dist),
      astroPhases: astroPhases(step.output),
      words: files.reduce((sum, file) => sum + (file.path.endsWith('.md') ? markdownWords(file.text) : 0), 0),
    };
  } finally {
    if (options.keep) console.error(`bench: kept ${directory}`);
    else rmSync(directory, { recursive: true, force: true });
  }
}

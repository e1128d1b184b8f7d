/** The whole-build benchmark's figures (scripts/bench/site-build.ts), and reading them from build logs (pure). */

export interface PhaseResult {
  seconds: number;
  peakRssMiB: number;
}

export interface BuildResult {
  pipeline: PhaseResult;
  /** Astro alone: the astro-build wall time minus Pagefind's own figure. */
  astroSeconds: number;
  pagefindSeconds: number;
  totalSeconds: number;
  peakRssMiB: number;
}

export interface SiteResult {
  size: number;
  pages: number;
  full: BuildResult;
  rebuild: BuildResult;
  distMiB: number;
  indexMiB: number;
  mdxMiB: number;
}

/**
 * Pagefind's time from the build log: scripts/astro-build.ts logs "Pagefind
 * indexed 5421 pages in 21.45 s"; Starlight's own hook (a plain `astro build`)
 * logs "Finished building search index in 1.23s" (or "in 456ms").
 */
export function pagefindSeconds(output: string): number {
  const ours = /Pagefind indexed \d+ pages in ([\d.]+) s/.exec(output);
  if (ours) return Number(ours[1]);
  const match = /Finished building search index in ([\d.]+)(ms|s)/.exec(output);
  if (!match) return 0;
  return match[2] === 'ms' ? Number(match[1]) / 1000 : Number(match[1]);
}


import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PairedRound, SiteResult } from '../../../scripts/bench/site-figures.ts';
import { formatRounds, median } from '../../../scripts/bench/table.ts';
import { removeBuildOutputs } from '../../../scripts/bench/site-project.ts';

function result(size: number, rounds: PairedRound[]): SiteResult {
  const build = { pipeline: { seconds: 1, peakRssMiB: 1 }, astroSeconds: 1, pagefindSeconds: 1, totalSeconds: 3, peakRssMiB: 1 };
  return { size, pages: size, full: build, rebuild: build, distMiB: 1, indexMiB: 1, mdxMiB: 1, rounds };
}

describe('median', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(median([])).toBeUndefined();
  });
});

describe('formatRounds', () => {
  it('gives the median wall and CPU ratios of the paired rounds, with each round listed', () => {
    const text = formatRounds([
      result(5000, [
        { projectSeconds: 190, projectCpuSeconds: 270, bareSeconds: 140, bareCpuSeconds: 170 },
        { projectSeconds: 200, projectCpuSeconds: 280, bareSeconds: 120, bareCpuSeconds: 145 },
        { projectSeconds: 150, projectCpuSeconds: 220, bareSeconds: 140, bareCpuSeconds: 200 },
      ]),
    ])!;
    // Wall ratios 1.36, 1.67 and 1.07: the median is the middle one, not the mean (1.37).
    expect(text).toMatch(/^5000 articles, 3 rounds: median wall ratio 1\.36× MISS \(1\.36×, 1\.67×, 1\.07×\); median CPU ratio 1\.59× MISS \(1\.59×, 1\.93×, 1\.10×\)/m);
    expect(text).toContain('wall s project/bare 190.0/140.0, 200.0/120.0, 150.0/140.0');
  });

  it('marks the target at 5,000 articles only, and leaves out CPU when a round lacks it', () => {
    const text = formatRounds([
      result(1000, [
        { projectSeconds: 50, bareSeconds: 25 },
        { projectSeconds: 54, projectCpuSeconds: 70, bareSeconds: 27, bareCpuSeconds: 35 },
      ]),
      result(5000, [
        { projectSeconds: 104, bareSeconds: 100 },
        { projectSeconds: 108, bareSeconds: 100 },
      ]),
    ])!;
    expect(text).toMatch(/^1000 articles, 2 rounds: median wall ratio 2\.00× \(2\.00×, 2\.00×\); wall s/m);
    expect(text).toMatch(/^5000 articles, 2 rounds: median wall ratio 1\.06× ok \(1\.04×, 1\.08×\)/m);
  });

  it('says nothing without a second round', () => {
    expect(formatRounds([result(1000, [{ projectSeconds: 50, bareSeconds: 25 }])])).toBeUndefined();
    expect(formatRounds([{ ...result(1000, []), rounds: undefined }])).toBeUndefined();
  });
});

describe('removeBuildOutputs', () => {
  const folders: string[] = [];
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  it('removes every output and cache of a site project and keeps its corpus and code', () => {
    const project = mkdtempSync(join(tmpdir(), 'bench-rounds-'));
    folders.push(project);
    const files = [
      'content/articles/a.txt',
      'scripts/build-briefings.ts',
      'src/components/X.astro',
      '.cache/briefing-build.json',
      'build/model.json',
      'dist/index.html',
      '.astro/data-store.json',
      'src/generated/pages/sources.json',
      'src/content/docs/index.mdx',
      'public/data/briefing.json.gz',
      'public/favicon.svg',
      'node_modules/.astro/incremental-build.json',
      'node_modules/astro/package.json',
    ];
    for (const file of files) {
      mkdirSync(join(project, file, '..'), { recursive: true });
      writeFileSync(join(project, file), 'x');
    }
    removeBuildOutputs(project);
    const kept = files.filter((file) => existsSync(join(project, file)));
    expect(kept).toEqual(['content/articles/a.txt', 'scripts/build-briefings.ts', 'src/components/X.astro', 'public/favicon.svg', 'node_modules/astro/package.json']);
    // The folders the builds write into are there again, empty, as createSiteProject leaves them.
    for (const folder of ['src/generated', 'src/content/docs', 'public/data']) expect(readdirSync(join(project, folder))).toEqual([]);
  });
});

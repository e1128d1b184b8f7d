/**
 * Reproducible builds (docs/reproducibility.md): the e2e setup builds the seed
 * site twice from the same input, pipeline and Astro and Pagefind, into dist/
 * and build/e2e-repro/; they must match file for file and byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { compareTrees, hashTree } from '../../scripts/quality/reproducible.ts';
import { reproOutDir } from './setup/constants.ts';

describe('reproducible build', () => {
  it('builds byte-identical output from the same input', () => {
    const first = hashTree('dist');
    const second = hashTree(reproOutDir);
    // Pages, assets, the search index, sitemap, feed and data: not a vacuous comparison.
    expect(first.size).toBeGreaterThan(100);
    expect([...first.keys()].some((path) => path.startsWith('pagefind/'))).toBe(true);
    expect(compareTrees(first, second)).toEqual({ onlyInFirst: [], onlyInSecond: [], changed: [] });
  });
});

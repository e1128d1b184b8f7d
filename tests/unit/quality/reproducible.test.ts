import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { compareTrees, hashTree } from '../../../scripts/quality/reproducible.ts';

const root = mkdtempSync(join(tmpdir(), 'repro-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function tree(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), content);
  }
  return dir;
}

describe('build comparison', () => {
  const base = { 'index.html': '<p>a</p>', 'actors/x/index.html': '<p>x</p>', 'sitemap-0.xml': '<urlset/>' };

  it('finds two identical builds identical', () => {
    expect(compareTrees(hashTree(tree('a', base)), hashTree(tree('b', base)))).toEqual({ onlyInFirst: [], onlyInSecond: [], changed: [] });
  });

  it('names every changed, missing and extra file, however deep', () => {
    const other = tree('c', { ...base, 'actors/x/index.html': '<p>x </p>', 'extra.js': '', 'sitemap-0.xml': '<urlset/>' });
    rmSync(join(other, 'index.html'));
    expect(compareTrees(hashTree(tree('d', base)), hashTree(other))).toEqual({
      onlyInFirst: ['index.html'],
      onlyInSecond: ['extra.js'],
      changed: ['actors/x/index.html'],
    });
  });

  it('leaves out documented exceptions only', () => {
    const other = tree('e', { ...base, 'sitemap-0.xml': '<urlset lastmod="now"/>', 'index.html': '<p>b</p>' });
    expect(compareTrees(hashTree(tree('f', base)), hashTree(other), (path) => path.startsWith('sitemap')).changed).toEqual(['index.html']);
  });
});

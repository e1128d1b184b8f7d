/**
 * The search index in bundles, with Pagefind's own binary over a small site
 * written here: what is indexed where, what a second build keeps, and that
 * what it keeps is what it would have built.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { buildSearchIndex, SHARD_SITES, type SearchIndexOptions } from '../../../scripts/io/search-index.ts';

const { resolveBinaryPath } = (await import(new URL('./resolveBinary.js', import.meta.resolve('pagefind')).href)) as { resolveBinaryPath(names: string[]): string };
const binary = resolveBinaryPath(['pagefind_extended', 'pagefind']);
const work = mkdtempSync(join(tmpdir(), 'search-index-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>${body}</p></main></body></html>`;

/** A built site: the home page, two briefing pages and three source pages. */
function writeSite(name: string, sourceText = 'harbour'): string {
  const site = join(work, name);
  const files: Record<string, string> = {
    'index.html': page('Home', 'the briefing'),
    'actors/alpha/index.html': page('Alpha', 'alpha commander'),
    'bases/bravo/index.html': page('Bravo', 'bravo airfield'),
    'sources/one/index.html': page('One', `first dispatch ${sourceText}`),
    'sources/two/index.html': page('Two', 'second dispatch convoy'),
    'sources/three/index.html': page('Three', 'third dispatch ceasefire'),
  };
  for (const [path, html] of Object.entries(files)) {
    mkdirSync(dirname(join(site, path)), { recursive: true });
    writeFileSync(join(site, path), html);
  }
  return site;
}

/** Every file of the search bundles, by path, with its bytes. */
function bundleFiles(site: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(site, path), readFileSync(path).toString('base64'));
    }
  };
  for (const name of readdirSync(site)) if (name.startsWith('pagefind')) walk(join(site, name));
  return files;
}

const build = (site: string, previous?: SearchIndexOptions['previous'], indexer = 'pagefind test') => buildSearchIndex({ site, binary, indexer, concurrency: 2, ...(previous && { previous }) });

describe('buildSearchIndex', () => {
  it('indexes the briefing pages in the primary bundle and the sources in a bundle the primary lists', async () => {
    const site = writeSite('first');
    const result = await build(site);
    expect(result.built).toEqual(['pagefind', 'pagefind-sources-0']);
    expect(result.kept).toEqual([]);
    expect(result.indexedPages).toBe(6);
    expect(JSON.parse(readFileSync(join(site, 'pagefind', 'bundles.json'), 'utf8'))).toEqual({ merge: ['pagefind-sources-0/'] });
    expect(readdirSync(join(site, 'pagefind', 'fragment'))).toHaveLength(3);
    expect(readdirSync(join(site, 'pagefind-sources-0', 'fragment'))).toHaveLength(3);
    // The folders of links are gone, and the pages themselves are untouched.
    expect(existsSync(join(site, SHARD_SITES))).toBe(false);
    expect(readFileSync(join(site, 'sources/one/index.html'), 'utf8')).toContain('first dispatch');
  }, 60_000);

  it('keeps the bundles whose pages did not change, byte for byte what it would have built', async () => {
    const previousSite = writeSite('previous');
    const previous = { site: previousSite, digests: (await build(previousSite)).digests };

    // The same pages: every bundle copied from the last build, none indexed.
    const same = writeSite('same');
    const kept = await build(same, previous);
    expect(kept.kept).toEqual(['pagefind', 'pagefind-sources-0']);
    expect(kept.built).toEqual([]);
    expect(kept.indexedPages).toBe(0);
    expect(bundleFiles(same)).toEqual(bundleFiles(previousSite));

    // One source page changed: its bundle indexed again, the other kept; the result equals a fresh build's.
    const edited = writeSite('edited', 'lighthouse');
    const partly = await build(edited, previous);
    expect(partly.kept).toEqual(['pagefind']);
    expect(partly.built).toEqual(['pagefind-sources-0']);
    const fresh = writeSite('fresh', 'lighthouse');
    await build(fresh);
    expect(bundleFiles(edited)).toEqual(bundleFiles(fresh));
    expect(bundleFiles(edited)).not.toEqual(bundleFiles(previousSite));
  }, 60_000);

  it('keeps nothing made by another indexer, or that the last output no longer holds', async () => {
    const previousSite = writeSite('before-upgrade');
    const previous = { site: previousSite, digests: (await build(previousSite)).digests };
    expect((await build(writeSite('upgraded'), previous, 'pagefind 9.9')).kept).toEqual([]);

    const damaged = join(work, 'damaged');
    cpSync(previousSite, damaged, { recursive: true });
    rmSync(join(damaged, 'pagefind-sources-0'), { recursive: true });
    const rebuilt = await build(writeSite('after-damage'), { site: damaged, digests: previous.digests });
    expect(rebuilt.kept).toEqual(['pagefind']);
    expect(rebuilt.built).toEqual(['pagefind-sources-0']);
  }, 60_000);

  it('fails when Pagefind cannot run, and leaves no folder of links behind', async () => {
    const site = writeSite('broken');
    await expect(buildSearchIndex({ site, binary: join(work, 'no-such-pagefind'), indexer: 'x', concurrency: 2 })).rejects.toThrow();
    expect(existsSync(join(site, SHARD_SITES))).toBe(false);
  }, 60_000);
});

import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { beginAstroBuild, endAstroBuild } from '../../../scripts/io/astro-cache.ts';

const temp = mkdtempSync(join(tmpdir(), 'briefing-astro-cache-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe("Astro's incremental cache across interrupted builds", () => {
  it('keeps the manifest after a build that finished, drops it after one that did not', () => {
    const cache = join(temp, 'node_modules', '.astro');
    const manifest = join(cache, 'incremental-build.json');

    // First build ever: no cache folder yet.
    expect(beginAstroBuild(cache)).toBe(false);
    mkdirSync(cache, { recursive: true });
    writeFileSync(manifest, '{}');
    endAstroBuild(cache);

    // A build that finishes leaves the manifest for the next one.
    expect(beginAstroBuild(cache)).toBe(false);
    expect(existsSync(manifest)).toBe(true);
    // …killed here: Astro had copied some pages in, and its manifest is the older one.

    expect(beginAstroBuild(cache)).toBe(true);
    expect(existsSync(manifest)).toBe(false);
    endAstroBuild(cache);
    expect(beginAstroBuild(cache)).toBe(false);
  });
});

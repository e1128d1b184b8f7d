/**
 * npm test must pass whatever content/ holds (the user's story, or nothing):
 * the briefing build runs here, as the CLI, on temporary project folders that
 * hold a copy of a fixture or an empty articles folder, never on content/.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));
const temporary: string[] = [];

/** A project folder with `content/` filled by `fill`; the build writes its pages there, not into this checkout. */
function projectWith(fill: (content: string) => void): string {
  const directory = mkdtempSync(join(tmpdir(), 'briefing-content-'));
  temporary.push(directory);
  fill(join(directory, 'content'));
  return directory;
}

function buildBriefings(directory: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [join(projectRoot, 'scripts/build-briefings.ts')], {
    cwd: projectRoot,
    env: { ...process.env, BRIEFING_ROOT: directory, CONTENT_DIR: 'content' },
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

afterAll(() => {
  for (const directory of temporary) rmSync(directory, { recursive: true, force: true });
});

describe('the briefing build on a content folder other than content/', () => {
  it('builds a copy of the second-story fixture (no registry, no site.yaml) with a title drawn from the articles', () => {
    const directory = projectWith((content) => cpSync(join(projectRoot, 'tests/fixtures/second-story/articles'), join(content, 'articles'), { recursive: true }));
    const { status, output } = buildBriefings(directory);
    expect(status, output).toBe(0);
    expect(output).toContain('read 6 article files, 0 registry files');
    const pages = JSON.parse(readFileSync(join(directory, 'src/generated/manifest.json'), 'utf8')) as unknown;
    expect(JSON.stringify(pages)).toContain('01-wire-white-house-summit');
    const site = JSON.parse(readFileSync(join(directory, 'src/generated/site.json'), 'utf8')) as { title: string; description: string };
    expect(site.description).toContain('built from 6 news articles');
    // Nothing of the seed story leaks in from this checkout's content/ or caches.
    expect(`${site.title} ${site.description}`).not.toMatch(/Syria|Russia’s military presence/);
  }, 120_000);

  it('builds an empty articles folder: a home page that says there are no sources yet', () => {
    const directory = projectWith((content) => mkdirSync(join(content, 'articles'), { recursive: true }));
    const { status, output } = buildBriefings(directory);
    expect(status, output).toBe(0);
    expect(output).toContain('read 0 article files, 0 registry files');
    const home = join(directory, 'src/content/docs/index.mdx');
    expect(existsSync(home), output).toBe(true);
    expect(readFileSync(home, 'utf8')).toMatch(/no sources yet/i);
  }, 120_000);
});

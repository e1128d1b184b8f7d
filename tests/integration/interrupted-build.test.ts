/**
 * Issue 12, "nothing stale, ever", and "builds from any checkout path".
 *
 * The project is copied into a folder whose path has spaces and non-ASCII
 * letters, and built there from a small invented corpus (A). Then builds of
 * a larger corpus (B: A plus an article and an entity, so B has pages A
 * lacks) are killed with SIGKILL at many points, each followed by a build of
 * A; the outputs must then equal the clean build of A byte for byte, with the
 * same file lists: the generated folders, the model, dist/.
 *
 * Kill points: the briefing build's checkpoints (scripts/io/interrupt.ts)
 * and, for Astro and Pagefind, the whole process group killed while they run.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSiteProject } from '../../scripts/bench/site-project.ts';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const fixture = fileURLToPath(new URL('../fixtures/small-corpus/', import.meta.url));
// Spaces and non-ASCII letters in the checkout path. ('#' is not among them: Vite cannot serve a root with '#', and says so.)
const parent = mkdtempSync(join(tmpdir(), 'briefing ü '));
const project = join(parent, 'Projekt Übersicht 1');

/** What a build produces, by path relative to the project → sha1. */
const OUTPUTS = ['src/content/docs', 'src/generated', 'public/data', 'build/model.json', 'dist'];

function snapshot(folders = OUTPUTS): Record<string, string> {
  const files: Record<string, string> = {};
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const child = join(path, entry.name);
      if (entry.isDirectory()) visit(child);
      else files[relative(project, child)] = createHash('sha1').update(readFileSync(child)).digest('hex');
    }
  };
  for (const folder of folders) {
    const path = join(project, folder);
    if (folder.endsWith('.json')) {
      if (existsSync(path)) files[folder] = createHash('sha1').update(readFileSync(path)).digest('hex');
    } else visit(path);
  }
  return files;
}

/** Corpus A, B (A plus one more article and entity), or C (A plus an article on a place A has, and no new name). */
function writeCorpus(which: 'A' | 'B' | 'C'): void {
  const content = join(project, 'content');
  rmSync(content, { recursive: true, force: true });
  cpSync(fixture, content, { recursive: true });
  if (which === 'B') {
    writeFileSync(
      join(content, 'articles', 'b01_new-envoy.txt'),
      'Valmora names a new envoy\n\nMAR 20, 2025\n\nValmora named Jon Berg as its envoy to Esteria on Thursday, officials said.\n\nBerg met Maria Lind in Northport on Friday.\n',
    );
    writeFileSync(
      join(content, 'entities', 'zz-extra.yaml'),
      '- id: jon-berg\n  kind: actor\n  subtype: person\n  name: Jon Berg\n  aliases: [Berg]\n  affiliation: [valmora]\n  description: Envoy of Valmora (invented, for tests).\n',
    );
  }
  if (which === 'C') {
    writeFileSync(join(content, 'articles', 'c01_harbour-reopens.txt'), 'The harbour reopens\n\nMAR 18, 2025\n\nThe harbour of Northport reopened to trade on Tuesday, port officials said.\n');
  }
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

/**
 * Runs a build script of the copy with the copy's own Node (node_modules/.bin
 * first on PATH, as npm scripts do). `killOn`: SIGKILL the whole process group
 * (Astro's and Pagefind's processes included) when the output matches.
 */
/** When to kill a build from outside: once its output matches, or once the check holds (polled). */
type KillWhen = RegExp | (() => boolean);

function build(script: 'build-briefings' | 'astro-build', env: NodeJS.ProcessEnv = {}, killOn?: KillWhen, args: string[] = []): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`scripts/${script}.ts`, ...args], {
      cwd: project,
      detached: true,
      env: { ...process.env, NODE_ENV: 'production', PATH: `${join(project, 'node_modules/.bin')}:${process.env.PATH}`, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let killed = false;
    const kill = () => {
      if (killed) return;
      killed = true;
      process.kill(-child.pid!, 'SIGKILL');
    };
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (killOn instanceof RegExp && killOn.test(output)) kill();
    };
    const poll = typeof killOn === 'function' ? setInterval(() => killOn() && kill(), 5) : undefined;
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearInterval(poll);
      // The group too: a Pagefind or Astro worker outliving its parent would write on.
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
      resolve({ code, signal: killed ? 'SIGKILL' : signal, output });
    });
  });
}

async function complete(script: 'build-briefings' | 'astro-build', args: string[] = []): Promise<Run> {
  const run = await build(script, {}, undefined, args);
  expect(run.code, run.output.slice(-3000)).toBe(0);
  return run;
}

async function interrupted(script: 'build-briefings' | 'astro-build', point: string, killOn?: KillWhen): Promise<Run> {
  const run = await build(script, killOn ? {} : { BRIEFING_INTERRUPT: point }, killOn);
  expect(run.signal, `${point}: the build was not killed\n${run.output.slice(-2000)}`).toBe('SIGKILL');
  return run;
}

let clean: Record<string, string>;
let cleanBriefing: Record<string, string>;
const briefingOutputs = OUTPUTS.filter((folder) => folder !== 'dist');

/**
 * The folders Astro and Pagefind build in, or that a build retired: none may
 * stay. A retired output is deleted by a detached process after the build
 * returns (scripts/io/remove-in-background.ts), so this waits for that, up to
 * a minute; `.dist.next` must already be gone.
 */
async function leftoverBuildFolders(): Promise<string[]> {
  const left = () => readdirSync(project).filter((name) => name.startsWith('.dist'));
  expect(left().filter((name) => !name.startsWith('.dist.old'))).toEqual([]);
  for (let waited = 0; left().length > 0 && waited < 60_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
  return left();
}
const pointsTested: string[] = [];

beforeAll(async () => {
  mkdirSync(project, { recursive: true });
  createSiteProject(projectRoot, project);
  writeCorpus('A');
  await complete('build-briefings');
  await complete('astro-build');
  clean = snapshot();
  cleanBriefing = snapshot(briefingOutputs);
});

afterAll(async () => {
  // The last build's old output may still be being deleted by its detached process, and Node's
  // rmSync returns early, leaving the rest, when an entry vanishes under it (force ignores the
  // ENOENT): one clean-clone run left 669 MB of this folder in the temp directory.
  for (let attempt = 0; attempt < 20 && existsSync(parent); attempt++) {
    rmSync(parent, { recursive: true, force: true, maxRetries: 3 });
    if (existsSync(parent)) await new Promise((resolve) => setTimeout(resolve, 250));
  }
  expect(existsSync(parent), `${parent} could not be deleted`).toBe(false);
  console.log(`interruption points tested: ${pointsTested.length} (${pointsTested.join(', ')})`);
});

describe('a checkout path with spaces and non-ASCII letters', () => {
  it('builds the briefing pages and the site there', () => {
    expect(Object.keys(clean).filter((file) => /^dist\/sources\/[^/]+\/index\.html$/.test(file))).toHaveLength(3);
    expect(clean['dist/actors/maria-lind/index.html']).toBeDefined();
    expect(clean['dist/pagefind/pagefind-entry.json']).toBeDefined();
    expect(Object.keys(clean).filter((file) => file.startsWith('src/content/docs/')).length).toBeGreaterThan(5);
  });
});

describe('an interrupted build leaves nothing stale', () => {
  // Each: build B killed at the point, then A built in full; the briefing outputs must be A's, exactly.
  // Before any output, after the cache, after the first and a late page, during the model write, after all outputs but before the stamp.
  const briefingPoints = ['start', 'cache', 'page:1', 'page:12', 'model', 'written'];
  for (const point of briefingPoints) {
    it(`briefing build killed at "${point}"`, async () => {
      writeCorpus('B');
      await interrupted('build-briefings', point);
      writeCorpus('A');
      await complete('build-briefings');
      expect(snapshot(briefingOutputs)).toEqual(cleanBriefing);
      pointsTested.push(`briefing ${point}`);
    });
  }

  it('Astro and Pagefind killed before the swap: dist/ stays the last complete build, and the next build equals a clean one', async () => {
    writeCorpus('B');
    await complete('build-briefings');
    // While Astro renders, while Pagefind indexes, and between them.
    const astroPoints: [string, KillWhen | undefined][] = [
      ['astro-start', undefined],
      // Once Astro has begun to write the next output.
      ['during astro', () => existsSync(join(project, '.dist.next'))],
      ['during pagefind', /Pagefind indexing/],
      ['pagefind-done', undefined],
    ];
    for (const [point, killOn] of astroPoints) {
      await interrupted('astro-build', point, killOn);
      // The output in place is still exactly the last complete build.
      expect(snapshot(['dist']), point).toEqual(Object.fromEntries(Object.entries(clean).filter(([file]) => file.startsWith('dist/'))));
      pointsTested.push(`astro ${point}`);
    }
    writeCorpus('A');
    await complete('build-briefings');
    const reuse = await complete('astro-build');
    expect(reuse.output).toContain('reusing it');
    expect(snapshot()).toEqual(clean);
    expect(await leftoverBuildFolders()).toEqual([]);
  });

  it('killed during the swap and before the stamp: the next build rebuilds, never trusts the stamp, and equals a clean one', async () => {
    writeCorpus('B');
    await complete('build-briefings');
    await interrupted('astro-build', 'swap');
    pointsTested.push('astro swap');
    // dist/ is gone mid-swap; the stamp of A was removed before it.
    await interrupted('astro-build', 'stamp');
    pointsTested.push('astro stamp');
    // dist/ now holds B, and no stamp: building A must render again, not reuse.
    writeCorpus('A');
    await complete('build-briefings');
    const rebuild = await complete('astro-build');
    expect(rebuild.output).not.toContain('reusing it');
    expect(snapshot()).toEqual(clean);
    expect(await leftoverBuildFolders()).toEqual([]);
  });

  it('keeps a no-change rebuild cheap: both stamps skip all work', async () => {
    const briefing = await complete('build-briefings');
    expect(briefing.output).toContain('nothing to do');
    const astro = await complete('astro-build');
    expect(astro.output).toContain('reusing it');
    expect(snapshot()).toEqual(clean);
    expect(pointsTested.length).toBeGreaterThanOrEqual(10);
  });
});

describe('an incremental rebuild', () => {
  it('renders again only the pages whose data changed, and its output equals a full render of the same content', async () => {
    writeCorpus('A');
    await complete('build-briefings');
    await complete('astro-build');
    writeCorpus('C');
    await complete('build-briefings');
    const incremental = await complete('astro-build');
    const pages = Number(/Astro: (\d+) pages/.exec(incremental.output)?.[1]);
    const reused = Number(/\((\d+) unchanged, not rendered again\)/.exec(incremental.output)?.[1] ?? 0);
    // Sources a01–a03 and the people's pages say nothing of the new article: they are reused.
    expect(reused, incremental.output.slice(-2000)).toBeGreaterThanOrEqual(3);
    // The new source page and Northport's are rendered.
    expect(reused).toBeLessThan(pages - 1);
    const northport = readFileSync(join(project, 'dist/places/northport/index.html'), 'utf8');
    expect(northport).toContain('reopened to trade');
    expect(existsSync(join(project, 'dist/sources/c01-harbour-reopens/index.html')) || readdirSync(join(project, 'dist/sources')).some((name) => name.includes('harbour-reopens'))).toBe(true);
    const reusedOutput = snapshot(['dist']);

    // The same content rendered from scratch: byte for byte what the incremental build left.
    const full = await complete('astro-build', ['--force']);
    expect(full.output).not.toContain('not rendered again');
    expect(snapshot(['dist'])).toEqual(reusedOutput);
  });
});

describe('whatever content/ holds', () => {
  it('builds an empty content folder (no articles, no registry, no site.yaml): a home page that says there are no sources yet', async () => {
    const content = join(project, 'content');
    rmSync(content, { recursive: true, force: true });
    mkdirSync(join(content, 'articles'), { recursive: true });
    await complete('build-briefings');
    await complete('astro-build');
    const home = readFileSync(join(project, 'dist/index.html'), 'utf8');
    expect(home).toContain('no sources yet');
    expect(existsSync(join(project, 'dist/actors/maria-lind/index.html'))).toBe(false);
    expect(readdirSync(join(project, 'dist/sources')).filter((name) => name !== 'index.html')).toEqual([]);
  });
});

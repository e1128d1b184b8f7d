/**
 * Builds the site twice (at "/" and under a sub-path base), the hostile corpus
 * and the second story, and serves them
 * with `astro preview` for the browser tests. Set E2E_SKIP_BUILD=1 to reuse
 * existing builds while iterating on a test.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { hostileContentDir, hostileOutDir, seedContentDir, hostileUrl, ports, reproOutDir, rootUrl, secondStoryContentDir, secondStoryOutDir, secondStoryUrl, subpathBase, subpathOutDir, subpathUrl } from './constants.ts';
import { writeFileSystemCases, writeHostileCorpus } from '../../fixtures/hostile-corpus.ts';

const servers: ChildProcess[] = [];

/**
 * Vitest sets NODE_ENV=test, which would make Astro build in development mode
 * (no search index, dev-only warnings): children get a production environment.
 */
function childEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...process.env, NODE_ENV: 'production', ...env };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, args, { stdio: 'inherit', env: childEnv(env) });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status}`);
}

async function waitFor(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`server at ${url} did not start within ${timeoutMs} ms`);
}

function serve(port: number, env: NodeJS.ProcessEnv, outDir?: string): ChildProcess {
  // --ignore-lock: Astro allows one tracked preview server per project; these three (and any other) must coexist.
  const args = ['astro', 'preview', '--ignore-lock', '--port', String(port), '--host', '127.0.0.1'];
  if (outDir) args.push('--outDir', outDir);
  const child = spawn('npx', args, { env: childEnv(env), stdio: 'ignore', detached: true });
  servers.push(child);
  return child;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const skipBuild =
    process.env.E2E_SKIP_BUILD === '1' && [`dist`, subpathOutDir, hostileOutDir, reproOutDir, secondStoryOutDir].every((dir) => existsSync(`${dir}/index.html`));
  if (!skipBuild) {
    // The hostile corpus first: its generated pages are then replaced by the real build.
    writeHostileCorpus(hostileContentDir);
    // File names, symlinks (one leading outside the project), encodings and YAML bombs beside the payloads.
    writeFileSystemCases(resolve(hostileContentDir), mkdtempSync(join(tmpdir(), 'hostile-outside-')));
    run('npx', ['tsx', 'scripts/build-briefings.ts'], { CONTENT_DIR: hostileContentDir });
    run('npx', ['astro', 'build', '--outDir', hostileOutDir], {});
    // The second story, with no registry: every page it gets comes from the texts.
    run('npx', ['tsx', 'scripts/build-briefings.ts'], { CONTENT_DIR: secondStoryContentDir });
    run('npx', ['astro', 'build', '--outDir', secondStoryOutDir], {});
    // The site under test is built from the seed-story fixture, never from content/ (whatever the user keeps there).
    run('npm', ['run', 'build'], { CONTENT_DIR: seedContentDir });
    // The same build again, right away (pipeline, Astro, Pagefind), for the reproducibility check.
    rmSync(reproOutDir, { recursive: true, force: true });
    run('npx', ['tsx', 'scripts/build-briefings.ts'], { CONTENT_DIR: seedContentDir });
    run('npx', ['astro', 'build', '--outDir', reproOutDir], {});
    run('npx', ['astro', 'build', '--outDir', subpathOutDir], { BASE: subpathBase });
  }
  serve(ports.root, {});
  serve(ports.subpath, { BASE: subpathBase }, subpathOutDir);
  serve(ports.hostile, {}, hostileOutDir);
  serve(ports.second, {}, secondStoryOutDir);
  await waitFor(`${rootUrl}/`);
  await waitFor(`${secondStoryUrl}/`);
  await waitFor(`${subpathUrl}/`);
  await waitFor(`${hostileUrl}/`);
  project.provide('chromePath', process.env.CHROME_PATH ?? '/usr/bin/chromium');
  return async () => {
    for (const server of servers) {
      if (server.pid) {
        try {
          process.kill(-server.pid, 'SIGTERM');
        } catch {
          // already gone
        }
      }
    }
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    chromePath: string;
  }
}

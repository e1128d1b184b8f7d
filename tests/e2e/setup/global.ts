/**
 * Builds the sites (./build-sites.ts) unless `npm test` has just built them,
 * and serves them with `astro preview` for the browser tests. Set
 * E2E_SKIP_BUILD=1 to reuse existing builds while iterating on a test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { hostileOutDir, hostileUrl, ports, reproOutDir, rootUrl, secondStoryOutDir, secondStoryUrl, subpathBase, subpathOutDir, subpathUrl } from './constants.ts';
import { buildSites, childEnv } from './build-sites.ts';
import { findChromium } from '../../../scripts/tools/chromium.ts';

const servers: ChildProcess[] = [];

/** The server's response at `url`, or undefined when nothing answers there. */
async function responseAt(url: string): Promise<Response | undefined> {
  try {
    return await fetch(url);
  } catch {
    return undefined;
  }
}

async function waitFor(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await responseAt(url))?.ok) return;
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
  // npm test builds the sites beforehand (scripts/test.ts); E2E_SKIP_BUILD=1 reuses existing builds while iterating on a test.
  const reuse =
    process.env.E2E_SITES_BUILT === '1' ||
    (process.env.E2E_SKIP_BUILD === '1' && [`dist`, subpathOutDir, hostileOutDir, reproOutDir, secondStoryOutDir].every((dir) => existsSync(`${dir}/index.html`)));
  if (!reuse) buildSites();
  // A preview server left by an interrupted run would answer in place of ours, serving another build.
  const taken = (await Promise.all(Object.values(ports).map(async (port) => ((await responseAt(`http://127.0.0.1:${port}/`)) ? [port] : [])))).flat();
  if (taken.length > 0) throw new Error(`something already answers at ${taken.map((port) => `127.0.0.1:${port}`).join(', ')} (a preview server left by an interrupted run?): stop it, then run the tests again`);
  serve(ports.root, {});
  serve(ports.subpath, { BASE: subpathBase }, subpathOutDir);
  serve(ports.hostile, {}, hostileOutDir);
  serve(ports.second, {}, secondStoryOutDir);
  await waitFor(`${rootUrl}/`);
  await waitFor(`${secondStoryUrl}/`);
  await waitFor(`${subpathUrl}/`);
  await waitFor(`${hostileUrl}/`);
  const chromePath = findChromium();
  if (!chromePath) throw new Error('no Chromium for the browser tests: install Debian\'s chromium-headless-shell (or chromium), or set CHROME_PATH');
  project.provide('chromePath', chromePath);
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

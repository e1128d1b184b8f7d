/**
 * Builds the sites the browser tests read: the hostile corpus, the second
 * story, the seed story (at "/", again for the reproducibility check, and
 * under a sub-path base). The e2e global setup calls it; `npm test` runs this
 * file itself while the integration tests finish, so that the builds use the
 * core the unit tests have left, and tells the setup (E2E_SITES_BUILT=1).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostileContentDir, hostileOutDir, reproOutDir, secondStoryContentDir, secondStoryOutDir, seedContentDir, subpathBase, subpathOutDir } from './constants.ts';
import { writeFileSystemCases, writeHostileCorpus } from '../../fixtures/hostile-corpus.ts';

/**
 * Vitest sets NODE_ENV=test, which would make Astro build in development mode
 * (no search index, dev-only warnings): children get a production environment.
 */
export function childEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...process.env, NODE_ENV: 'production', ...env };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, args, { stdio: 'inherit', env: childEnv(env) });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status}`);
}

export function buildSites(): void {
  // The hostile corpus first: its generated pages are then replaced by the real build.
  writeHostileCorpus(hostileContentDir);
  // File names, symlinks (one leading outside the project), encodings and YAML bombs beside the payloads.
  const outside = mkdtempSync(join(tmpdir(), 'hostile-outside-'));
  try {
    writeFileSystemCases(resolve(hostileContentDir), outside);
    run(process.execPath, ['scripts/build-briefings.ts'], { CONTENT_DIR: hostileContentDir });
  } finally {
    // Only the briefing build reads it (through the symlink that leads out of the project).
    rmSync(outside, { recursive: true, force: true });
  }
  run('npx', ['astro', 'build', '--outDir', hostileOutDir], {});
  // The second story, with no registry: every page it gets comes from the texts.
  run(process.execPath, ['scripts/build-briefings.ts'], { CONTENT_DIR: secondStoryContentDir });
  run('npx', ['astro', 'build', '--outDir', secondStoryOutDir], {});
  // The site under test is built from the seed-story fixture, never from content/ (whatever the user keeps there).
  run('npm', ['run', 'build'], { CONTENT_DIR: seedContentDir });
  // The same build again, right away (pipeline, Astro, Pagefind), for the reproducibility check.
  rmSync(reproOutDir, { recursive: true, force: true });
  run(process.execPath, ['scripts/build-briefings.ts'], { CONTENT_DIR: seedContentDir });
  // --force: rendered again from scratch, not restored from the first build's incremental cache.
  run('npx', ['astro', 'build', '--force', '--outDir', reproOutDir], {});
  run('npx', ['astro', 'build', '--outDir', subpathOutDir], { BASE: subpathBase });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    buildSites();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

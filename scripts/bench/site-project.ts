/**
 * Edge: a throw-away copy of the site project for a full-site benchmark build,
 * so a 5,000-article build never touches the shared working tree (its
 * src/content/docs, dist/, caches) and needs no build lock.
 *
 * Code and config are copied (they are small); node_modules is copied as hard
 * links (a few seconds, no extra disk), without its caches (.astro, .vite), so
 * Astro's and Vite's caches stay private to the copy. Symlinks do not work:
 * Node resolves them to the real project, and Astro's build then finds its own
 * packages outside the project root.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Entries of the project copied as they are. */
const COPIED = ['package.json', 'package-lock.json', 'tsconfig.json', 'astro.config.mjs', 'scripts'];
/** Entries of src/ copied as they are (the rest of src/ is generated per corpus). */
const COPIED_SRC = ['components', 'lib', 'pages', 'scripts', 'styles', 'content.config.ts'];
/** Caches and outputs that must never be shared with the real project. */
const PRIVATE_NODE_MODULES = ['.astro', '.vite', '.vite-temp', '.vitest-cache', '.cache'];

/** What the builds write in a site project: removed, the next build starts as cold as the first. */
const BUILT = ['.cache', 'build', 'dist', '.astro', 'src/generated', 'src/content/docs', 'public/data', ...PRIVATE_NODE_MODULES.map((name) => `node_modules/${name}`)];

/** Back to the state `createSiteProject` left, with the corpus kept: no output, no cache. */
export function removeBuildOutputs(directory: string): void {
  for (const name of BUILT) rmSync(join(directory, name), { recursive: true, force: true });
  for (const name of ['src/content/docs', 'src/generated', 'public/data']) mkdirSync(join(directory, name), { recursive: true });
}

export function createSiteProject(projectRoot: string, directory: string): void {
  const copy = (from: string, to: string) => {
    if (existsSync(from)) cpSync(from, to, { recursive: true });
  };
  for (const name of COPIED) copy(join(projectRoot, name), join(directory, name));
  mkdirSync(join(directory, 'src', 'content', 'docs'), { recursive: true });
  mkdirSync(join(directory, 'src', 'generated'), { recursive: true });
  for (const name of COPIED_SRC) copy(join(projectRoot, 'src', name), join(directory, 'src', name));
  mkdirSync(join(directory, 'public', 'data'), { recursive: true });
  for (const name of readdirSync(join(projectRoot, 'public'))) {
    if (name !== 'data') copy(join(projectRoot, 'public', name), join(directory, 'public', name));
  }
  execFileSync('cp', ['-al', join(projectRoot, 'node_modules'), join(directory, 'node_modules')]);
  // Unlinking a hard link leaves the real project's file alone.
  for (const name of PRIVATE_NODE_MODULES) rmSync(join(directory, 'node_modules', name), { recursive: true, force: true });
}

/**
 * Edge: a fingerprint of everything `astro build` reads, so a build whose
 * inputs did not change since the last successful build of the same output
 * folder can reuse that output instead of rendering every page again.
 *
 * Why here and not in Astro: Astro 7.2's experimental incremental build skips
 * a page only when its route returns a `cacheKey` from getStaticPaths, and
 * Starlight's injected docs route returns none, so every page is rendered on
 * every build. A whole-site fingerprint is coarser (any change renders all
 * pages) but exact: it covers the generated pages, the components, the config,
 * the lockfile (and so every package), the Node version and the deploy settings.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { BundleDigests } from './search-index.ts';

/** What Astro reads from the project, relative to its root (folders are walked, symlinks followed). */
export const ASTRO_INPUTS = ['astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json', 'src', 'public', 'scripts'];

/** Environment variables that change the output (scripts/site-config.mjs, Astro's mode). */
export const ASTRO_ENV = ['SITE', 'BASE', 'NODE_ENV'];

function walk(path: string, out: string[]): void {
  if (!existsSync(path)) return;
  const stat = statSync(path);
  if (stat.isDirectory()) {
    for (const name of readdirSync(path).sort()) walk(join(path, name), out);
  } else if (stat.isFile()) out.push(path);
}

const chunk = Buffer.alloc(1 << 20);

/**
 * sha1 of a file, read in 1 MiB chunks: the published model is hundreds of MB,
 * and reading it whole left this process that much larger while Pagefind,
 * the build's memory peak, ran beside it.
 */
function hashFile(path: string): string {
  const hash = createHash('sha1');
  const fd = openSync(path, 'r');
  try {
    for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) hash.update(chunk.subarray(0, read));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

export interface InputState {
  /** sha256 over everything below. */
  fingerprint: string;
  /** sha1 of each input file, by path relative to the root; environment and arguments as "#name" entries. */
  files: Record<string, string>;
}

/** Hashes of every input file (path and bytes), the environment, the Node version and the CLI arguments. */
export function astroInputState(root: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): InputState {
  const paths: string[] = [];
  for (const input of ASTRO_INPUTS) walk(join(root, input), paths);
  const files: Record<string, string> = { '#node': process.version, '#args': JSON.stringify(args) };
  for (const name of ASTRO_ENV) files[`#${name}`] = env[name] ?? '';
  for (const path of paths) files[relative(root, path)] = hashFile(path);
  const fingerprint = createHash('sha256').update(JSON.stringify(files)).digest('hex');
  return { fingerprint, files };
}

/** Inputs that differ between two states (added, removed or changed), sorted. */
export function changedInputs(before: InputState['files'], after: InputState['files']): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => before[name] !== after[name]).sort();
}

/** The stamp file for one output folder, under .cache/ (never inside the published output). */
export function stampFile(root: string, outDir: string): string {
  const key = createHash('sha256').update(resolve(root, outDir)).digest('hex').slice(0, 16);
  return join(root, '.cache', 'astro-build', `${key}.json`);
}

/**
 * Size and modification time of the output's entry files: a build that did
 * not go through the stamp (a plain `astro build` into the same folder) changes
 * them, and the output is then no longer known to match its inputs.
 */
export function outputMark(root: string, outDir: string): string {
  return ['index.html', 'pagefind/pagefind-entry.json']
    .map((name) => {
      const stat = statSync(join(root, outDir, name), { throwIfNoEntry: false });
      return stat ? `${name}:${stat.size}:${stat.mtimeMs}` : `${name}:missing`;
    })
    .join(' ');
}

export interface Stamp extends InputState {
  output: string;
  /** The search index's bundles in that output and their digests (scripts/io/search-index.ts). */
  searchBundles?: BundleDigests;
}

function isDigestRecord(value: unknown): value is BundleDigests {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((digest) => typeof digest === 'string');
}

export function readStamp(root: string, outDir: string): Stamp | undefined {
  try {
    const stamp = JSON.parse(readFileSync(stampFile(root, outDir), 'utf8')) as Partial<Stamp>;
    if (typeof stamp.fingerprint !== 'string' || !stamp.files || typeof stamp.output !== 'string') return undefined;
    const { searchBundles, ...rest } = stamp as Stamp;
    return isDigestRecord(searchBundles) ? { ...rest, searchBundles } : rest;
  } catch {
    return undefined;
  }
}

/** Call after the build: records the inputs it read and the output it left (and its search bundles' digests). */
export function writeStamp(root: string, outDir: string, state: InputState, searchBundles?: BundleDigests): void {
  const file = stampFile(root, outDir);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ outDir, ...state, output: outputMark(root, outDir), ...(searchBundles && { searchBundles }) })}\n`);
}

/** Before the output folder is replaced: no stamp may vouch for it until the new one is written. */
export function forgetStamp(root: string, outDir: string): void {
  rmSync(stampFile(root, outDir), { force: true });
}

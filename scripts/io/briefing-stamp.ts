/**
 * Edge: lets the briefing build skip all its work when nothing changed.
 *
 * After a build, the stamp records a key of every input (articles, metadata,
 * registry, settings, the code of the pipeline and of the build itself), the
 * size and modification time of every file the build wrote, and its report.
 * The next build with the same key, whose outputs are all still as written
 * (no other build, e.g. the e2e hostile corpus, replaced them), prints that
 * report instead of rebuilding: at 5,000 articles the model, the pages and the
 * comparison of every page with its file took half a minute for nothing.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BriefingStamp {
  key: string;
  /** Output path (relative to the root) → [size, mtime in ms]. */
  outputs: Record<string, [number, number]>;
  report: string;
  fatal: boolean;
}

function stampPath(root: URL): string {
  return fileURLToPath(new URL('.cache/briefing-build.json', root));
}

/** Hash of the build's own code outside scripts/pipeline (which `codeVersion` covers): the edges write the outputs. */
export function buildCodeVersion(root: URL): string {
  const hash = createHash('sha256');
  const folder = fileURLToPath(new URL('scripts/io/', root));
  for (const name of readdirSync(folder).sort()) hash.update(name).update(readFileSync(join(folder, name)));
  hash.update(readFileSync(new URL('scripts/build-briefings.ts', root)));
  return hash.digest('hex').slice(0, 16);
}

export function outputState(root: URL, files: readonly string[]): BriefingStamp['outputs'] {
  const outputs: BriefingStamp['outputs'] = {};
  const base = fileURLToPath(root);
  for (const file of files) {
    const stat = statSync(join(base, file), { throwIfNoEntry: false });
    if (stat) outputs[file] = [stat.size, stat.mtimeMs];
  }
  return outputs;
}

/** The stamp, if its key matches and every output is still the file the build wrote. */
export function upToDate(root: URL, key: string): BriefingStamp | undefined {
  let stamp: BriefingStamp;
  try {
    stamp = JSON.parse(readFileSync(stampPath(root), 'utf8')) as BriefingStamp;
  } catch {
    return undefined;
  }
  if (stamp.key !== key) return undefined;
  const files = Object.keys(stamp.outputs);
  const now = outputState(root, files);
  const same = files.every((file) => now[file]?.[0] === stamp.outputs[file]![0] && now[file]?.[1] === stamp.outputs[file]![1]);
  return same ? stamp : undefined;
}

export function writeStamp(root: URL, stamp: BriefingStamp): void {
  const path = stampPath(root);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(stamp));
}

/** Before a build writes anything: a build killed halfway must not leave the last stamp vouching for its outputs. */
export function forgetStamp(root: URL): void {
  rmSync(stampPath(root), { force: true });
}

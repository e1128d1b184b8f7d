/**
 * Reproducible builds: two builds of the same input must give the same files
 * byte for byte. Hashes every file of a built folder and compares two of them.
 * Exceptions, if ever needed, are listed with their reason in
 * docs/reproducibility.md and passed in as `ignore`.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** sha256 of every file under dir, keyed by its path relative to dir (with "/"). */
export function hashTree(dir: string): Map<string, string> {
  const hashes = new Map<string, string>();
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  for (const entry of files) {
    const path = join(entry.parentPath, entry.name);
    hashes.set(relative(dir, path).split(sep).join('/'), createHash('sha256').update(readFileSync(path)).digest('hex'));
  }
  return hashes;
}

export interface TreeDifference {
  /** Only in the first tree. */
  onlyInFirst: string[];
  /** Only in the second tree. */
  onlyInSecond: string[];
  /** In both, with different bytes. */
  changed: string[];
}

export function compareTrees(first: ReadonlyMap<string, string>, second: ReadonlyMap<string, string>, ignore: (path: string) => boolean = () => false): TreeDifference {
  const keep = (paths: Iterable<string>) => [...paths].filter((path) => !ignore(path)).sort();
  return {
    onlyInFirst: keep([...first.keys()].filter((path) => !second.has(path))),
    onlyInSecond: keep([...second.keys()].filter((path) => !first.has(path))),
    changed: keep([...first.keys()].filter((path) => second.has(path) && second.get(path) !== first.get(path))),
  };
}

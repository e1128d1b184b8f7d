/**
 * Edge: one generated file written only when its content changed, and a
 * prebuilt page's file with what the next build needs to skip it unread.
 * Shared by the page writer (scripts/io/write-outputs.ts) and its writing
 * thread (scripts/io/page-thread-worker.ts), which must decide alike.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';
import { shortHash } from '../pipeline/shared/hash.ts';

/** What a page writer left in a prebuilt page's file (see write-outputs.ts, `WRITTEN_RECORD`). */
export interface WrittenFile {
  /** The page's content hash: also Astro's cache key for the page (src/lib/prebuilt-page.ts). */
  hash: string;
  size: number;
  /**
   * Whole milliseconds, floored. A time put back from a `Date` (rounded to the millisecond, then
   * kept to the microsecond through a float) can differ by one: that costs a read, never a change missed.
   */
  mtimeMs: number;
}

export interface PageFileResult extends WrittenFile {
  changed: boolean;
}

/** A file's content: text (written as UTF-8), or the bytes of such text. */
export type FileContent = string | Uint8Array;

/** Whether the file at `path` holds exactly `content`. */
function holds(path: string, content: FileContent): boolean {
  return typeof content === 'string' ? readFileSync(path, 'utf8') === content : Buffer.from(content.buffer, content.byteOffset, content.byteLength).equals(readFileSync(path));
}

/**
 * Writes `content` to `path` unless the file already holds it; true when it
 * wrote. `unchanged`: whether the file on disk is known to hold `content`
 * without reading it. `folders`: folders known to exist (one mkdir per
 * folder, not per file).
 */
export function writeFileIfChanged(path: string, content: FileContent, folders: Set<string>, unchanged?: (stat: Stats) => boolean): boolean {
  // A different size settles it without reading the file.
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat && stat.size === Buffer.byteLength(content) && (unchanged?.(stat) || holds(path, content))) return false;
  const folder = dirname(path);
  if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
  folders.add(folder);
  writeFileSync(path, content);
  return true;
}

/**
 * A prebuilt page's file: hashed, and written unless the file is the one the
 * last build wrote with this hash (`last`, matched by size and time, so an
 * unchanged page is not read back) or holds this content anyway.
 */
export function writePageFile(path: string, content: FileContent, last: WrittenFile | undefined, folders: Set<string>): PageFileResult {
  // The same digest for text and for its UTF-8 bytes (shortHash hashes text as UTF-8).
  const hash = shortHash(content, 16);
  /** The file as writeFileIfChanged found it: still what is on disk when it wrote nothing. */
  let found: Stats | undefined;
  const changed = writeFileIfChanged(path, content, folders, (stat) => {
    found = stat;
    return last !== undefined && last.hash === hash && last.size === stat.size && last.mtimeMs === Math.floor(stat.mtimeMs);
  });
  const stat = changed || !found ? statSync(path) : found;
  return { hash, size: stat.size, mtimeMs: Math.floor(stat.mtimeMs), changed };
}

/**
 * Edge: compress a file with gzip into another, off the main thread.
 *
 * Why: the published knowledge model is the largest file of `dist/` (290 MB of
 * JSON at 5,000 articles, a third of the site) and compresses to a seventh.
 * zlib runs on libuv's thread pool, so the main thread goes on with the build
 * report while it works. The target appears only complete: the stream is
 * written beside it and renamed at the end, so an interrupted build never
 * leaves a truncated file where the site publishes it.
 */
import { createReadStream, createWriteStream, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';

/**
 * Level 4: on the 1,000-article model, 9.1 MiB in 0.6 s, against 8.6 MiB in
 * 0.9 s at zlib's default (6) and 8.4 MiB in 1.3 s at 9.
 */
const LEVEL = 4;

export async function gzipFile(from: string, to: string, partial: string): Promise<void> {
  mkdirSync(dirname(to), { recursive: true });
  mkdirSync(dirname(partial), { recursive: true });
  try {
    await pipeline(createReadStream(from, { highWaterMark: 1 << 20 }), createGzip({ level: LEVEL, chunkSize: 1 << 16 }), createWriteStream(partial));
    renameSync(partial, to);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/**
 * Edge: the prebuilt pages' hashing and writing, on a thread of their own
 * (scripts/io/page-thread-worker.ts), while this thread assembles the next
 * pages. At 5,000 articles the build writes 349 MB of page files, and a
 * cold build's main thread spent 3–6 s in the kernel writing them and 1.2 s
 * hashing them (docs/bench.md, sixteenth pass): time the other core has
 * free once the layouts are done.
 *
 * `buildSite` runs synchronously, so this thread never gets round to the
 * worker's events until the pages are all sent. A shared count of the KiB
 * sent and not yet written is the back pressure instead: `write` waits
 * (Atomics.wait) while it is over `maxPendingKiB`, so a slow disk holds at
 * most that much text in the worker, never every page.
 */
import { Worker } from 'node:worker_threads';
import type { FileContent, WrittenFile } from './page-file.ts';
import type { PageMessage, PageThreadReport } from './page-thread-worker.ts';

/** Bytes sent and not yet written, at most: a few of the largest pages (a state's page is about 5 MB at 5,000 articles). */
export const MAX_PENDING_KIB = 32 * 1024;
/** How long `write` waits for the count to fall at all before it takes the thread for dead. */
const STALL_MS = 60_000;
const WAIT_STEP_MS = 1_000;

export interface PageThread {
  /**
   * Sends a page to be written (text as UTF-8); waits first while too much is pending.
   * Bytes are moved to the thread: their buffer is no longer usable here.
   */
  write(file: string, path: string, content: FileContent, last: WrittenFile | undefined): void;
  /** Once every page is sent: what the thread did with each, and the pages it could not write. */
  finish(): Promise<PageThreadReport>;
}

const encoder = new TextEncoder();

export function startPageThread(maxPendingKiB = MAX_PENDING_KIB): PageThread {
  const pending = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(new URL('./page-thread-worker.ts', import.meta.url), { workerData: { pending } });
  /** A failure of the thread itself (it could not load, or crashed), reported by `finish`. */
  let failed: Error | undefined;
  worker.on('error', (error) => {
    failed ??= error;
  });
  // Until `finish`, the thread does not keep the process alive: a build that fails before it exits as it did.
  worker.unref();

  /** Waits while more than `maxPendingKiB` is pending; throws when the count stops falling for STALL_MS. */
  const makeRoom = () => {
    let stalled = 0;
    let last = Atomics.load(pending, 0);
    while (last > maxPendingKiB) {
      const outcome = Atomics.wait(pending, 0, last, WAIT_STEP_MS);
      const now = Atomics.load(pending, 0);
      stalled = outcome === 'timed-out' && now >= last ? stalled + WAIT_STEP_MS : 0;
      if (stalled >= STALL_MS) throw new Error(`the page-writing thread wrote nothing for ${STALL_MS / 1000} s (${now} KiB of pages waiting)`);
      last = now;
    }
  };

  return {
    write(file, path, content, last) {
      makeRoom();
      // Encoded here and its buffer moved, not copied: posting the text made the thread a copy of
      // every page's characters (twice the bytes where a page holds any character past Latin-1),
      // about 2 s of this thread at 5,000 articles (docs/bench.md, twenty-ninth pass). Bytes that
      // share their buffer are copied first: moving it would take it from its other users.
      const bytes = typeof content === 'string' ? encoder.encode(content) : content.byteOffset === 0 && content.byteLength === content.buffer.byteLength ? content : content.slice();
      const kib = Math.ceil(bytes.byteLength / 1024);
      Atomics.add(pending, 0, kib);
      worker.postMessage({ file, path, bytes, ...(last && { last }), kib } satisfies PageMessage, [bytes.buffer as ArrayBuffer]);
    },
    finish() {
      worker.ref();
      return new Promise<PageThreadReport>((resolve, reject) => {
        if (failed) return reject(failed);
        worker.once('message', (report: PageThreadReport) => resolve(report));
        worker.once('error', reject);
        worker.once('exit', (code) => reject(failed ?? new Error(`the page-writing thread exited (code ${code}) before it reported the pages it wrote`)));
        worker.postMessage('finish');
      });
    },
  };
}

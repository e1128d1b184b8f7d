/**
 * Worker thread of scripts/io/page-thread.ts: hashes and writes the prebuilt
 * pages it is sent, in the order sent, and answers with what it did once told
 * the pages are all sent. A page it cannot write is an error in its answer,
 * never a dropped page; either way its bytes are taken off the count the
 * sending thread waits on, so that thread never waits for a page gone wrong.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { writePageFile, type PageFileResult, type WrittenFile } from './page-file.ts';

/** A page to write (from page-thread.ts). */
export interface PageMessage {
  file: string;
  path: string;
  /** The page's text as UTF-8 (its buffer is moved to this thread, not copied). */
  bytes: Uint8Array;
  last?: WrittenFile;
  /** Its size as counted in the shared `pending` count, KiB. */
  kib: number;
}

/** The answer to `'finish'`. */
export interface PageThreadReport {
  results: [file: string, result: PageFileResult][];
  errors: string[];
}

const pending = (workerData as { pending: Int32Array }).pending;
const folders = new Set<string>();
const report: PageThreadReport = { results: [], errors: [] };

parentPort?.on('message', (message: PageMessage | 'finish') => {
  if (message === 'finish') {
    parentPort!.postMessage(report);
    parentPort!.close();
    return;
  }
  try {
    report.results.push([message.file, writePageFile(message.path, message.bytes, message.last, folders)]);
  } catch (error) {
    report.errors.push(`${message.file}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    Atomics.sub(pending, 0, message.kib);
    Atomics.notify(pending, 0);
  }
});

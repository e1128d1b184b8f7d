/**
 * Edge: watch a content folder and rebuild when anything in it changes, for
 * `npm run dev` (scripts/dev.ts), separate from Astro's dev server so it can
 * be tested on its own (tests/unit/io/watch-content.test.ts).
 *
 * Why chokidar and not `fs.watch(…, { recursive: true })`: Node's recursive
 * watcher on Linux loses track of a file that was saved by rename (`sed -i`,
 * most editors: write a temp file, rename it over the old one), and sent no
 * event when that file was later deleted, so a deleted article's page stayed
 * served. chokidar re-attaches to the new file and reports adds, changes,
 * deletions and renames, also in folders created after it started.
 *
 * Rebuilds never overlap: changes that arrive during one are gathered and
 * start one more rebuild after it.
 */
import { watch } from 'chokidar';

export interface ContentWatcher {
  /** Resolves once the initial scan is done and changes are being watched. */
  ready: Promise<void>;
  close(): Promise<void>;
}

export interface WatchOptions {
  /** Quiet time after the last event before rebuilding: one save is often several events. */
  debounceMs?: number;
  /** Called with the paths that changed since the last rebuild, before it starts. */
  onChange?: (paths: string[]) => void;
}

export function watchContent(folder: string, rebuild: () => Promise<unknown> | unknown, options: WatchOptions = {}): ContentWatcher {
  const debounceMs = options.debounceMs ?? 200;
  let changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let closed = false;

  const start = (): void => {
    timer = undefined;
    if (running || closed || changed.size === 0) return;
    const paths = [...changed].sort();
    changed = new Set();
    options.onChange?.(paths);
    running = (async () => {
      try {
        await rebuild();
      } catch (error) {
        // A failed rebuild is reported; the watcher keeps going, the next change tries again.
        console.error(`content watcher: rebuild failed: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        running = undefined;
        // Changes made while it ran.
        if (changed.size > 0 && !closed) schedule();
      }
    })();
  };
  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(start, debounceMs);
  };

  // atomic: an unlink followed by an add of the same path within 100 ms (rename-on-save) is one change.
  const watcher = watch(folder, { ignoreInitial: true, atomic: true, followSymlinks: false });
  watcher.on('all', (_event, path) => {
    changed.add(path);
    schedule();
  });
  watcher.on('error', (error) => console.error(`content watcher: ${error instanceof Error ? error.message : String(error)}`));
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));

  return {
    ready,
    async close() {
      closed = true;
      clearTimeout(timer);
      await watcher.close();
      await running;
    },
  };
}

/**
 * Edge: build progress on the terminal. On a terminal, each long phase
 * (pipeline, pages, Astro, Pagefind) is one line that updates in place and is
 * left showing its result; in CI (`CI` set) or when the output is a file or a
 * pipe, plain lines: one when a phase starts, one when it ends. Warnings go
 * through `warn`, which prints each distinct warning once.
 */
import { performance } from 'node:perf_hooks';

export interface ProgressOptions {
  /** Where lines go; defaults to stdout. */
  write?: (text: string) => void;
  /** Updating line (true) or plain lines (false); defaults to "stdout is a terminal and not CI". */
  interactive?: boolean;
  /** Prefix of every line, e.g. `briefing`. */
  prefix: string;
}

export interface Progress {
  /** Starts a phase (ends the previous one if still open). */
  start(phase: string): void;
  /** Count of done items in the current phase; shown on a terminal only, at most ~10 times a second. */
  tick(done: number, total?: number): void;
  /** Ends the current phase with a short result ("85 pages"). */
  end(result?: string): void;
  /** A plain line (clears the updating line first). */
  log(line: string): void;
  /** A warning line, printed the first time its text is seen. Returns whether it was printed. */
  warn(line: string): boolean;
}

/** Plain lines when CI says so or nobody watches a terminal. */
export function isInteractive(stream: { isTTY?: boolean } = process.stdout, env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
  return stream.isTTY === true && !ci;
}

const REDRAW_MS = 100;

export function createProgress({ write = (text) => void process.stdout.write(text), interactive = isInteractive(), prefix }: ProgressOptions): Progress {
  let phase: string | undefined;
  let started = 0;
  let lastDraw = 0;
  let lineOpen = false;
  const seen = new Set<string>();
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  const clear = () => {
    if (lineOpen) write('\r\x1b[2K');
    lineOpen = false;
  };
  const draw = (text: string) => {
    clear();
    write(`${prefix}: ${text}`);
    lineOpen = true;
  };
  const progress: Progress = {
    start(name) {
      if (phase) progress.end();
      phase = name;
      started = performance.now();
      lastDraw = 0;
      if (interactive) draw(`${name}…`);
      else write(`${prefix}: ${name}…\n`);
    },
    tick(done, total) {
      if (!interactive || !phase) return;
      const now = performance.now();
      if (now - lastDraw < REDRAW_MS && done !== total) return;
      lastDraw = now;
      draw(`${phase}… ${done}${total !== undefined ? `/${total}` : ''} (${seconds()} s)`);
    },
    end(result) {
      if (!phase) return;
      const line = `${phase}: ${result ? `${result}, ` : ''}done in ${seconds()} s`;
      if (interactive) {
        draw(line);
        write('\n');
        lineOpen = false;
      } else write(`${prefix}: ${line}\n`);
      phase = undefined;
    },
    log(line) {
      clear();
      write(`${line}\n`);
      if (interactive && phase) draw(`${phase}…`);
    },
    warn(line) {
      if (seen.has(line)) return false;
      seen.add(line);
      progress.log(line);
      return true;
    },
  };
  return progress;
}

/**
 * Edge: runs `astro build` with its output read line by line instead of passed
 * through. Astro lists every page it renders (`├─ /sources/x/index.html (+8ms)`,
 * 5,000 lines at 5,000 articles) and narrates each step; those become the
 * progress line. Warnings and errors, and anything not recognised as chatter
 * (a stack trace, a plugin's message), are printed, each distinct one once.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Progress } from './progress.ts';

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;
const TIME = /^\d{2}:\d{2}:\d{2}\s+/;
/** A rendered page: `  ├─ /path/index.html (+8ms)` (or `└─`). */
const ROUTE = /^\s*[├└]─\s+\//;
/** Astro's own narration of its steps: shown as progress, not as lines. */
const CHATTER = [
  /^\[(?:build|content|types|vite|@astrojs\/sitemap|starlight:pagefind)\] (?!.*\b(?:warn|error)\b)/i,
  /^generating static routes\s*$/,
  /^✓ Completed in /,
  /^\(\+\d+m?s\)\s*$/,
  /^▶ /,
];
/**
 * Two warnings Starlight's own routes cause on every build, about content it
 * treats as optional: its translations read the `i18n` collection, which this
 * site does not define (Starlight mutes the warning through console.warn, which
 * Astro 7's logger no longer uses), and its 404 route looks up a `404` docs page
 * before it falls back to its own. Neither says anything about the site.
 */
const STARLIGHT_NOISE = [/\[WARN\] \[content\] The collection "i18n" does not exist or is empty\./, /\[WARN\] \[content\] Entry docs → 404 was not found\.$/];

/** A warning or error glued to the end of a route line (Astro's logger does not wait for the line to end). */
const GLUED = /(\d{2}:\d{2}:\d{2}\s+\[(?:WARN|ERROR)\].*)$/;

/** The start of each page on a line: its time stamp, if any, and the space before its tree mark. */
const PAGE_START = /(?:\d{2}:\d{2}:\d{2})?\s+(?=[├└]─\s+\/)/g;

/** A page Astro's incremental build did not render again: `  ├─ /path/index.html (restored)`. */
const REUSED = /\((?:cached|restored)\)$/;

export type AstroLine = { kind: 'page'; reused?: true } | { kind: 'chatter'; text: string } | { kind: 'message'; text: string };

/** What one line of Astro's output is (pure; exported for the tests). */
export function classifyAstroLine(raw: string): AstroLine[] {
  const line = raw.replace(ANSI, '').replace(/\s+$/, '');
  const untimed = line.replace(TIME, '');
  if (ROUTE.test(untimed)) {
    // Pages render on several threads (experimental.parallelPrerender): a page's
    // line may also hold the start of the next ones, each after its time stamp.
    const items: AstroLine[] = [];
    for (const segment of ` ${untimed}`.replace(PAGE_START, '\n').split('\n').slice(1)) {
      const glued = GLUED.exec(segment);
      const route = glued ? segment.slice(0, glued.index) : segment;
      items.push(REUSED.test(route) ? { kind: 'page', reused: true } : { kind: 'page' });
      if (glued) items.push(message(glued[1]!));
    }
    return items;
  }
  if (untimed.trim() === '') return [];
  if (CHATTER.some((pattern) => pattern.test(untimed.trim()))) return [{ kind: 'chatter', text: untimed.trim() }];
  return [message(line)];
}

function message(text: string): AstroLine {
  return STARLIGHT_NOISE.some((pattern) => pattern.test(text)) ? { kind: 'chatter', text } : { kind: 'message', text };
}

/**
 * Runs the command; resolves with its exit code, the pages it listed and how many of them it reused.
 * `log`: a file that gets Astro's whole output as it was, for whoever wants its step timings (the bench).
 */
export function runAstroQuietly(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; log?: string },
  progress: Progress,
): Promise<{ status: number; pages: number; reused: number }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let pages = 0;
    let reused = 0;
    const seen = new Set<string>();
    // Opened once: Astro writes a line per page, thousands of them.
    let log = options.log === undefined ? undefined : openSync(options.log, 'a');
    const onLine = (raw: string) => {
      if (log !== undefined) writeSync(log, `${raw.replace(ANSI, '')}\n`);
      for (const item of classifyAstroLine(raw)) {
        if (item.kind === 'page') {
          progress.tick(++pages);
          if (item.reused) reused++;
        }
        else if (item.kind === 'message') {
          // The same warning for several pages differs only in its time stamp: printed once.
          const key = item.text.replace(TIME, '');
          if (!seen.has(key)) {
            seen.add(key);
            progress.log(item.text);
          }
        }
      }
    };
    createInterface({ input: child.stdout }).on('line', onLine);
    createInterface({ input: child.stderr }).on('line', onLine);
    // A child that fails to start may report both 'error' and 'close'.
    const closeLog = () => {
      if (log !== undefined) closeSync(log);
      log = undefined;
    };
    child.on('error', (error) => {
      closeLog();
      progress.log(`astro-build: could not start Astro: ${error.message}`);
      resolve({ status: 1, pages, reused });
    });
    child.on('close', (code, signal) => {
      closeLog();
      resolve({ status: code ?? (signal ? 1 : 0), pages, reused });
    });
  });
}

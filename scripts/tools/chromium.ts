/**
 * Which Chromium the browser tests drive. Never a downloaded browser: the one
 * CHROME_PATH names, else Debian's. Of Debian's two, the tests prefer
 * `chromium-headless-shell`, the old headless shell (the same Blink and V8,
 * without the browser's UI layer): on the hostile site's 263 page loads it took
 * 53.6 s and 82.7 s of CPU, against 69.1 s and 115.5 s for the full
 * `chromium` (docs/bench.md, twentieth pass). The full browser still serves
 * when the shell cannot be had.
 */
import { existsSync } from 'node:fs';

export const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
export const FULL_BROWSERS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** CHROME_PATH when it names a file, else the headless shell, else the full browser; undefined when none is installed. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, exists: (path: string) => boolean = existsSync): string | undefined {
  const candidates = [env.CHROME_PATH, HEADLESS_SHELL, ...FULL_BROWSERS];
  return candidates.find((candidate): candidate is string => Boolean(candidate && exists(candidate)));
}

import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';

/** Debian's Chromium, never a downloaded browser; flags this sandbox needs. */
export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: inject('chromePath'),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      // The tests go from page to page in one tab, about 760 times in a run. The back/forward cache keeps
      // each page left behind alive, and the other two give every navigation a new frame, often a new
      // renderer process; no test relies on them, and without them hostile.test.ts and reader-pages.test.ts,
      // the two that navigate most, took 97–110 s against 124–125 s. A test that goes back reloads the page.
      '--disable-features=BackForwardCache,ProactivelySwapBrowsingInstance,RenderDocument',
    ],
  });
}

/** Collect console errors and page errors so a test can assert there were none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

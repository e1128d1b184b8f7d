/** What the chart browser tests share: viewports, the screenshot grid and a page opener. */
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launch, watchErrors } from './browser.ts';
import { rootUrl } from './constants.ts';

/** Screenshots for review land here (not compared: written and checked for size). */
export const artifacts = 'build/artifacts/charts';
export const desktop = { width: 1280, height: 900 };
export const phone = { width: 360, height: 800 };

/**
 * Screenshots are for a person to look at, and each costs seconds on two cores:
 * `npm test` takes the light desktop and the dark phone; SCREENSHOTS=all takes
 * every theme at both sizes.
 */
export const everyScreenshot = process.env.SCREENSHOTS === 'all';

/** Both themes at both sizes (or the two `npm test` takes); the phone at 2× pixels, as phones render. */
export const screenshotGrid = (['light', 'dark'] as const)
  .flatMap((theme) =>
    (
      [
        ['desktop', desktop, 1],
        ['360', phone, 2],
      ] as const
    ).map(([size, viewport, deviceScaleFactor]) => ({ theme, size, viewport, deviceScaleFactor })),
  )
  .filter((shot) => everyScreenshot || (shot.theme === 'light') === (shot.size === 'desktop'));

/** The artboard a reader sees (the other layout is hidden by CSS). */
export const visibleArtboard = (figure: string) => `${figure} svg.chart__artboard:visible`;

/** `path` in a new context, in `theme` if given, under `base` (the root build by default), with its errors collected. */
export async function openPage(
  browser: Browser,
  path: string,
  options: BrowserContextOptions & { theme?: 'light' | 'dark'; base?: string } = {},
): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const { theme, base = rootUrl, ...contextOptions } = options;
  const context = await browser.newContext({ viewport: desktop, ...contextOptions });
  // Starlight keeps the reader's theme choice in localStorage.
  if (theme) await context.addInitScript((value) => localStorage.setItem('starlight-theme', value), theme);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${base}${path}`, { waitUntil: 'load' });
  return { page, errors, close: () => context.close() };
}

/**
 * One Chromium for the calling test file (launched before its tests, closed
 * after them, with the screenshot folder ready): `open` is `openPage` on it,
 * `browser()` the browser itself.
 */
export function chartBrowser(): { open: (path: string, options?: Parameters<typeof openPage>[2]) => ReturnType<typeof openPage>; browser: () => Browser } {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
    mkdirSync(artifacts, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });
  const started = () => {
    if (!browser) throw new Error('the chart browser is not launched yet (use it inside a test)');
    return browser;
  };
  return { open: (path, options) => openPage(started(), path, options), browser: started };
}

/** Screen boxes of the visible texts in a chart that overlap one another. */
export async function overlappingTexts(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((nodes) => {
    const boxes = nodes
      .filter((node) => node.getBoundingClientRect().width > 0 && getComputedStyle(node).visibility !== 'hidden')
      .map((node) => ({ text: node.textContent ?? '', box: node.getBoundingClientRect() }));
    const found: string[] = [];
    boxes.forEach((a, i) =>
      boxes.slice(i + 1).forEach((b) => {
        const overlapX = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
        const overlapY = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
        // Glyph boxes include line spacing: a pixel or two of touching is not an overlap.
        if (overlapX > 1 && overlapY > 2) found.push(`"${a.text}" × "${b.text}"`);
      }),
    );
    return found;
  });
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, watchErrors } from './setup/browser.ts';
import { ports, rootUrl, subpathUrl } from './setup/constants.ts';

const subpathOrigin = `http://127.0.0.1:${ports.subpath}`;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function searchFor(page: Page, term: string): Promise<void> {
  await page.click('button[data-open-modal]');
  const input = page.locator('.pagefind-ui__search-input');
  await input.waitFor({ state: 'visible' });
  await input.fill(term);
  await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 });
}

describe('site foundation', () => {
  it('loads the home page with no console errors and says what the briefing covers', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${rootUrl}/`, { waitUntil: 'load' });
    expect(await page.locator('main').innerText()).toContain('source articles');
    expect(await page.locator('main a[href*="sources/"]').count()).toBeGreaterThanOrEqual(5);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('finds "Hmeimim" through the search box and opens a page that mentions it', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${rootUrl}/`, { waitUntil: 'load' });
    await searchFor(page, 'Hmeimim');
    const first = page.locator('.pagefind-ui__result-link').first();
    const href = await first.getAttribute('href');
    expect(href).toBeTruthy();
    await Promise.all([page.waitForURL((url) => url.href !== `${rootUrl}/`), first.click()]);
    expect(await page.locator('main').innerText()).toContain('Hmeimim');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('searches the whole index: briefing pages and source pages, from the bundles it is built in', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    const lists: string[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('/pagefind/bundles.json')) lists.push(`${response.status()}`);
    });
    await page.goto(`${rootUrl}/`, { waitUntil: 'load' });
    await searchFor(page, 'Hmeimim');
    // Every result, not only the first few the UI shows.
    while ((await page.locator('.pagefind-ui__button').count()) > 0) await page.locator('.pagefind-ui__button').click();
    const hrefs = await page.locator('.pagefind-ui__result-link').evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
    expect(hrefs.some((href) => /^\/sources\/[^/]+\/$/.test(href)), hrefs.join(' ')).toBe(true);
    expect(hrefs.some((href) => /^\/(?:actors|bases|places|events)\/[^/]+\/$/.test(href)), hrefs.join(' ')).toBe(true);
    // The source pages are in a bundle of their own, which the primary one lists (so the results above are merged).
    expect(lists).toEqual(['200']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('scrolls a source paragraph into view when opened at its #id', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${rootUrl}/sources/`, { waitUntil: 'load' });
    const sourceHref = await page.locator('main table a').last().getAttribute('href');
    expect(sourceHref).toBeTruthy();
    await page.goto(new URL(sourceHref!, page.url()).href, { waitUntil: 'load' });
    const ids = await page.locator('main .para[id]').evaluateAll((nodes) => nodes.map((node) => node.id));
    expect(ids.length).toBeGreaterThan(5);
    const target = ids[ids.length - 2]!;
    expect(target).toMatch(/^p-[a-z0-9-]+-[0-9a-f]{6}(-\d+)?$/);
    await page.goto(`${page.url().split('#')[0]}#${target}`, { waitUntil: 'load' });
    const paragraph = page.locator(`[id="${target}"]`);
    const box = await paragraph.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(720);
    await page.close();
  });
});

describe('sidebar', () => {
  it('marks the current page, opens its group, keeps collapsed groups shut, and draws carets without inline SVG', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = watchErrors(page);
    await page.goto(`${rootUrl}/bases/hmeimim-air-base/`, { waitUntil: 'load' });
    const list = page.locator('nav.sidebar ul.sidebar-list.top-level');
    const current = list.locator('a[aria-current="page"]');
    expect(await current.count()).toBe(1);
    expect(await current.innerText()).toBe('Hmeimim Air Base');
    expect(await current.evaluate((link) => link.closest('details')!.open)).toBe(true);
    const places = list.locator('details', { has: page.locator('summary', { hasText: 'Places' }) });
    expect(await places.evaluate((details) => (details as HTMLDetailsElement).open)).toBe(false);

    const caret = places.locator('summary .caret');
    const shut = await caret.evaluate((element) => ({ mask: getComputedStyle(element).maskImage, box: element.getBoundingClientRect().toJSON() as DOMRect }));
    expect(shut.mask).toMatch(/^url\("data:image\/svg\+xml/);
    expect(shut.box.width).toBeGreaterThan(10);
    expect(shut.box.height).toBe(shut.box.width);
    await places.locator('summary').click();
    expect(await places.evaluate((details) => (details as HTMLDetailsElement).open)).toBe(true);
    expect(await places.locator('ul a').first().isVisible()).toBe(true);
    await expect.poll(() => caret.evaluate((element) => getComputedStyle(element).transform)).not.toBe('none');

    // The lean markup: no inline SVG and no scoped-style class on any element of the list.
    expect(await list.locator('svg').count()).toBe(0);
    expect(await list.evaluate((root) => [root, ...root.querySelectorAll('*')].filter((element) => /\bastro-/.test(element.getAttribute('class') ?? '')).length)).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens from the menu button on a phone', async () => {
    const page = await browser.newPage({ viewport: { width: 400, height: 800 } });
    await page.goto(`${rootUrl}/bases/hmeimim-air-base/`, { waitUntil: 'load' });
    const link = page.locator('nav.sidebar a[aria-current="page"]');
    expect(await link.isVisible()).toBe(false);
    await page.locator('button.sl-menu-button').click();
    await expect.poll(() => link.isVisible()).toBe(true);
    await page.close();
  });
});

describe('site built under a sub-path base', () => {
  it('resolves links, assets and search under /briefing/', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(`${subpathUrl}/`, { waitUntil: 'networkidle' });
    // Chart marks are SVG links, whose href is not a string: resolve the attribute instead.
    const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((link) => new URL(link.getAttribute('href')!, location.href).href));
    const internal = [...new Set(hrefs.filter((href) => href.startsWith(subpathOrigin)).map((href) => href.split('#')[0]!))];
    expect(internal.length).toBeGreaterThan(5);
    for (const href of internal) {
      expect(href.startsWith(`${subpathUrl}/`), href).toBe(true);
      const response = await page.request.get(href);
      expect(response.status(), href).toBe(200);
    }
    const assets = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLLinkElement | HTMLScriptElement>('link[href], script[src]')].map((node) =>
        'href' in node ? node.href : node.src,
      ),
    );
    for (const asset of assets.filter((url) => url.startsWith(subpathOrigin))) {
      expect(asset.startsWith(`${subpathUrl}/`), asset).toBe(true);
    }
    await searchFor(page, 'Hmeimim');
    const resultHref = await page.locator('.pagefind-ui__result-link').first().getAttribute('href');
    expect(resultHref!.startsWith('/briefing/')).toBe(true);
    await page.locator('.pagefind-ui__result-link').first().click();
    await page.waitForLoadState('networkidle');
    expect(await page.locator('main').innerText()).toContain('Hmeimim');
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('search highlighting', () => {
  it('highlights the searched terms on the page a result leads to', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${rootUrl}/`, { waitUntil: 'load' });
    await searchFor(page, 'Tartus');
    const first = page.locator('.pagefind-ui__result-link').first();
    expect(await first.getAttribute('href')).toContain('highlight=Tartus');
    await Promise.all([page.waitForURL(/highlight=Tartus/), first.click()]);
    await page.locator('mark.pagefind-highlight').first().waitFor({ timeout: 10_000 });
    expect((await page.locator('mark.pagefind-highlight').first().innerText()).toLowerCase()).toBe('tartus');
    expect(errors).toEqual([]);
    await page.close();
  });
});

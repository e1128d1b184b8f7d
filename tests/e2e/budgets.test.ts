/**
 * Page weight against budgets.json, and privacy: a page of every kind is loaded
 * in Chromium, every response is weighed (raw and gzipped), and every request
 * that would leave the site's origin is blocked and reported. The pages are then
 * used the way a reader would (hover a link; on the home page, open the search
 * and type), so scripts and data loaded on demand must stay on the origin too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { addWeights, assetOf, budgetFor, overruns, type Asset, type Budgets } from '../../scripts/quality/budgets.ts';
import { kindPages } from '../../scripts/quality/page-kinds.ts';
import { launch } from './setup/browser.ts';
import { rootUrl } from './setup/constants.ts';

const budgets = JSON.parse(readFileSync('budgets.json', 'utf8')) as Budgets;
const pages = kindPages('dist');
const origin = new URL(rootUrl).origin;

const kb = (bytes: number) => (bytes / 1024).toFixed(1).padStart(6);
const measured: string[] = [];

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  // The figures, for the record (KB, raw / gzipped).
  if (measured.length > 0) console.log(['page kind        JS raw/gzip     CSS raw/gzip    HTML raw/gzip', ...measured].join('\n'));
});

/** Opens a page with every off-origin request blocked; returns what was blocked and what was fetched. */
async function openPage(path: string) {
  const context = await browser.newContext();
  const blocked: string[] = [];
  await context.route(
    (url) => url.origin !== origin,
    (route) => {
      blocked.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  const page = await context.newPage();
  const fetched: Promise<{ asset: Asset; url: string; raw: number; gzip: number } | undefined>[] = [];
  page.on('response', (response) => {
    const asset = assetOf(response.request().resourceType());
    // Only the page's own document counts as its HTML (not an iframe's).
    if (!asset || (asset === 'html' && response.request().frame() !== page.mainFrame())) return;
    fetched.push(
      response.body().then(
        (body) => ({ asset, url: response.url(), raw: body.length, gzip: gzipSync(body).length }),
        () => undefined,
      ),
    );
  });
  await page.goto(`${rootUrl}/${path}`, { waitUntil: 'networkidle' });
  const resources = (await Promise.all(fetched)).filter((resource) => resource !== undefined);
  return { context, page, blocked, resources };
}

async function useLikeAReader(page: Page, search: boolean): Promise<void> {
  const link = page.locator('main a[href]:not([href^="http"])').first();
  if ((await link.count()) > 0) await link.hover();
  await page.waitForLoadState('networkidle');
  // The search dialog is the same on every page: searching from the home page covers it.
  if (!search) return;
  await page.click('button[data-open-modal]');
  const input = page.locator('.pagefind-ui__search-input');
  await input.waitFor({ state: 'visible' });
  await input.fill('Russia');
  await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 });
  await page.waitForLoadState('networkidle');
}

describe('page weight and privacy', () => {
  it('reports a request to another origin (the check can fail)', async () => {
    const { context, page, blocked } = await openPage('');
    await page.evaluate(() => fetch('https://fonts.example.com/font.woff2').catch(() => undefined));
    await context.close();
    expect(blocked).toEqual(['https://fonts.example.com/font.woff2']);
  });

  it('loads the search UI on first use only: not before, and it works after a click or "/"', async () => {
    const { context, page, resources } = await openPage('');
    const searchUi = (url: string) => /\/_astro\/ui-core[^/]*\.js$|\/pagefind\/pagefind-ui/.test(url);
    expect(resources.filter((resource) => searchUi(resource.url))).toEqual([]);
    const loaded: string[] = [];
    page.on('request', (request) => {
      if (searchUi(request.url())) loaded.push(request.url());
    });
    await page.click('button[data-open-modal]');
    const input = page.locator('.pagefind-ui__search-input');
    await input.waitFor({ state: 'visible' });
    expect(loaded.length).toBeGreaterThan(0);
    // The reader is put in the search field once the UI has loaded.
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('pagefind-ui__search-input'))).toBe(true);
    await input.fill('Qamishli');
    await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 });
    await context.close();

    // The keyboard shortcut "/" opens it as well, on a page where nothing loaded it yet.
    const second = await openPage('sources/');
    await second.page.keyboard.press('/');
    await second.page.locator('.pagefind-ui__search-input').waitFor({ state: 'visible' });
    await second.context.close();
  });

  for (const kind of pages) {
    it(`${kind.kind} (${kind.path || '/'}) stays within budget and never leaves the origin`, async () => {
      const { context, page, blocked, resources } = await openPage(kind.path);
      const weight = addWeights(resources);
      measured.push(`${kind.kind.padEnd(14)} ${(['js', 'css', 'html'] as const).map((asset) => `${kb(weight[asset].raw)} /${kb(weight[asset].gzip)}`).join('  ')}`);
      expect(weight.html.raw, 'the page itself was weighed').toBeGreaterThan(0);
      expect(overruns(weight, budgetFor(budgets, kind.kind))).toEqual([]);
      await useLikeAReader(page, kind.kind === 'home');
      await context.close();
      expect(blocked).toEqual([]);
    });
  }
});

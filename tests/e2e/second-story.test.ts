/**
 * The second story (tests/fixtures/second-story: an Armenia–Azerbaijan summit,
 * no registry), built from the texts alone: the people, places and events its
 * articles name get cited pages, and the site names the story it holds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, watchErrors } from './setup/browser.ts';
import { secondStoryUrl } from './setup/constants.ts';

let browser: Browser;
let page: Page;
let errors: string[];
beforeAll(async () => {
  browser = await launch();
  page = await browser.newPage();
  errors = watchErrors(page);
});
afterAll(async () => {
  await browser?.close();
});

/** The source paragraph a link leads to exists on its page. */
async function followsToParagraph(href: string): Promise<boolean> {
  const target = new URL(href, page.url());
  const tab = await browser.newPage();
  await tab.goto(target.href);
  const found = (await tab.locator(`[id="${decodeURIComponent(target.hash.slice(1))}"]`).count()) === 1;
  await tab.close();
  return found;
}

describe('second story, no registry', () => {
  it('names the story the articles hold on the home page, with a cited lede', async () => {
    await page.goto(`${secondStoryUrl}/`);
    const title = await page.title();
    expect(title).not.toMatch(/Syria/);
    expect(title).toMatch(/Armenia|Azerbaijan|Caucasus/);
    const lede = page.locator('main li[id^="lede-"]');
    expect(await lede.count()).toBeGreaterThanOrEqual(1);
    const cite = await lede.first().locator('a[href*="sources/"]').first().getAttribute('href');
    expect(await followsToParagraph(cite!)).toBe(true);
  });

  it('gives the White House summit an event page with its date, place and several sources', async () => {
    await page.goto(`${secondStoryUrl}/events/`);
    const link = page.locator('main a', { hasText: /hosts.*8 August 2025/ }).first();
    expect(await link.count()).toBe(1);
    await link.click();
    await page.waitForLoadState();
    expect(await page.locator('h1').innerText()).toMatch(/Washington, 8 August 2025/);
    const coverage = await page.locator('dt:text-is("Coverage") + dd').innerText();
    const sources = Number(/in (\d+) sources?/.exec(coverage)?.[1]);
    expect(sources).toBeGreaterThanOrEqual(2);
  });

  it('maps a province, the route named with it and a city named once as the site of a happening, from the gazetteer alone', async () => {
    await page.goto(`${secondStoryUrl}/`);
    const map = page.locator('figure[data-chart="map"] svg.chart__artboard:visible');
    const shown = await map.locator('a.map__marker, a.map__pointer').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(shown).toContain('/places/syunik/');
    expect(shown).toContain('/bases/trump-route-for-international-peace-and-prosperity/');
    expect(shown).toContain('/places/yekaterinburg/');
    // The route sits where the province is: the paragraph that names it says it runs through Syunik.
    const centre = async (href: string) => map.locator(`a[href="${href}"] circle, a[href="${href}"] rect, a[href="${href}"] path`).first().boundingBox();
    const [province, route] = [await centre('/places/syunik/'), await centre('/bases/trump-route-for-international-peace-and-prosperity/')];
    expect(Math.hypot(province!.x - route!.x, province!.y - route!.y)).toBeLessThan(20);
    await page.goto(`${secondStoryUrl}/places/yekaterinburg/`);
    expect(await page.locator('main').innerText()).toMatch(/police raid in Yekaterinburg/);
  });

  it('gives a person found in the texts a page that says so, with their quotes cited to the paragraph', async () => {
    await page.goto(`${secondStoryUrl}/actors/ali-akbar-velayati/`);
    const main = await page.locator('main').innerText();
    expect(main).toMatch(/Found in the texts, not yet reviewed/);
    expect(main).toMatch(/adviser to Iran's Supreme Leader/);
    const quoteLink = await page.locator('main .quotes a[href*="sources/"], main [class*="quote"] a[href*="sources/"]').first().getAttribute('href');
    expect(quoteLink).toMatch(/sources\/[^/]+\/#p-/);
    expect(await followsToParagraph(quoteLink!)).toBe(true);
    expect(errors).toEqual([]);
  });
});

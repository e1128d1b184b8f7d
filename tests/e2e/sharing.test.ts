/**
 * Sharing and trust signals in the built site: the Atom feed, copy-link
 * buttons, link previews, source profiles (basis and reuse) and the
 * independence count and facts-only filter on briefing pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, watchErrors } from './setup/browser.ts';
import { rootUrl, subpathUrl } from './setup/constants.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Entries of an Atom feed as [category, title, link, updated]. */
type FeedRow = [kind: string, title: string, link: string, updated: string];

async function feedEntries(url: string): Promise<{ entries: FeedRow[]; xml: string }> {
  const page = await browser.newPage();
  const response = await page.goto(url);
  expect(response?.status()).toBe(200);
  const xml = await response!.text();
  const entries = await page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'application/xml');
    if (doc.querySelector('parsererror')) throw new Error('feed is not well-formed XML');
    return [...doc.querySelectorAll('entry')].map((entry): [string, string, string, string] => [
      entry.querySelector('category')?.getAttribute('term') ?? '',
      entry.querySelector('title')?.textContent ?? '',
      entry.querySelector('link')?.getAttribute('href') ?? '',
      entry.querySelector('updated')?.textContent ?? '',
    ]);
  }, xml);
  await page.close();
  return { entries, xml };
}

describe('Atom feed', () => {
  it('lists sources and events newest first, with absolute links that resolve', async () => {
    const { entries, xml } = await feedEntries(`${rootUrl}/feed.xml`);
    expect(xml.startsWith('<?xml')).toBe(true);
    expect(entries.filter(([kind]) => kind === 'source')).toHaveLength(5);
    expect(entries.some(([kind, title]) => kind === 'event' && /January 2026/.test(title))).toBe(true);
    const dates = entries.map(([, , , updated]) => updated);
    expect(dates).toEqual([...dates].sort().reverse());
    for (const [, , link] of entries) expect(link).toMatch(/^https?:\/\//);
    // The links point at real pages (rewritten to the test server's origin).
    const page = await browser.newPage();
    for (const [, , link] of entries.slice(0, 3)) {
      const response = await page.goto(`${rootUrl}${new URL(link).pathname}`);
      expect(response?.status(), link).toBe(200);
    }
    await page.close();
  });

  it('carries the deploy base in the sub-path build and is announced in every page head', async () => {
    const { entries } = await feedEntries(`${subpathUrl}/feed.xml`);
    for (const [, , link] of entries) expect(new URL(link).pathname.startsWith('/briefing/')).toBe(true);
    const page = await browser.newPage();
    await page.goto(`${subpathUrl}/`);
    expect(await page.locator('link[rel="alternate"][type="application/atom+xml"]').getAttribute('href')).toBe('/briefing/feed.xml');
    await page.close();
  });
});

describe('copy-link actions', () => {
  it('copies the address of a section, a statement and a paragraph', async () => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${rootUrl}/bases/hmeimim-air-base/`, { waitUntil: 'load' });
    const headings = await page.locator('main .sl-heading-wrapper').count();
    expect(await page.locator('main .sl-heading-wrapper .copy-link').count()).toBe(headings);

    const sectionButton = page.locator('main .sl-heading-wrapper .copy-link').first();
    expect(await sectionButton.getAttribute('aria-label')).toMatch(/^Copy link to section “.+”$/);
    await sectionButton.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => sectionButton.textContent()).toBe('Copied');
    const sectionId = await page.locator('main .sl-heading-wrapper').first().locator('h2').getAttribute('id');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${rootUrl}/bases/hmeimim-air-base/#${sectionId}`);

    const statement = page.locator('main li.statement').first();
    await statement.hover();
    await statement.locator('.copy-link').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${rootUrl}/bases/hmeimim-air-base/#${await statement.getAttribute('id')}`);

    await page.goto(`${rootUrl}/sources/002-e060aad4f616cf48/`, { waitUntil: 'load' });
    const paragraph = page.locator('main .para').nth(2);
    await paragraph.hover();
    await paragraph.locator('.copy-link').click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`${rootUrl}/sources/002-e060aad4f616cf48/#${await paragraph.getAttribute('id')}`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('draws each heading’s permalink icon once, in the stylesheet, and labels the link with the heading', async () => {
    const page = await browser.newPage();
    await page.goto(`${rootUrl}/bases/hmeimim-air-base/`, { waitUntil: 'load' });
    const wrapper = page.locator('main .sl-heading-wrapper').first();
    const heading = (await wrapper.locator('h2').textContent())!;
    const link = wrapper.locator('a.sl-anchor-link');
    expect(await link.locator('.sr-only').textContent()).toBe(`Section titled “${heading}”`);
    await wrapper.hover();
    const icon = link.locator('.sl-anchor-icon');
    const drawn = await icon.evaluate((element) => {
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      return { mask: style.maskImage, width: box.width, height: box.height, svgs: element.querySelectorAll('svg').length };
    });
    expect(drawn.mask).toMatch(/^url\("data:image\/svg\+xml/);
    expect(drawn.width).toBeGreaterThan(8);
    expect(drawn.height).toBe(drawn.width);
    // No inline SVG in any heading of a prebuilt page: the path was 0.85 KiB per heading.
    expect(await page.locator('main .sl-heading-wrapper svg').count()).toBe(0);
    await page.close();
  });
});

describe('link previews', () => {
  it('shows the lead and key facts of an event on hover and on keyboard focus', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = watchErrors(page);
    await page.goto(`${rootUrl}/`, { waitUntil: 'load' });
    // A visible text link: chart marks (SVG links) have their own tooltips instead of previews.
    const link = page.locator('main a[href*="/events/putin-sharaa-meeting-january-2026/"]:not(svg a):visible').first();
    await link.hover();
    const card = page.locator('#link-preview');
    await card.waitFor({ state: 'visible' });
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('Event · meeting');
    expect(text).toContain('Putin–al-Sharaa meeting at the Kremlin, January 2026');
    expect(text).toMatch(/28 January 2026/);
    expect(text).toMatch(/Reported by \d+ sources/);
    expect(await link.getAttribute('aria-describedby')).toBe('link-preview');
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'hidden' });

    const actor = page.locator('main a[href*="/actors/"]:not(svg a):visible').first();
    await actor.focus();
    await card.waitFor({ state: 'visible' });
    expect(await card.textContent()).toMatch(/^Actor · /);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('leaves links working without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${rootUrl}/`);
    expect(await page.locator('#link-preview').count()).toBe(0);
    await Promise.all([
      page.waitForURL(/\/events\/putin-sharaa-meeting-january-2026\/$/),
      page.locator('main a[href*="/events/putin-sharaa-meeting-january-2026/"]:not(svg a):visible').first().click(),
    ]);
    await context.close();
  });
});

describe('trust signals', () => {
  it('profiles a source by basis and links both copies of a shared paragraph', async () => {
    const page = await browser.newPage();
    await page.goto(`${rootUrl}/sources/002-e060aad4f616cf48/`);
    const profile = page.locator('main .source-profile');
    const text = await profile.innerText();
    expect(text).toMatch(/\d+ statements? of this article/);
    expect(text).toMatch(/Attributed claims: \d+ %/);
    expect(text).toMatch(/Shares \d+ paragraphs? with/);
    const pair = profile.locator('.reuse-list li li').first();
    const [here, there] = await pair.locator('a').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).getAttribute('href')!));
    expect(here).toMatch(/^\/sources\/002-e060aad4f616cf48\/#p-/);
    expect(there).toMatch(/^\/sources\/001-61cb9f6024de31c1\/#p-/);
    await page.goto(`${rootUrl}${there}`);
    expect(await page.locator(`[id="${there!.split('#')[1]}"]`).count()).toBe(1);
    await page.close();
  });

  it('shows each source’s profile at a glance in the sources index', async () => {
    const page = await browser.newPage();
    await page.goto(`${rootUrl}/sources/`);
    const headers = await page.locator('main table thead th').allInnerTexts();
    expect(headers).toEqual(expect.arrayContaining(['Statements', 'Analysis', 'Shares text with']));
    expect(await page.locator('main table tbody tr', { hasText: 'The Cradle' }).first().innerText()).toMatch(/\d+ %/);
    await page.close();
  });

  it('counts an article and its copy as one independent source', async () => {
    const page = await browser.newPage();
    await page.goto(`${rootUrl}/events/russian-withdrawal-qamishli/`);
    const supported = page.locator('main li.statement', { hasText: '2 sources, 1 independent' });
    expect(await supported.count()).toBeGreaterThan(0);
    await page.close();
  });

  it('hides analysis and opinion lines with the “reported facts only” filter', async () => {
    const page = await browser.newPage();
    await page.goto(`${rootUrl}/actors/vladimir-putin/`);
    // Long lists keep their later lines in a closed "more" disclosure: open them to see every line.
    await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
    // The filter sits above each list that holds opinion lines, and hides them in every list on the page.
    const opinions = page.locator('main li.statement[data-basis="opinion"]');
    const reported = page.locator('main li.statement:not([data-basis="opinion"])').first();
    expect(await opinions.count()).toBeGreaterThan(0);
    expect(await opinions.first().isVisible()).toBe(true);
    await page.locator('main .facts-filter__input').first().check();
    for (const line of await opinions.all()) expect(await line.isVisible()).toBe(false);
    expect(await reported.isVisible()).toBe(true);
    await page.close();
  });
});

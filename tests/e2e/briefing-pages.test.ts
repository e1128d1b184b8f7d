import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, watchErrors } from './setup/browser.ts';
import { rootUrl } from './setup/constants.ts';
import { withPagefind } from './setup/pagefind.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function mainText(page: Page): Promise<string> {
  return page.locator('main').innerText();
}

/** Distinct source slugs cited on the page. */
async function citedSources(page: Page): Promise<Set<string>> {
  const hrefs = await page.locator('main a.cite').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname));
  return new Set(hrefs.map((href) => href.split('/').filter(Boolean).at(-1)!));
}

describe('briefing pages', () => {
  it('reaches an actor, an event and a base from the home page', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    for (const [folder, expected] of [
      ['actors', 'Ahmed al-Sharaa'],
      ['events', 'Kremlin'],
      ['bases', 'Hmeimim'],
    ] as const) {
      await page.goto(`${rootUrl}/`, { waitUntil: 'load' });
      // A link in the text (chart marks are tested in the chart suites, which scroll their chart into view first).
      const link = page.locator(`main a[href*="${folder}/"]:not(figure a)`).filter({ hasText: expected, visible: true }).first();
      await Promise.all([page.waitForURL(new RegExp(`/${folder}/`)), link.click()]);
      expect(await page.locator('h1').innerText()).toContain(expected);
      expect(await page.locator('main a.cite').count()).toBeGreaterThan(0);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('follows a citation to the highlighted source paragraph and comes back through a backlink', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${rootUrl}/bases/hmeimim-air-base/`, { waitUntil: 'load' });
    const citation = page.locator('main a.cite').first();
    const passage = (await citation.locator('.cite__passage').textContent())!.trim();
    expect(passage.length).toBeGreaterThan(20);
    await citation.hover();
    expect(await citation.locator('.cite__passage').isVisible()).toBe(true);
    await Promise.all([page.waitForURL(/\/sources\/[^/]+\/#p-/), citation.click()]);
    const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
    const target = page.locator(`[id="${id}"]`);
    // A long paragraph's passage is the part around the cited sentence, marked … where cut.
    expect(await target.innerText()).toContain(passage.replace(/^… /, '').slice(0, 40));
    const highlighted = await target.evaluate((node) => getComputedStyle(node).outlineStyle);
    expect(highlighted).toBe('solid');
    const box = await target.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(800);
    // Back to the briefing through "Briefings citing this source".
    const backlink = page.locator('main a[href*="bases/hmeimim-air-base/"]').last();
    await Promise.all([page.waitForURL(/\/bases\/hmeimim-air-base\/$/), backlink.click()]);
    expect(await page.locator('h1').innerText()).toContain('Hmeimim');
    await page.close();
  });

  it('reports the relocation from Qamishli on the Hmeimim page', async () => {
    const page = await browser.newPage();
    await page.goto(`${rootUrl}/bases/hmeimim-air-base/`, { waitUntil: 'load' });
    const text = await mainText(page);
    expect(text).toMatch(/relocating personnel and equipment to the Hmeimim Air Base/);
    expect(text).toContain('Qamishli');
    await page.close();
  });

  it('gives the Kremlin meeting of 28 January 2026 its own page citing every source that reports or announces it', async () => {
    const page = await browser.newPage();
    await page.goto(`${rootUrl}/events/`, { waitUntil: 'load' });
    const link = page.locator('main table a').filter({ hasText: /January 2026/ }).filter({ hasText: /meeting/i }).first();
    await Promise.all([page.waitForURL(/\/events\/[^/]+\/$/), link.click()]);
    expect(await mainText(page)).toContain('28 January 2026');
    const sources = await citedSources(page);
    for (const slug of ['000-414b01a22b4b9160', '001-61cb9f6024de31c1', '002-e060aad4f616cf48', '003-dbdebd384bef066e']) expect(sources).toContain(slug);
    await page.close();
  });

  it('gives the October 2025 meeting its own page', async () => {
    const page = await browser.newPage();
    await page.goto(`${rootUrl}/events/`, { waitUntil: 'load' });
    const link = page.locator('main table a').filter({ hasText: /October 2025/ }).filter({ hasText: /meeting/i }).first();
    await Promise.all([page.waitForURL(/\/events\/[^/]+\/$/), link.click()]);
    expect(await mainText(page)).toContain('15 October 2025');
    const sources = await citedSources(page);
    expect(sources).toContain('004-bee40c1e7e62989b');
    expect(sources).toContain('003-dbdebd384bef066e');
    await page.close();
  });

  it("lists al-Sharaa's descriptors from at least three different sources", async () => {
    const page = await browser.newPage();
    await page.goto(`${rootUrl}/actors/ahmed-al-sharaa/`, { waitUntil: 'load' });
    const rows = page.locator('.descriptor-table tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(3);
    const phrases = await page.locator('.descriptor-table .phrases a').allInnerTexts();
    expect(new Set(phrases).size).toBeGreaterThanOrEqual(3);
    const firstPhrase = page.locator('.descriptor-table .phrases a').first();
    await Promise.all([page.waitForURL(/\/sources\/[^/]+\/#s-/), firstPhrase.click()]);
    const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
    expect(await page.locator(`[id="${id}"]`).count()).toBe(1);
    await page.close();
  });

  // Retried once: in one clean-clone run of four (6 December 2026, the suite's busiest minutes) Pagefind's
  // UI showed the results but never its filter panel within 30 s, which it draws only once its filter
  // index has loaded; seven runs under a full CPU load did not reproduce it. A site whose filters are
  // missing still fails both attempts.
  it('narrows search results by kind with the search filters', { retry: 1 }, async () => {
    const page = await browser.newPage();
    await page.goto(`${rootUrl}/`, { waitUntil: 'load' });
    await page.click('button[data-open-modal]');
    await page.locator('.pagefind-ui__search-input').fill('Hmeimim');
    await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 });
    const total = async () => Number(/(\d+) results?/.exec(await page.locator('.pagefind-ui__message').innerText())?.[1]);
    const before = await total();
    await page.locator('.pagefind-ui__filter-name').filter({ hasText: /kind/i }).click();
    await page.locator('#kind-base').check();
    await page.waitForFunction((count) => !document.querySelector('.pagefind-ui__message')?.textContent?.startsWith(`${count} `), before);
    const after = await total();
    expect(after).toBeGreaterThan(0);
    expect(after).toBeLessThan(before);
    // Pagefind renders results one by one as their fragments load: wait for all of them.
    const results = page.locator('.pagefind-ui__result > .pagefind-ui__result-inner > .pagefind-ui__result-title a');
    await expect.poll(() => results.count(), { timeout: 10_000 }).toBe(after);
    const links = await results.evaluateAll((nodes) => nodes.map((node) => (node as HTMLAnchorElement).pathname));
    for (const link of links) expect(link).toMatch(/\/bases\//);
    await page.close();
  });

  it('indexes the text of each page, not its profile or its excerpts of other pages, and each source sentence once', async () => {
    const page = await browser.newPage();
    await page.goto(`${rootUrl}/`, { waitUntil: 'load' });
    // Pagefind's own API: every source and actor page, with the text it indexed for it.
    // A string, not a function: vitest would rewrite a function's dynamic import() for Node.
    const indexed = (await page.evaluate(
      withPagefind(
        rootUrl,
        `const found = await pagefind.search(null, { filters: { kind: { any: ['source', 'actor'] } } });
        const pages = await Promise.all(found.results.map((result) => result.data()));
        return pages.map(({ url, content }) => ({ path: new URL(url, location.href).pathname, content }));`,
      ),
    )) as { path: string; content: string }[];
    const sources = indexed.filter((entry) => entry.path.includes('/sources/'));
    expect(sources.length).toBeGreaterThanOrEqual(5);
    // A source page's profile ("… (40 % alike)", other sources' titles) is on the page, but not in its index entry.
    await page.goto(`${rootUrl}${sources.find((entry) => entry.path.includes('/sources/001'))?.path ?? sources[0]!.path}`);
    expect(await page.locator('main .source-profile').innerText()).toMatch(/% alike/);
    for (const source of sources) expect(source.content, source.path).not.toMatch(/% alike|likely origin|likely copy/);
    // An actor page's "Mentioned in" excerpts are the source pages' text: shown there, indexed there.
    await page.goto(`${rootUrl}/actors/russia/`);
    const excerpts = await page.locator('.backlinks .backlink__sentence').allInnerTexts();
    expect(excerpts.length).toBeGreaterThan(0);
    // "Mentioned in" shows the sentence with its mention marked, not the whole paragraph as a link.
    expect(await page.locator('.backlinks .backlink__sentence mark').first().innerText()).toMatch(/Russia|Moscow|Kremlin|Russian/);
    for (const link of await page.locator('.backlinks .backlink__paragraph').allTextContents()) expect(link).toBe('in context');
    expect(await page.locator('.backlinks ul[data-pagefind-ignore]').count()).toBe(await page.locator('.backlinks ul').count());
    const russia = indexed.find((entry) => entry.path.endsWith('/actors/russia/'));
    expect(russia?.content).toContain('Russia');
    // Its key facts are its own summary, indexed here; its other statement lines and quotes are source
    // sentences, indexed once, on the source page they cite.
    const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
    const keyFact = squash(await page.locator('.statement-block:not([data-pagefind-ignore]) .statement__text').first().innerText());
    expect(squash(russia!.content)).toContain(keyFact);
    const line = page.locator('.statement-block[data-pagefind-ignore] .statement__text').first();
    const [lineText, cited] = [squash(await line.innerText()), await line.locator('xpath=ancestor::li[1]').locator('a.cite').first().getAttribute('href')];
    expect(squash(russia!.content)).not.toContain(lineText);
    const citedPath = new URL(cited!, page.url()).pathname;
    expect(squash(indexed.find((entry) => entry.path === citedPath)?.content ?? '')).toContain(lineText.slice(0, 40));
    // Quotes, side-by-side columns, citations and support counts (a claim many outlets report lists every outlet) stay out too.
    expect(await page.locator('ul.quotes:not([data-pagefind-ignore]), .source-columns:not([data-pagefind-ignore]), a.cite:not([data-pagefind-ignore]), .statement__support:not([data-pagefind-ignore])').count()).toBe(0);
    expect(await page.locator('a.cite').count()).toBeGreaterThan(0);
    // Connections: the names are indexed; the counts, the "above" links and the sentences are not.
    expect(await page.locator('.connection__name').count()).toBeGreaterThan(0);
    expect(russia!.content).toContain(await page.locator('.connection__name').first().innerText());
    expect(await page.locator('.connection__meta:not([data-pagefind-ignore]), .connection__shown:not([data-pagefind-ignore]), .connection__sentence:not([data-pagefind-ignore])').count()).toBe(0);
    expect(russia!.content).not.toMatch(/shared sentences?|connects them/);
    // "Where sources differ": what differs is the briefing's own summary, indexed; each source's wording is not.
    await page.goto(`${rootUrl}/actors/ahmed-al-sharaa/`);
    const summary = squash(await page.locator('.conflict__summary').first().innerText()).replace(/^Sources differ\.\s*/, '');
    const sharaa = squash(indexed.find((entry) => entry.path.endsWith('/actors/ahmed-al-sharaa/'))?.content ?? '');
    expect(sharaa).toContain(summary.slice(0, 40));
    const wording = squash(await page.locator('.conflict > ul li li').first().innerText()).replace(/^[^:]*:\s*[“"]?/, '');
    expect(wording.length).toBeGreaterThan(20);
    expect(sharaa).not.toContain(wording.slice(0, 40));
    expect(await page.locator('.conflict > ul:not([data-pagefind-ignore])').count()).toBe(0);
    await page.close();
  });
});

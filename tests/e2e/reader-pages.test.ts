/**
 * Reader-first briefing pages (issue 16), in Chromium, on the seed build and
 * on the second story (no registry): every page leads with its cited key
 * facts ("What happened" on events), shows each statement once, ends within
 * the height limit with its long lists one click away, and its facts-only
 * filter hides every opinion line, and the fact box's counts agree with what
 * the page cites. Notes give each source once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launch } from './setup/browser.ts';
import { rootUrl, secondStoryOutDir, secondStoryUrl } from './setup/constants.ts';

/** At 1,280 px wide, the longest page with every section at its first items; phones stack everything in one column. */
const HEIGHT_LIMIT = { 1280: 8_000, 390: 12_000 } as const;

const kinds = ['actors', 'bases', 'places', 'events'];
const pagesOf = (dir: string) =>
  kinds.flatMap((kind) =>
    readdirSync(`${dir}/${kind}`, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `/${kind}/${entry.name}/`),
  );
const sites = [
  { name: 'seeds', url: rootUrl, paths: pagesOf('dist') },
  { name: 'second story', url: secondStoryUrl, paths: pagesOf(secondStoryOutDir) },
];

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
});

/** What the checks read from one page: its section titles, its statement lines, its notes. */
async function readPage(url: string) {
  await page.goto(url);
  return page.evaluate(() => {
    const headings = [...document.querySelectorAll('.sl-markdown-content h2')].map((h) => h.textContent?.trim() ?? '');
    const firstSection = (title: string) => {
      const heading = [...document.querySelectorAll('.sl-markdown-content h2')].find((h) => h.textContent?.trim() === title);
      const section = heading?.closest('.sl-heading-wrapper') ?? heading;
      const list = section?.nextElementSibling;
      return [...(list?.querySelectorAll('.statement') ?? [])].map((line) => ({
        text: line.querySelector('.statement__text')?.textContent ?? '',
        cites: [...line.querySelectorAll('a.cite')].map((a) => a.getAttribute('href') ?? ''),
      }));
    };
    const seen = new Map<string, number>();
    for (const element of document.querySelectorAll('[data-statements]')) {
      for (const id of (element.getAttribute('data-statements') ?? '').split(' ').filter(Boolean)) seen.set(id, (seen.get(id) ?? 0) + 1);
    }
    const notes = [...document.querySelectorAll('.notes > li > a:first-child')].map((a) => a.getAttribute('href') ?? '');
    // The fact box's "N mentions in M sources", and the sources the page links to (getAttribute, not .href:
    // chart marks are SVG links, whose href is not a string).
    const term = [...document.querySelectorAll('dt')].find((dt) => dt.textContent?.trim() === 'Coverage');
    const citedSources = new Set(
      [...document.querySelectorAll('main a[href*="sources/"]')]
        .map((link) => new URL(link.getAttribute('href') ?? '', document.baseURI).pathname.match(/\/sources\/([^/]+)\//)?.[1])
        .filter((slug): slug is string => slug !== undefined && slug !== ''),
    );
    return {
      coverage: term?.nextElementSibling?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
      cited: citedSources.size,
      opinions: document.querySelectorAll('[data-basis="opinion"]').length,
      // A date run into the next word as a reader sees it: "28 January 2026(exact day)", "15 October 2025REPORTED".
      glued: (document.querySelector('main') as HTMLElement | null)?.innerText.match(/\d{4}(?:\(|[A-Z]{2,})/g) ?? [],
      filtered: document.querySelectorAll('.facts-filter__input').length > 0,
      headings,
      lede: firstSection('What happened').concat(firstSection('Key facts')),
      statements: document.querySelectorAll('[data-statements]').length,
      repeated: [...seen].filter(([, count]) => count > 1).map(([id]) => id),
      notes,
    };
  });
}

describe.each(sites)('reader-first pages: $name', ({ url, paths }) => {
  // One visit per page: what it shows at 1,280 px, then its height at each width (resizing lays it out again).
  const reads = new Map<string, Awaited<ReturnType<typeof readPage>> & { heights: Record<keyof typeof HEIGHT_LIMIT, number>; collapsed: number }>();
  beforeAll(async () => {
    for (const path of paths) {
      await page.setViewportSize({ width: 1280, height: 900 });
      const read = await readPage(`${url}${path}`);
      const measure = () => page.evaluate(() => ({ height: document.documentElement.scrollHeight, more: document.querySelectorAll('details.more').length }));
      const wide = await measure();
      await page.setViewportSize({ width: 390, height: 900 });
      const narrow = await measure();
      reads.set(path, { ...read, heights: { 1280: wide.height, 390: narrow.height }, collapsed: wide.more });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('has pages of every kind to check', () => {
    expect(paths.length).toBeGreaterThan(5);
    for (const kind of kinds) expect(paths.some((path) => path.startsWith(`/${kind}/`)), kind).toBe(true);
    expect(reads.size).toBe(paths.length);
  });

  it('leads each page that reports anything with cited key facts, and shows no statement twice', () => {
    const problems: string[] = [];
    let ledes = 0;
    for (const [path, read] of reads) {
      const leadTitle = path.startsWith('/events/') ? 'What happened' : 'Key facts';
      if (read.repeated.length > 0) problems.push(`${path}: statements shown twice: ${read.repeated.join(', ')}`);
      if (read.lede.length > 0) {
        ledes++;
        if (read.headings[0] !== leadTitle) problems.push(`${path}: the first section is "${read.headings[0]}", not "${leadTitle}"`);
        for (const line of read.lede) if (!line.cites.some((href) => /\/sources\/[^/]+\/#p/.test(href))) problems.push(`${path}: uncited lede line "${line.text}"`);
      }
      if (new Set(read.notes).size !== read.notes.length) problems.push(`${path}: a source has more than one note`);
      if (read.glued.length > 0) problems.push(`${path}: text run together: ${read.glued.join(', ')}`);
    }
    expect(problems).toEqual([]);
    // Most pages report something; a site where no page leads with facts has lost its ledes.
    expect(ledes).toBeGreaterThan(paths.length / 2);
  });

  // One definition of each count (issue 16 item 3): "N mentions in M sources" in the fact box agrees with
  // what the page cites: M is the number of distinct sources its links lead to, N is never below M, and
  // each number agrees in grammar.
  it('gives in its fact box as many sources as the page cites, and at least as many mentions', () => {
    const problems: string[] = [];
    for (const [path, { coverage, cited }] of reads) {
      const match = /^(\d+) (mentions?) in (\d+) (sources?)/.exec(coverage);
      if (!match) {
        problems.push(`${path}: no coverage line ("${coverage}")`);
        continue;
      }
      const [mentions, sources] = [Number(match[1]), Number(match[3])];
      if (sources !== cited) problems.push(`${path}: the fact box says ${sources} sources, the page cites ${cited}`);
      if (mentions < sources) problems.push(`${path}: ${mentions} mentions in ${sources} sources`);
      if (sources === 0) problems.push(`${path}: a page citing no source`);
      if ((mentions === 1) !== (match[2] === 'mention') || (sources === 1) !== (match[4] === 'source')) problems.push(`${path}: "${coverage}"`);
    }
    expect(problems).toEqual([]);
  });

  it('hides every opinion line on the page, in every list, when "Reported facts only" is ticked', async () => {
    // The page with the most opinion lines that offers the filter.
    const [path] = [...reads].filter(([, read]) => read.filtered && read.opinions > 0).sort(([, a], [, b]) => b.opinions - a.opinions)[0] ?? [];
    if (!path) throw new Error('no page offers the facts-only filter beside an opinion line');
    await page.goto(`${url}${path}`);
    await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
    const visible = (selector: string) => page.evaluate((query) => [...document.querySelectorAll(query)].filter((line) => getComputedStyle(line).display !== 'none').length, selector);
    expect(await visible('[data-basis="opinion"]'), path).toBeGreaterThan(0);
    await page.locator('.facts-filter__input').first().check();
    expect(await visible('[data-basis="opinion"]'), path).toBe(0);
    expect(await visible('.statement:not([data-basis="opinion"])'), path).toBeGreaterThan(0);
  });

  it.each([1280, 390] as const)('every page ends within the height limit at %i px, its full lists one click away', (width) => {
    const tall = [...reads].filter(([, read]) => read.heights[width] > HEIGHT_LIMIT[width]).map(([path, read]) => `${path}: ${read.heights[width]} px`);
    expect(tall).toEqual([]);
    expect([...reads.values()].reduce((sum, read) => sum + read.collapsed, 0)).toBeGreaterThan(0);
  });
});

describe('reader-first pages: behaviour on the seeds', () => {
  it('prints each citation with its outlet and its note, not a number alone', async () => {
    const path = pagesOf('dist').find((item) => item.startsWith('/actors/'))!;
    await page.goto(`${rootUrl}${path}`);
    await page.emulateMedia({ media: 'print' });
    try {
      const cites = await page.locator('main a.cite[data-note]').evaluateAll((links) =>
        links
          .filter((link) => getComputedStyle(link).display !== 'none')
          .map((link) => ({ text: (link as HTMLElement).innerText.trim(), note: getComputedStyle(link, '::after').content })),
      );
      expect(cites.length).toBeGreaterThan(0);
      for (const cite of cites) {
        expect(cite.text, JSON.stringify(cite)).toMatch(/\p{L}{2,}/u);
        expect(cite.note, JSON.stringify(cite)).toMatch(/\[\d+[a-z]*\]/);
      }
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('a link to a statement inside a collapsed list opens it', async () => {
    const paths = pagesOf('dist');
    for (const path of paths) {
      await page.goto(`${rootUrl}${path}`);
      const id = await page.evaluate(() => document.querySelector('details.more:not([open]) .statement[id]')?.id);
      if (!id) continue;
      await page.goto(`${rootUrl}${path}#${id}`);
      await expect.poll(() => page.evaluate((target) => document.getElementById(target)?.closest('details')?.open, id)).toBe(true);
      expect(await page.locator(`[id="${id}"]`).isVisible()).toBe(true);
      return;
    }
    throw new Error('no page has a collapsed statement list');
  });

  it('the place a base is in links the base', async () => {
    let checked = 0;
    for (const path of pagesOf('dist').filter((item) => item.startsWith('/bases/'))) {
      await page.goto(`${rootUrl}${path}`);
      const placeLink = page.locator('.infobox dt', { hasText: /^Place$/ }).locator('xpath=following-sibling::dd[1]').locator('a');
      if ((await placeLink.count()) === 0) continue;
      const placeHref = new URL((await placeLink.first().getAttribute('href'))!, page.url()).toString();
      await page.goto(placeHref);
      const links = await page.locator('main a').evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
      expect(links, `${placeHref} links ${path}`).toContain(`${rootUrl}${path}`);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('a sentence naming a town as an installation\'s place is on the base page, not the town\'s', async () => {
    // The seed articles write "its lone deep water port and Mediterranean base at Tartus" and "its bases in
    // Hmeimim (air) and Tartus (naval)": statements about the naval base (link/installations.ts).
    const sentences = ['Mediterranean base at Tartus', 'bases in Hmeimim (air) and Tartus (naval)'];
    await page.goto(`${rootUrl}/bases/tartus-naval-base/`);
    const text = (await page.locator('main').textContent()) ?? '';
    for (const sentence of sentences) expect(text).toContain(sentence);
    // The town's page, where it has one (here no statement is about the town itself, so it has none).
    const town = await page.goto(`${rootUrl}/places/tartus/`);
    const townText = town?.ok() ? ((await page.locator('main').textContent()) ?? '') : '';
    for (const sentence of sentences) expect(townText).not.toContain(sentence);
  });

  it('a base page states its current status, as of a date, citing a paragraph that exists', async () => {
    const bases = pagesOf('dist').filter((path) => path.startsWith('/bases/'));
    let withStatus = 0;
    for (const path of bases) {
      await page.goto(`${rootUrl}${path}`);
      const line = page.locator('.sl-markdown-content p', { hasText: /^Status: (held|withdrawn|under negotiation), as of / });
      if ((await line.count()) === 0) continue;
      withStatus++;
      const href = await line.first().locator('a').first().getAttribute('href');
      expect(href, path).toMatch(/\/sources\/[^/]+\/#p/);
      await page.goto(new URL(href!, `${rootUrl}${path}`).toString());
      const target = decodeURIComponent(new URL(page.url()).hash.slice(1));
      expect(await page.locator(`[id="${target}"]`).count(), path).toBe(1);
    }
    expect(withStatus).toBeGreaterThan(0);
  });
});

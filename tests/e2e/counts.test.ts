/**
 * One definition of each count (issue 16 item 3), checked on every briefing
 * page of the seed build in Chromium: the infobox's "N mentions in M sources"
 * agrees with what the page cites — M is the number of distinct sources its
 * citations link to, N is never below M, and each number agrees in grammar.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launch } from './setup/browser.ts';
import { rootUrl } from './setup/constants.ts';

const kinds = ['actors', 'bases', 'places', 'events'];
const paths = kinds.flatMap((kind) =>
  readdirSync(`dist/${kind}`, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `/${kind}/${entry.name}/`),
);

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launch();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
});

describe('counts agree with the page', () => {
  it('covers every page kind', () => {
    for (const kind of kinds) expect(paths.some((path) => path.startsWith(`/${kind}/`)), kind).toBe(true);
  });

  it('the infobox gives as many sources as the page cites, and at least as many mentions', async () => {
    const problems: string[] = [];
    for (const path of paths) {
      await page.goto(`${rootUrl}${path}`);
      const { coverage, cited } = await page.evaluate(() => {
        const term = [...document.querySelectorAll('dt')].find((dt) => dt.textContent?.trim() === 'Coverage');
        const slugs = new Set(
          // getAttribute, not .href: chart marks are SVG links, whose href is not a string.
          [...document.querySelectorAll('main a[href*="sources/"]')]
            .map((link) => new URL(link.getAttribute('href') ?? '', document.baseURI).pathname.match(/\/sources\/([^/]+)\//)?.[1])
            .filter((slug): slug is string => slug !== undefined && slug !== ''),
        );
        return { coverage: term?.nextElementSibling?.textContent?.replace(/\s+/g, ' ').trim() ?? '', cited: slugs.size };
      });
      const match = /^(\d+) (mentions?) in (\d+) (sources?)/.exec(coverage);
      if (!match) {
        problems.push(`${path}: no coverage line ("${coverage}")`);
        continue;
      }
      const [mentions, sources] = [Number(match[1]), Number(match[3])];
      if (sources !== cited) problems.push(`${path}: infobox says ${sources} sources, the page cites ${cited}`);
      if (mentions < sources) problems.push(`${path}: ${mentions} mentions in ${sources} sources`);
      if (sources === 0) problems.push(`${path}: a page citing no source`);
      if ((mentions === 1) !== (match[2] === 'mention') || (sources === 1) !== (match[4] === 'source')) problems.push(`${path}: "${coverage}"`);
    }
    expect(problems).toEqual([]);
  });
});

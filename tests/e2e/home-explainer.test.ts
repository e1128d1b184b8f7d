/**
 * The home page reads as an explainer (issue 16 item 1): a cited lede of what
 * happened comes first, then the key dates newest first, then the charts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch } from './setup/browser.ts';
import { rootUrl } from './setup/constants.ts';

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${rootUrl}/`, { waitUntil: 'load' });
});
afterAll(async () => {
  await browser?.close();
});

describe('home page explainer', () => {
  it('opens with "What happened": each line the source’s sentence, cited to its paragraph', async () => {
    const lines = await page.evaluate(() => {
      return [...document.querySelectorAll('main li[id^="lede-"]')].map((item) => ({
        text: item.textContent?.replace(/\s+/g, ' ').trim() ?? '',
        cites: [...item.querySelectorAll('a[href*="sources/"]')].map((link) => link.getAttribute('href') ?? ''),
      }));
    });
    expect(lines.length).toBeGreaterThanOrEqual(1);
    expect(lines.length).toBeLessThanOrEqual(3);
    for (const line of lines) expect(line.cites.some((href) => /sources\/[^/]+\/#p-/.test(href)), line.text).toBe(true);
  });

  it('puts the lede and the key dates before the first chart', async () => {
    const order = await page.evaluate(() => {
      const top = (element: Element | null) => (element ? element.getBoundingClientRect().top + window.scrollY : Number.POSITIVE_INFINITY);
      return {
        dates: top(document.getElementById('key-dates')),
        lede: top(document.getElementById('what-happened')),
        chart: top(document.querySelector('main figure.chart')),
      };
    });
    expect(order.lede).toBeLessThan(order.dates);
    expect(order.dates).toBeLessThan(order.chart);
  });

  it('lists the key dates newest first', async () => {
    const dates = await page.evaluate(() => {
      // The list between the "Key dates" heading and the next heading.
      let node = document.getElementById('key-dates')?.closest('.sl-heading-wrapper')?.nextElementSibling;
      while (node && node.tagName !== 'UL' && !node.classList.contains('sl-heading-wrapper')) node = node.nextElementSibling;
      return [...(node?.tagName === 'UL' ? node.querySelectorAll(':scope > li') : [])].map((item) => item.textContent?.split(':')[0]?.trim() ?? '');
    });
    expect(dates.length).toBeGreaterThanOrEqual(2);
    const starts = dates.map((label) => Date.parse(label.replace(/^(\d+)–\d+ /, '$1 ').replace(/^(?:early|mid|late) /, '1 ')) || Date.parse(`1 ${label}`) || Date.parse(`1 January ${label}`));
    expect(starts.every((value) => Number.isFinite(value)), dates.join(' | ')).toBe(true);
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
  });
});

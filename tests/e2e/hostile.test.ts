import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, watchErrors } from './setup/browser.ts';
import { hostileUrl } from './setup/constants.ts';
import { hostileCases } from '../fixtures/hostile-corpus.ts';
import { slugify } from '../../scripts/pipeline/shared/slug.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('hostile articles in the built site', () => {
  const rendered = hostileCases().filter((item) => item.expect === 'page' && item.visible);

  it.each(rendered.map((item) => [item.name, item] as const))('%s renders its text as text, with no injected element', async (_name, item) => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    const slug = slugify(item.name.replace(/\.[^.]+$/, ''));
    const response = await page.goto(`${hostileUrl}/sources/${slug}/`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    expect(await page.locator('main').innerText()).toContain(item.visible);
    const injected = await page.evaluate(() => {
      const found: string[] = [];
      for (const element of document.querySelectorAll('main *')) {
        for (const attribute of element.getAttributeNames()) {
          if (/^on/i.test(attribute)) found.push(`${element.tagName} ${attribute}`);
        }
        if (element.tagName === 'A' && /^\s*javascript:/i.test(element.getAttribute('href') ?? '')) found.push('javascript: link');
        if (['SCRIPT', 'IMG', 'IFRAME', 'OBJECT', 'EMBED', 'STYLE'].includes(element.tagName)) found.push(element.tagName);
        if (element.tagName === 'A' && /evil\.example/.test(element.getAttribute('href') ?? '')) found.push('link from article text');
      }
      return found;
    });
    expect(injected).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps the seed articles and the index pages working next to the hostile ones', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${hostileUrl}/sources/`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    const rows = await page.locator('main table tbody tr').count();
    expect(rows).toBeGreaterThanOrEqual(5 + rendered.length);
    const seed = await page.goto(`${hostileUrl}/bases/hmeimim-air-base/`, { waitUntil: 'load' });
    expect(seed?.status()).toBe(200);
    await page.close();
  });
});

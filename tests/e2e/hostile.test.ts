/**
 * The hostile build (tests/fixtures/hostile-corpus.ts: malformed articles and
 * markup payloads in every place a string enters) in Chromium. Every page it
 * built is loaded, with the 404 page, the search results, the feed and the
 * published data: any dialog, any call of the `__pwned` probe the payloads
 * invoke, any element or attribute that came from input, or a <title> that is
 * not the intended text fails the test.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SaxesParser } from 'saxes';
import { launch, watchErrors } from './setup/browser.ts';
import { hostileOutDir, hostileUrl } from './setup/constants.ts';
import { hostileCases, hostileSiteSettings, PAYLOAD_MARKER } from '../fixtures/hostile-corpus.ts';
import { slugify } from '../../scripts/pipeline/shared/slug.ts';
import { hasXmlForbidden, stripXmlForbidden } from '../../scripts/pipeline/shared/escape.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('hostile articles in the built site', () => {
  const rendered = hostileCases().filter((item) => item.expect === 'page' && item.visible);

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

  it('names a few of the outlets that reprint a claim and counts the rest', async () => {
    // About a hundred payload articles carry one seed sentence word for word: one line, one short support note.
    const page = await browser.newPage();
    await page.goto(`${hostileUrl}/actors/vladimir-putin/`, { waitUntil: 'domcontentloaded' });
    const widest = await page.evaluate(() => {
      const lines = [...document.querySelectorAll('li.statement')].map((line) => ({ cites: line.querySelectorAll('a.cite').length, support: line.querySelector('.statement__support')?.textContent ?? '' }));
      return lines.sort((p, q) => q.cites - p.cites)[0];
    });
    await page.close();
    expect(widest?.cites).toBeGreaterThanOrEqual(50);
    expect(widest?.support).toMatch(/^\s*\d+ sources, 1 independent \(.+ and \d+ others reprint .+\)\s*$/s);
    expect(widest?.support.split(' reprint').length, 'one original named once').toBe(2);
    expect(widest?.support.length).toBeLessThan(1000);
  });
});

/** Site paths of every page the hostile build produced (each folder's index.html). */
function builtPages(folder = hostileOutDir): string[] {
  const paths: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (name === 'pagefind' || name === '_astro') continue;
      if (statSync(path).isDirectory()) walk(path);
      else if (name === 'index.html') paths.push(`/${relative(folder, dir).split(sep).join('/')}/`.replace(/^\/+/, '/'));
    }
  };
  walk(folder);
  return paths.sort();
}

/** Text as a page shows it: without the characters XML forbids (the feed and data drop them), HTML whitespace collapsed. */
const shown = (text: string) => stripXmlForbidden(text).text.replace(/[\t\n\f\r ]+/g, ' ').trim();

interface Findings {
  injected: string[];
  probe: string[];
  title: string;
  titles: number;
  h1: string | undefined;
  siteName: string | undefined;
  headIntact: boolean;
}

/** Everything in the document that only input could have put there. Runs in the page. */
function inspect(marker: string): Findings {
  const injected: string[] = [];
  const describe = (element: Element) => `<${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}>`;
  for (const element of document.querySelectorAll('*')) {
    for (const name of element.getAttributeNames()) {
      if (/^on/i.test(name)) injected.push(`${describe(element)} ${name}`);
      // Pagefind's own search form is the one script URL we ship (it only stops the form from submitting).
      const pagefindForm = element.matches('form.pagefind-ui__form') && name === 'action' && element.getAttribute(name) === 'javascript:void(0);';
      if (!pagefindForm && /^(?:href|src|action|formaction|xlink:href)$/i.test(name) && /^[\s\u0000-\u001f]*(?:javascript|vbscript|data:text\/html)/i.test(element.getAttribute(name) ?? '')) {
        injected.push(`${describe(element)} ${name}=${element.getAttribute(name)}`);
      }
    }
    if (element.classList.contains(marker) || element.id === marker) injected.push(`marked ${describe(element)}`);
    if (/^(?:iframe|object|embed|frame|frameset|citation|infobox|component|para)$/i.test(element.tagName)) injected.push(describe(element));
    if (element.tagName === 'IMG' && element.getAttribute('src') === 'x') injected.push('img src=x');
    // Article text names this host; a link to it could only come from the text becoming markup.
    if (element.tagName === 'A' && /evil\.example/.test(element.getAttribute('href') ?? '')) injected.push('link from article text');
    if (element.tagName === 'SCRIPT') {
      const type = element.getAttribute('type') ?? '';
      const text = element.textContent ?? '';
      if (type === 'application/ld+json') {
        try {
          JSON.parse(text);
        } catch {
          injected.push('JSON-LD that does not parse');
        }
      } else if (/__pwned|alert\(/.test(text)) injected.push(`script running input: ${text.slice(0, 80)}`);
    }
  }
  const comments = document.createTreeWalker(document, NodeFilter.SHOW_COMMENT);
  while (comments.nextNode()) injected.push(`comment: ${(comments.currentNode.nodeValue ?? '').slice(0, 80)}`);
  const head = document.head;
  return {
    injected,
    probe: (window as unknown as { __pwnedCalls: string[] }).__pwnedCalls,
    title: document.title,
    titles: document.querySelectorAll('title').length - document.querySelectorAll('svg title').length,
    h1: document.querySelector('h1')?.textContent ?? undefined,
    siteName: head.querySelector('meta[property="og:site_name"]')?.getAttribute('content') ?? undefined,
    headIntact: Boolean(head.querySelector('meta[name="viewport"]') && head.querySelector('link[rel="canonical"]') && head.querySelector('link[rel="alternate"][type="application/atom+xml"]')),
  };
}

describe('every page of the hostile build', () => {
  const site = hostileSiteSettings();
  const pages = builtPages();
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  const dialogs: string[] = [];

  beforeAll(async () => {
    // A phone's screen: the checks read the document, not the picture, and a small viewport
    // (Starlight's sidebars folded away) takes Chromium about a quarter less time per page.
    context = await browser.newContext({ viewport: { width: 360, height: 640 } });
    // The probe the payloads call: any call means input ran as script.
    await context.addInitScript(() => {
      const calls: string[] = [];
      Object.assign(window, { __pwnedCalls: calls, __pwned: (key: unknown) => calls.push(String(key)) });
    });
    page = await context.newPage();
    errors = watchErrors(page);
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
  });
  afterAll(async () => {
    await context?.close();
  });

  /** Loads `path`, then checks the document; returns the findings for more specific checks. */
  async function check(path: string, status = 200): Promise<Findings> {
    errors.length = 0;
    dialogs.length = 0;
    const response = await page.goto(`${hostileUrl}${path}`, { waitUntil: 'load' });
    expect(response?.status(), path).toBe(status);
    const found = await page.evaluate(inspect, PAYLOAD_MARKER);
    expect(found.injected, path).toEqual([]);
    expect(found.probe, path).toEqual([]);
    expect(dialogs, path).toEqual([]);
    expect(found.titles, `${path}: one <title>`).toBe(1);
    expect(found.headIntact, `${path}: the head after the title is still there`).toBe(true);
    expect(shown(found.siteName ?? ''), `${path}: og:site_name`).toBe(shown(site.title));
    // "<page title> | <site title>": the whole site title as text, and the page's own title (perhaps shortened) before it.
    const title = shown(found.title);
    const siteTitle = shown(site.title);
    expect(title.endsWith(` | ${siteTitle}`) || title === siteTitle, `${path}: <title> ends with the site title`).toBe(true);
    const own = title === siteTitle ? '' : title.slice(0, -` | ${siteTitle}`.length);
    const h1 = shown(found.h1 ?? '');
    expect(own === h1 || (own.endsWith('…') && h1.startsWith(own.slice(0, -1).trim())) || path === '/', `${path}: <title> "${own.slice(0, 80)}" against h1 "${h1.slice(0, 80)}"`).toBe(true);
    return found;
  }

  it('has every page kind to check', () => {
    for (const prefix of ['/actors/', '/events/', '/places/', '/bases/', '/sources/']) expect(pages.filter((path) => path.startsWith(prefix)).length, prefix).toBeGreaterThan(1);
    expect(pages).toContain('/');
    expect(pages.filter((path) => /^\/(?:actors|events)\/payload-/.test(path)).length).toBeGreaterThanOrEqual(30);
    expect(pages.filter((path) => /^\/sources\/p-/.test(path)).length).toBeGreaterThanOrEqual(90);
  });

  /** Malformed articles whose text must be shown verbatim, by their page. */
  const visible = new Map<string, string>(hostileCases().flatMap((item) => (item.expect === 'page' && item.visible ? [[`/sources/${slugify(item.name.replace(/\.[^.]+$/, ''))}/`, item.visible] as const] : [])));

  it.each(pages)('%s runs no input and shows it as text', async (path) => {
    await check(path);
    expect(errors, path).toEqual([]);
    if (visible.has(path)) expect(await page.locator('main').innerText(), path).toContain(visible.get(path));
  });

  it('shows each payload title as the page heading and in <title>, as text', async () => {
    for (const key of ['title-img', 'title-comment', 'script-close', 'entities', 'attr-double']) {
      const found = await check(`/sources/${slugify(`p-${key}-front`)}/`);
      expect(found.h1, key).toMatch(/<|&|"/);
      // With a long site title even a short page title is cut (emit/title.ts), so compare its start.
      expect(shown(found.title).startsWith(shown(found.h1 ?? '').slice(0, 8)), key).toBe(true);
    }
  });

  it('the 404 page', async () => {
    await check('/no-such-page/', 404);
  });

  it('search results for the payloads', { timeout: 240_000 }, async () => {
    await check('/');
    await page.click('button[data-open-modal]');
    const input = page.locator('.pagefind-ui__search-input');
    await input.waitFor({ state: 'visible' });
    for (const term of ['pwned', 'title img', 'script', 'Outlet']) {
      await input.fill(term);
      await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 45_000 });
      // Let Pagefind render excerpts and the filters (outlets from the payloads among them).
      await page.waitForTimeout(300);
      const found = await page.evaluate(inspect, PAYLOAD_MARKER);
      expect(found.injected, term).toEqual([]);
      expect(found.probe, term).toEqual([]);
    }
    expect(dialogs).toEqual([]);
  });
});

describe('feed and published data of the hostile build', () => {
  it('feed.xml is well-formed XML (strict parser) and keeps the payloads as text', async () => {
    const response = await fetch(`${hostileUrl}/feed.xml`);
    expect(response.status).toBe(200);
    const xml = await response.text();
    const parser = new SaxesParser({ xmlns: true });
    const problems: string[] = [];
    const titles: string[] = [];
    let inTitle = false;
    parser.on('error', (error) => problems.push(error.message));
    parser.on('opentag', (tag) => (inTitle = tag.local === 'title'));
    parser.on('closetag', () => (inTitle = false));
    parser.on('text', (text) => inTitle && titles.push(text));
    parser.write(xml).close();
    expect(problems).toEqual([]);
    expect(hasXmlForbidden(xml)).toBe(false);
    expect(titles.some((title) => title.includes(`Meeting </title><img src=x class=pwn`))).toBe(true);
    expect(titles[0]).toBe(stripXmlForbidden(hostileSiteSettings().title).text);
  });

  it.each(['/data/briefing.json.gz', '/data/previews.json'])('%s holds no character XML forbids', async (path) => {
    const response = await fetch(`${hostileUrl}${path}`);
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    // The model is published gzip-compressed. A server that sends it with Content-Encoding: gzip
    // (as `astro preview` does) has fetch inflate it; the file itself is gzip either way.
    const gzip = (data: Buffer) => data[0] === 0x1f && data[1] === 0x8b;
    if (path.endsWith('.gz')) expect(gzip(readFileSync(join(hostileOutDir, path)))).toBe(true);
    const json = gzip(bytes) ? gunzipSync(bytes) : bytes;
    const strings: string[] = [];
    const walk = (value: unknown): void => {
      if (typeof value === 'string') strings.push(value);
      else if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') for (const [key, member] of Object.entries(value)) (strings.push(key), walk(member));
    };
    walk(JSON.parse(json.toString('utf8')));
    expect(strings.filter(hasXmlForbidden)).toEqual([]);
    expect(strings.some((text) => text.includes('</title><img src=x class=pwn'))).toBe(true);
  });
});

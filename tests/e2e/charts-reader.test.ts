/**
 * Issue 16, charts and behaviour for readers, in Chromium on the built seed
 * site: the timeline reads in date order with labelled lanes and opens on the
 * story's period; the home network holds at most 25 nodes, each with its whole
 * name and no label over another; no chart for a single mark; chart tables
 * stay out of the search index; the facts-only filter hides every opinion
 * line on the page; index tables take the content width and keep their first
 * column in view on a phone; flags are SVG, not emoji; short quotes are not
 * block quotes. Screenshots of every page kind (light and dark, 1280 and 390
 * px, each kind in one of the four unless SCREENSHOTS=all) go to
 * test-results/reader/ for a person to look at.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { chartBrowser, everyScreenshot, overlappingTexts, visibleArtboard } from './setup/charts.ts';
import { kindPages } from '../../scripts/quality/page-kinds.ts';
import { rootUrl } from './setup/constants.ts';
import { withPagefind } from './setup/pagefind.ts';

const timeline = 'figure[data-chart="timeline"]';
const network = 'figure[data-chart="network"]';
const phone = { width: 390, height: 844 };
const wide = { width: 1280, height: 900 };
const shots = 'test-results/reader';

const { open } = chartBrowser();

describe('timeline', () => {
  it('lists events in date order, top to bottom and left to right, and labels the dates the sources give (no JavaScript)', async () => {
    for (const viewport of [wide, phone]) {
      const { page, close } = await open('/', { viewport, javaScriptEnabled: false });
      const events = await page.locator(`${visibleArtboard(timeline)} a.timeline__mark--event`).evaluateAll((marks) =>
        marks.map((mark) => ({ t0: Number(mark.getAttribute('data-t0')), row: Number(mark.getAttribute('data-row')), x: (mark.querySelector('.timeline__shape') as SVGGraphicsElement).getBBox().x })),
      );
      expect(events.length).toBeGreaterThan(5);
      const reading = [...events].sort((a, b) => a.row - b.row || a.x - b.x);
      const starts = reading.map((event) => event.t0);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
      // The "dates given in the sources" lane carries date labels, none over another or over an event name.
      const dateLabels = page.locator(`${visibleArtboard(timeline)} a.timeline__mark--statement text`);
      expect(await dateLabels.count()).toBeGreaterThan(2);
      expect(await dateLabels.first().textContent()).toMatch(/\d{4}/);
      expect(await overlappingTexts(page, `${visibleArtboard(timeline)} text`)).toEqual([]);
      await close();
    }
  });

  it("opens on the story's period with its script, the whole range one click away", async () => {
    const { page, errors, close } = await open('/');
    await page.locator(timeline).scrollIntoViewIfNeeded();
    const period = page.locator(`${timeline} button[data-range="period"]`);
    await period.waitFor({ state: 'visible' });
    expect(await period.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator(`${timeline} [data-timeline-status]`).textContent()).toMatch(/^Showing /);
    const visibleMarks = () => page.locator(`${visibleArtboard(timeline)} a.timeline__mark:not([hidden])`).count();
    const zoomed = await visibleMarks();
    await page.locator(`${timeline} button[data-range="all"]`).click();
    expect(await page.locator(`${timeline} button[data-range="all"]`).getAttribute('aria-pressed')).toBe('true');
    expect(await visibleMarks()).toBeGreaterThan(zoomed);
    expect(errors).toEqual([]);
    await close();
  });

  it('draws no chart for a single mark: a sentence says it instead', async () => {
    // Every built page: a timeline figure holds at least two marks, and a lone mark is a sentence with its link.
    const files = ['actors', 'bases', 'events', 'places'].flatMap((folder) =>
      readdirSync(`dist/${folder}`, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => `dist/${folder}/${entry.name}/index.html`),
    );
    let sentences = 0;
    for (const file of files) {
      const html = readFileSync(file, 'utf8');
      for (const figure of html.split('data-chart="timeline"').slice(1)) {
        const body = figure.slice(0, figure.indexOf('</figure>'));
        const table = body.slice(body.indexOf('<tbody'));
        expect(table.split('<tr').length - 1, file).toBeGreaterThanOrEqual(2);
      }
      sentences += html.split('data-chart-single="timeline"').length - 1;
    }
    expect(sentences).toBeGreaterThan(0);
    const { page, close } = await open('/bases/tartus-naval-base/');
    expect(await page.locator(timeline).count()).toBe(0);
    const sentence = page.locator('[data-chart-single="timeline"]');
    expect(await sentence.count()).toBe(1);
    expect(await sentence.locator('a[href]').count()).toBe(1);
    await close();
  });
});

describe('network on the home page', () => {
  for (const viewport of [wide, phone]) {
    it(`shows at most 25 nodes at ${viewport.width} px, every one labelled with its whole name, no label over another`, async () => {
      const { page, close } = await open('/', { viewport, javaScriptEnabled: false });
      const svg = visibleArtboard(network);
      const nodes = await page.locator(`${svg} a.network__node`).evaluateAll((links) =>
        links.map((link) => ({ name: link.getAttribute('aria-label') ?? '', label: (link.querySelector('text')?.textContent ?? '').replace(/\s+/g, ' ').trim() })),
      );
      expect(nodes.length).toBeGreaterThan(8);
      expect(nodes.length).toBeLessThanOrEqual(25);
      for (const node of nodes) {
        expect(node.label.replace(/\s+/g, ''), node.name).toBe(node.name.replace(/\s+/g, ''));
        expect(node.label).not.toContain('…');
      }
      // Label boxes measured by the browser: none overlaps another, and none runs over another node's shape.
      expect(await overlappingTexts(page, `${svg} a.network__node text`)).toEqual([]);
      const onNodes = await page.locator(`${svg} a.network__node`).evaluateAll((links) => {
        const shapes = links.map((link) => ({ id: link.getAttribute('data-id'), box: link.firstElementChild!.getBoundingClientRect() }));
        const found: string[] = [];
        for (const link of links) {
          const text = link.querySelector('text')!.getBoundingClientRect();
          for (const shape of shapes) {
            if (shape.id === link.getAttribute('data-id')) continue;
            const x = Math.min(text.right, shape.box.right) - Math.max(text.left, shape.box.left);
            const y = Math.min(text.bottom, shape.box.bottom) - Math.max(text.top, shape.box.top);
            if (x > 1.5 && y > 1.5) found.push(`${link.getAttribute('data-id')} on ${shape.id}`);
          }
        }
        return found;
      });
      expect(onNodes).toEqual([]);
      await close();
    });
  }
});

describe('search index', () => {
  it('leaves every chart data table, the map table included, out of the index', async () => {
    const { page, close } = await open('/', { javaScriptEnabled: false });
    const tables = page.locator('details.chart__table');
    expect(await tables.count()).toBeGreaterThanOrEqual(3);
    expect(await tables.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-pagefind-ignore')))).toEqual(
      Array.from({ length: await tables.count() }, () => 'all'),
    );
    await close();
  });

  it('finds a place by its name without the charts: no excerpt from a map table, key or caption', async () => {
    const { page, close } = await open('/');
    // The map's first base, by name: its table row (coordinates, "marker") was indexed on every page with a map.
    const name = (await page.locator('figure[data-chart="map"] details.chart__table tbody th[scope="row"]').first().textContent())!.trim();
    expect(name.length).toBeGreaterThan(2);
    // Pagefind's own API, as the search UI uses it (a string, so that the test runner leaves the import alone).
    const excerpts = (await page.evaluate(
      withPagefind(new URL(page.url()).origin, `const search = await pagefind.search(${JSON.stringify(name)}); return Promise.all(search.results.map((result) => result.data().then((data) => data.excerpt)));`),
    )) as string[];
    expect(excerpts.length).toBeGreaterThan(0);
    for (const excerpt of excerpts) expect(excerpt).not.toMatch(/°\s*[NSEW]\b|\bmarker\b|opens its page|as a table/);
    await close();
  });
});

describe('behaviour', () => {
  it('hides every analysis and opinion line on the page when "Reported facts only" is ticked', async () => {
    const { page, close } = await open('/actors/russia/');
    const opinions = page.locator('.statement[data-basis="opinion"]');
    expect(await opinions.count()).toBeGreaterThan(3);
    // Opinion lines outside the list that carries the filter (the cards of each source) count too.
    const outside = await opinions.evaluateAll((lines) => lines.filter((line) => !line.closest('.statement-block:has(.facts-filter)')).length);
    expect(outside).toBeGreaterThan(0);
    // In one full run under load the click left the box unticked ("did not change its state"); it
    // never did alone or under a CPU burner. The timeline above it then grew as its script showed
    // its controls, which may have moved the box mid-click; it no longer does (the test below), but
    // the cause was never confirmed. So click again until it is ticked, as a reader would.
    const box = page.locator('.facts-filter__input').first();
    await vi.waitFor(() => box.check({ timeout: 5_000 }), { timeout: 20_000, interval: 250 });
    expect(await box.isChecked()).toBe(true);
    const shown = await opinions.evaluateAll((lines) => lines.filter((line) => getComputedStyle(line).display !== 'none').length);
    expect(shown).toBe(0);
    expect(await page.locator('.statement[data-basis="assertion"]').evaluateAll((lines) => lines.filter((line) => getComputedStyle(line).display !== 'none').length)).toBeGreaterThan(0);
    await close();
  });

  it('moves nothing below a chart when its script shows the zoom controls', async () => {
    // The controls' row is laid out, unseen, from the first paint: showing it later pushed the page below the
    // chart down by a row or two under the reader's eyes (63 px on the Russia page at 1,280 px, 96 px on a phone).
    const cases = [
      { path: '/actors/russia/', kind: 'timeline', controls: '[data-timeline-controls]' },
      { path: '/bases/tartus-naval-base/', kind: 'map', controls: '[data-zoom-controls]' },
    ];
    // Short windows, so that each chart starts well below the fold (its script loads within 300 px of it).
    for (const viewport of [{ ...wide, height: 600 }, { ...phone, height: 600 }]) {
      for (const { path, kind, controls } of cases) {
        const { page, errors, close } = await open(path, { viewport });
        const chart = `figure[data-chart="${kind}"]`;
        // The next section's heading after the chart.
        const below = page.locator(`xpath=(//figure[@data-chart="${kind}"]/following::h2)[1]`);
        const top = () => below.evaluate((node) => Math.round(node.getBoundingClientRect().top + window.scrollY));
        const before = await top();
        expect(await page.locator(`${chart} ${controls}`).isVisible()).toBe(false);
        await page.locator(chart).scrollIntoViewIfNeeded();
        await page.locator(`${chart} ${controls}`).waitFor({ state: 'visible' });
        expect(await top(), `${path} at ${viewport.width} px`).toBe(before);
        // Zoom buttons mean nothing on paper: in print they take no room either.
        await page.emulateMedia({ media: 'print' });
        expect(await page.locator(`${chart} ${controls}`).evaluate((node) => getComputedStyle(node).display)).toBe('none');
        expect(errors).toEqual([]);
        await close();
      }
    }
  });

  it('gives index tables the content width on a desktop', async () => {
    const { page, close } = await open('/sources/');
    const table = (await page.locator('.index-table table').boundingBox())!;
    const content = (await page.locator('main .sl-markdown-content').boundingBox())!;
    expect(table.width).toBeGreaterThan(850);
    expect(table.width).toBeGreaterThanOrEqual(content.width - 2);
    expect(await page.locator('.index-table').evaluate((node) => node.scrollWidth <= node.clientWidth + 1)).toBe(true);
    await close();
  });

  it('scrolls index tables sideways on a phone, with the first column kept in view', async () => {
    const { page, close } = await open('/sources/', { viewport: phone });
    const wrapper = page.locator('.index-table');
    expect(await wrapper.evaluate((node) => node.scrollWidth > node.clientWidth)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    const firstCell = page.locator('.index-table tbody th[scope="row"]').first();
    const secondCell = page.locator('.index-table tbody tr').first().locator('td').first();
    const before = { first: (await firstCell.boundingBox())!.x, second: (await secondCell.boundingBox())!.x };
    await wrapper.evaluate((node) => node.scrollBy(200, 0));
    expect((await firstCell.boundingBox())!.x).toBeCloseTo(before.first, 0);
    expect((await secondCell.boundingBox())!.x).toBeLessThan(before.second - 150);
    await close();
  });

  it('draws flags as SVG images, never as emoji', async () => {
    for (const path of ['/actors/russia/', '/sources/000-414b01a22b4b9160/']) {
      const { page, close } = await open(path);
      const text = await page.locator('main').innerText();
      expect(text, path).not.toMatch(/[\u{1F1E6}-\u{1F1FF}]/u);
      const flags = page.locator('main img.flag');
      expect(await flags.count(), path).toBeGreaterThan(0);
      expect(await flags.first().getAttribute('src')).toMatch(/^data:image\/svg\+xml,/);
      expect(await flags.first().getAttribute('alt')).toMatch(/^flag of /);
      await close();
    }
  });

  it('sets a quote of a few words inline, and puts spaces between a date, its label and the text', async () => {
    const { page, close } = await open('/actors/russia/');
    const blockQuotes = await page.locator('.quote blockquote').evaluateAll((quotes) => quotes.map((quote) => (quote.textContent ?? '').trim().split(/\s+/).length));
    expect(blockQuotes.length).toBeGreaterThan(0);
    expect(Math.min(...blockQuotes)).toBeGreaterThanOrEqual(5);
    const lines = await page.locator('.statement').evaluateAll((items) => items.map((item) => item.textContent ?? ''));
    for (const line of lines) expect(line).not.toMatch(/\d{4}(Reported|Quote|Attributed|Analysis)/);
    await close();
  });

  it('aligns infobox labels with their values, and lists each spelling once', async () => {
    const { page, close } = await open('/events/trump-sharaa-call-january-2026/');
    const rows = await page.locator('.infobox dt').evaluateAll((terms) =>
      terms.map((term) => {
        const value = term.nextElementSibling!;
        return Math.abs(term.getBoundingClientRect().top - value.getBoundingClientRect().top);
      }),
    );
    expect(rows.length).toBeGreaterThan(2);
    expect(Math.max(...rows)).toBeLessThanOrEqual(2);
    expect(await page.locator('.infobox').innerText()).not.toMatch(/\d{4}\(/);
    await close();
    // Hayat Tahrir al-Sham's registry spells it once more with a non-breaking hyphen (U+2011): not listed again.
    const hts = await open('/actors/hayat-tahrir-al-sham/');
    const spellings = (await hts.page.locator('.infobox dt:text-is("Also written") + dd').innerText()).split(' · ');
    const folded = spellings.map((spelling) => spelling.normalize('NFKC').replace(/[\u2010-\u2015]/g, '-').toLowerCase());
    expect(new Set(folded).size).toBe(folded.length);
    expect(folded).not.toContain('hayat tahrir al-sham');
    await hts.close();
  });
});

describe('screenshots of every page kind', () => {
  const pages = kindPages('dist').filter((kind) => kind.kind !== '404');
  const combinations = (['light', 'dark'] as const).flatMap((theme) => [wide, phone].map((viewport) => ({ theme, viewport })));
  for (const [position, { theme, viewport }] of combinations.entries()) {
    {
      // Each kind once, the four theme-and-width combinations taken in turn (SCREENSHOTS=all: every kind in all four).
      const kinds = pages.filter((_, index) => everyScreenshot || index % combinations.length === position);
      describe(`${theme}, ${viewport.width} px`, () => {
        // One tab per theme and width, going from page to page: a new context per shot cost more than the shot.
        let tab: Awaited<ReturnType<typeof open>> | undefined;
        afterAll(async () => {
          await tab?.close();
        });
        for (const kind of kinds) {
          it(`writes the ${kind.kind} page, ${theme}, ${viewport.width} px`, { timeout: 120_000 }, async () => {
            mkdirSync(shots, { recursive: true });
            if (!tab) tab = await open(`/${kind.path}`, { viewport, theme });
            else await tab.page.goto(`${rootUrl}/${kind.path}`, { waitUntil: 'load' });
            const { page, errors } = tab;
            await page.evaluate(() => document.fonts.ready.then(() => undefined));
            const file = `${shots}/${kind.kind.replace(/ /g, '-')}-${viewport.width}-${theme}.png`;
            // The longest pages are cut at 12,000 px: Chromium takes minutes over a 25,000 px capture.
            const height = Math.min(12_000, await page.evaluate(() => document.documentElement.scrollHeight));
            await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width: viewport.width, height }, timeout: 90_000 });
            expect(statSync(file).size).toBeGreaterThan(20_000);
            expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
            expect(errors, kind.path).toEqual([]);
          });
        }
      });
    }
  }
});

/**
 * The map of bases and places and the relation network, in Chromium: present
 * and readable with JavaScript off and on, links on every mark, navigation to
 * the right pages, the base highlighted on its own page, legible at 360 px,
 * and screenshots of each chart (desktop and 360 px, light and dark) written
 * to build/artifacts/charts/ for a person to look at.
 */
import { describe, expect, it } from 'vitest';
import { statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { rootUrl, subpathUrl } from './setup/constants.ts';
import { artifacts, chartBrowser, phone, screenshotGrid, visibleArtboard } from './setup/charts.ts';

const { open, browser } = chartBrowser();

const map = 'figure[data-chart="map"]';
const network = 'figure[data-chart="network"]';

describe('map and network without JavaScript', () => {
  it('draws both charts on the home page with names, descriptions, links and data tables', async () => {
    const { page, close } = await open('/', { javaScriptEnabled: false });
    for (const figure of [map, network]) {
      expect(await page.locator(figure).count()).toBe(1);
      const svg = page.locator(visibleArtboard(figure));
      expect(await svg.count()).toBe(1);
      expect(await svg.getAttribute('class')).toContain('chart__artboard--wide');
      const box = (await svg.boundingBox())!;
      expect(box.width).toBeGreaterThan(500);
      expect(box.height).toBeGreaterThan(300);
      // Accessible name and description come from the SVG's own title and desc, its first children.
      expect(await svg.evaluate((element) => [element.firstElementChild?.tagName, element.firstElementChild?.nextElementSibling?.tagName])).toEqual(['title', 'desc']);
      expect((await svg.locator('> title').textContent())!.length).toBeGreaterThan(10);
      expect((await svg.locator('> desc').textContent())!.length).toBeGreaterThan(40);
      const snapshot = await svg.ariaSnapshot();
      expect(snapshot).toContain((await svg.locator('> title').textContent())!);
      // A data table in a <details>, with a row per mark.
      const summary = page.locator(`${figure} details.chart__table > summary`);
      await summary.click();
      expect(await page.locator(`${figure} details.chart__table table tbody tr`).count()).toBeGreaterThan(5);
    }
    const marks = page.locator(`${visibleArtboard(map)} a.map__marker`);
    expect(await marks.count()).toBeGreaterThanOrEqual(8);
    const hrefs = await marks.evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs).toContain('/bases/hmeimim-air-base/');
    expect(hrefs).toContain('/places/latakia/');
    const nodes = page.locator(`${visibleArtboard(network)} a.network__node`);
    expect(await nodes.count()).toBeGreaterThanOrEqual(20);
    expect(await nodes.count()).toBeLessThanOrEqual(50);
    // Labels are real text: the map names the coastal cluster.
    const text = await page.locator(visibleArtboard(map)).textContent();
    for (const name of ['Latakia', 'Hmeimim', 'Tartus', 'Damascus', 'Qamishli']) expect(text).toContain(name);
    // Zoom needs the script: without it no dead buttons are shown.
    expect(await page.locator(`${map} [data-zoom-controls]`).isVisible()).toBe(false);
    await close();
  });

  it('highlights the base on its own page', async () => {
    const { page, close } = await open('/bases/tartus-naval-base/', { javaScriptEnabled: false });
    const current = page.locator(`${visibleArtboard(map)} a[aria-current="page"]`);
    expect(await current.count()).toBe(1);
    expect(await current.getAttribute('href')).toBe('/bases/tartus-naval-base/');
    expect(await current.getAttribute('class')).toContain('is-highlighted');
    expect(await current.locator('circle.map__halo').count()).toBe(1);
    expect(await page.locator(`${map} tr.is-highlighted`).textContent()).toContain('Tartus naval base');
    expect(await page.locator(`${visibleArtboard(map)} .is-highlighted`).count()).toBe(1);
    await close();
  });
});

describe('ego network on an actor page', () => {
  it('centres the actor, ringed, among the entities the sources name with it', async () => {
    const { page, errors, close } = await open('/actors/vladimir-putin/');
    const svg = page.locator(visibleArtboard(network));
    const focus = svg.locator('a.network__node[aria-current="page"]');
    expect(await focus.getAttribute('href')).toBe('/actors/vladimir-putin/');
    expect(await focus.getAttribute('class')).toContain('is-focus');
    const frame = (await svg.boundingBox())!;
    const mark = (await focus.locator('circle, path').boundingBox())!;
    expect(Math.abs(mark.x + mark.width / 2 - (frame.x + frame.width / 2))).toBeLessThan(2);
    expect(await svg.locator('a.network__node').count()).toBeGreaterThanOrEqual(4);
    expect(await svg.locator('a.network__node').count()).toBeLessThanOrEqual(13);
    await Promise.all([page.waitForURL(/\/actors\/russia\/$/), svg.locator('a.network__node[data-id="russia"]').click()]);
    expect(errors).toEqual([]);
    await close();
  });
});

describe('map and network with JavaScript', () => {
  it('opens the base page from its marker, and the actor page from its node, without console errors', async () => {
    const { page, errors, close } = await open('/');
    await Promise.all([page.waitForURL(/\/bases\/hmeimim-air-base\/$/), page.locator(`${visibleArtboard(map)} a.map__marker[href$="/bases/hmeimim-air-base/"]`).click()]);
    expect(await page.locator('h1').innerText()).toContain('Hmeimim');
    expect(await page.locator(`${visibleArtboard(map)} a.is-highlighted`).getAttribute('href')).toBe('/bases/hmeimim-air-base/');

    await page.goto(`${rootUrl}/`, { waitUntil: 'load' });
    await Promise.all([page.waitForURL(/\/actors\/vladimir-putin\/$/), page.locator(`${visibleArtboard(network)} a.network__node[data-id="vladimir-putin"]`).click()]);
    expect(await page.locator('h1').innerText()).toContain('Vladimir Putin');
    expect(errors).toEqual([]);
    await close();
  });

  it('shows tooltips on hover and focus, zooms the map and highlights a node and its neighbours', async () => {
    const { page, errors, close } = await open('/');
    // Chart scripts start when their chart nears the viewport (src/scripts/when-visible.ts).
    for (const figure of [map, network]) {
      await page.locator(figure).scrollIntoViewIfNeeded();
      await page.locator(`${figure} .chart__tooltip`).waitFor({ state: 'attached' });
    }
    const marker = page.locator(`${visibleArtboard(map)} a.map__marker[href$="/bases/hmeimim-air-base/"]`);
    await marker.hover();
    const tooltip = page.locator(`${map} .chart__tooltip`);
    expect(await tooltip.isVisible()).toBe(true);
    expect(await tooltip.textContent()).toContain('Hmeimim Air Base');
    expect(await tooltip.textContent()).toMatch(/air base · \d+ mentions?/);

    const svg = page.locator(visibleArtboard(map));
    const before = await svg.getAttribute('viewBox');
    await page.locator(`${map} button[aria-label="Zoom in"]`).click();
    const zoomed = (await svg.getAttribute('viewBox'))!.split(' ').map(Number);
    expect(zoomed[2]).toBeCloseTo(Number(before!.split(' ')[2]) / 2, 0);
    // Type keeps its on-screen size while the map zooms.
    const fontSize = await svg.locator('a.map__marker text').first().evaluate((node) => parseFloat(getComputedStyle(node).fontSize));
    expect(fontSize).toBeCloseTo(6, 0);
    await page.locator(`${map} button[aria-label="Reset zoom"]`).click();
    expect(await svg.getAttribute('viewBox')).toBe(before);

    const russia = page.locator(`${visibleArtboard(network)} a.network__node[data-id="russia"]`);
    await russia.hover();
    const networkSvg = page.locator(visibleArtboard(network));
    expect(await networkSvg.getAttribute('class')).toContain('is-highlighting');
    expect(await networkSvg.locator('a.is-neighbour').count()).toBeGreaterThan(3);
    expect((await networkSvg.locator('.network__active-edges').getAttribute('d'))!.split('M').length - 1).toBe(await networkSvg.locator('a.is-neighbour').count());
    expect(await page.locator(`${network} .chart__tooltip`).textContent()).toContain('Russia');
    // Faded, not hidden: nodes that are not neighbours stay in the picture. (The home network keeps at most
    // 25 nodes, all of them Russia's neighbours: a least-mentioned node, drawn first, has few.)
    await networkSvg.locator('a.network__node').first().hover();
    const faded = networkSvg.locator('a.network__node:not(.is-active):not(.is-neighbour)').first();
    expect(Number(await faded.evaluate((node) => getComputedStyle(node).opacity))).toBeLessThan(0.5);
    await page.mouse.move(0, 0);
    expect(await networkSvg.getAttribute('class')).not.toContain('is-highlighting');

    // Keyboard: marks are links in the tab order, and focus shows the tooltip too.
    await marker.focus();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({ tag: document.activeElement?.tagName, inMap: Boolean(document.activeElement?.closest('figure[data-chart="map"] svg')) }));
    expect(focused).toEqual({ tag: 'a', inMap: true });
    expect(await tooltip.isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await close();
  });

  it('loads at most a few kilobytes of chart script', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    const scripts: Promise<number>[] = [];
    page.on('response', (response) => {
      if (/\/_astro\/(BaseMap|Network)[^/]*\.js$/.test(response.url())) scripts.push(response.body().then((body) => gzipSync(body).length));
    });
    await page.goto(`${rootUrl}/`, { waitUntil: 'load' });
    const sizes = await Promise.all(scripts);
    expect(sizes.length).toBeGreaterThan(0);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBeLessThan(8 * 1024);
    await context.close();
  });

  it('links to the deploy base under a sub-path', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    await page.goto(`${subpathUrl}/`, { waitUntil: 'load' });
    expect(await page.locator(`${visibleArtboard(map)} a.map__marker`).first().getAttribute('href')).toMatch(/^\/briefing\/(bases|places)\//);
    expect(await page.locator(`${visibleArtboard(network)} a.network__node`).first().getAttribute('href')).toMatch(/^\/briefing\/(actors|bases|events)\//);
    await context.close();
  });
});

describe('map and network at 360 px', () => {
  it('switch to the narrow artboards, which fit the screen with type of at least 11 px', async () => {
    const { page, errors, close } = await open('/', { viewport: phone });
    for (const figure of [map, network]) {
      const svg = page.locator(visibleArtboard(figure));
      expect(await svg.count()).toBe(1);
      expect(await svg.getAttribute('class')).toContain('chart__artboard--narrow');
      const box = (await svg.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(phone.width);
      const sizes = await svg.evaluate((element) => {
        const scale = element.getBoundingClientRect().width / (element as SVGSVGElement).viewBox.baseVal.width;
        return [...element.querySelectorAll('a text')].map((text) => parseFloat(getComputedStyle(text).fontSize) * scale);
      });
      expect(sizes.length).toBeGreaterThan(5);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(10.5);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    expect(errors).toEqual([]);
    await close();
  });
});

describe('screenshots', () => {
  for (const { theme, size, viewport, deviceScaleFactor } of screenshotGrid) {
    it(`writes the map and the network, ${size}, ${theme}`, async () => {
      const { page, errors, close } = await open('/', { viewport, theme, deviceScaleFactor });
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      for (const [name, figure] of [
        ['map', map],
        ['network', network],
      ] as const) {
        const file = `${artifacts}/${name}-${size}-${theme}.png`;
        await page.locator(figure).screenshot({ path: file });
        expect(statSync(file).size).toBeGreaterThan(20_000);
      }
      expect(errors).toEqual([]);
      await close();
    });
  }

  it('writes an actor page with its ego network', async () => {
    const { page, close } = await open('/actors/ahmed-al-sharaa/', { theme: 'light' });
    const file = `${artifacts}/network-ego-desktop-light.png`;
    await page.locator(network).screenshot({ path: file });
    expect(statSync(file).size).toBeGreaterThan(20_000);
    await close();
  });

  it('writes a base page with its base highlighted', async () => {
    const { page, close } = await open('/bases/qamishli-airport/', { theme: 'light' });
    const file = `${artifacts}/map-base-page-desktop-light.png`;
    await page.locator(map).screenshot({ path: file });
    expect(statSync(file).size).toBeGreaterThan(20_000);
    await close();
  });
});

/**
 * The timeline and the coverage matrix, in Chromium: present and readable with
 * JavaScript off and on, named and described, with data tables, links on every
 * mark that lead to the right page (by mouse and by keyboard), legible and
 * free of overlapping labels at 360 px, the timeline's zoom, no console
 * errors, and screenshots (home page and an actor page, desktop and 360 px,
 * light and dark) written to build/artifacts/charts/ for a person to look at.
 */
import { describe, expect, it } from 'vitest';
import { statSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { subpathUrl } from './setup/constants.ts';
import { artifacts, chartBrowser, overlappingTexts, phone, screenshotGrid, visibleArtboard } from './setup/charts.ts';

const timeline = 'figure[data-chart="timeline"]';
const coverage = 'figure[data-chart="coverage"]';
const artboard = visibleArtboard;

const { open, browser } = chartBrowser();

/** The link in `scope` whose accessible name (its SVG <title>) begins with `prefix`. */
function link(scope: Locator, prefix: string, includeHidden = false): Locator {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return scope.getByRole('link', { name: new RegExp(`^${escaped}`), includeHidden });
}

/** The element an aria-labelledby/-describedby attribute points to must hold real text. */
async function referencedText(page: Page, element: Locator, attribute: string): Promise<string> {
  const id = (await element.getAttribute(attribute))!;
  return (await page.locator(`[id="${id}"]`).first().textContent()) ?? '';
}

describe('timeline and coverage matrix without JavaScript', () => {
  it('draws both charts on the home page with names, descriptions, linked marks and data tables', async () => {
    const { page, errors, close } = await open('/', { javaScriptEnabled: false });
    for (const figure of [timeline, coverage]) {
      expect(await page.locator(figure).count()).toBe(1);
      const svg = page.locator(artboard(figure));
      expect(await svg.count()).toBe(1);
      expect(await svg.getAttribute('class')).toContain('chart__artboard--wide');
      const box = (await svg.boundingBox())!;
      expect(box.width).toBeGreaterThan(500);
      expect(box.height).toBeGreaterThan(250);
      expect((await referencedText(page, svg, 'aria-labelledby')).length).toBeGreaterThan(10);
      expect((await referencedText(page, svg, 'aria-describedby')).length).toBeGreaterThan(40);
      expect((await referencedText(page, page.locator(figure), 'aria-labelledby')).length).toBeGreaterThan(10);
      // The data as a real table inside a <details>.
      expect(await page.locator(`${figure} details.chart__table table tbody tr`).count()).toBeGreaterThan(4);
    }
    const events = page.locator(`${artboard(timeline)} a.timeline__mark--event`);
    expect(await events.count()).toBe(10);
    expect(await page.locator(`${artboard(timeline)} a.timeline__mark--statement`).count()).toBeGreaterThan(10);
    expect(await page.locator(`${timeline} details table tbody tr`).count()).toBe(await page.locator(`${artboard(timeline)} a.timeline__mark`).count());
    // Month and year precision drawn as spans, days as points.
    expect(await link(page.locator(artboard(timeline)), 'Ouster of Bashar al-Assad, December 2024').locator('rect.timeline__shape').count()).toBe(1);
    expect(await link(page.locator(artboard(timeline)), 'Trump–al-Sharaa phone call, January 2026, 28 January 2026').locator('circle.timeline__shape').count()).toBe(1);
    // The long tail before the story is set apart on a broken axis, and the chart says so.
    expect(await page.locator(`${artboard(timeline)} .chart-axis__break`).count()).toBe(1);
    expect(await page.locator(`${timeline} .chart__note`).first().innerText()).toContain('2015');
    // Zoom controls need the script: hidden without it.
    expect(await page.locator(`${timeline} [data-timeline-controls]`).isVisible()).toBe(false);
    // Coverage: 5 sources, each labelled with outlet and stance; cells link to paragraphs.
    const rows = page.locator(`${artboard(coverage)} .coverage__row`);
    expect(await rows.count()).toBe(5);
    expect(await rows.nth(2).locator('.coverage__outlet').textContent()).toBe('The Cradle');
    expect(await rows.nth(2).locator('.coverage__stance').textContent()).toContain('Neutral-toned news report');
    expect(await page.locator(`${artboard(coverage)} a.coverage__cell`).count()).toBeGreaterThan(40);
    // 53: the town of Tartus is named only as the naval base's place, so no statement is about the town.
    expect(await page.locator(`${coverage} .chart__note`).innerText()).toBe('Showing the 10 most mentioned of 53 names.');
    expect(errors).toEqual([]);
    await close();
  });

  it("draws an actor's own timeline on the actor page", async () => {
    const { page, close } = await open('/actors/ahmed-al-sharaa/', { javaScriptEnabled: false });
    const svg = page.locator(artboard(timeline));
    expect(await svg.count()).toBe(1);
    expect(await referencedText(page, svg, 'aria-labelledby')).toBe('Ahmed al-Sharaa: events and the dates sources give');
    const events = await page.locator(`${artboard(timeline)} a.timeline__mark--event`).evaluateAll((links) => links.map((node) => node.querySelector('title')?.textContent));
    expect(events).toHaveLength(5);
    expect(events.some((label) => label?.startsWith('Trump–al-Sharaa phone call'))).toBe(true);
    expect(events.some((label) => label?.startsWith('Russian military intervention'))).toBe(false);
    await close();
  });

  it('is legible at 360 px: the narrow artboard, nearly 1:1, fits the screen, and no labels overlap', async () => {
    for (const path of ['/', '/actors/ahmed-al-sharaa/', '/bases/qamishli-airport/']) {
      const { page, close } = await open(path, { viewport: phone, javaScriptEnabled: false });
      const figures = path === '/' ? [timeline, coverage] : [timeline];
      for (const figure of figures) {
        const svg = page.locator(artboard(figure));
        expect(await svg.getAttribute('class'), `${path} ${figure}`).toContain('chart__artboard--narrow');
        const box = (await svg.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(phone.width);
        // Drawn at 12 px on a 340 px artboard: at least 11 px on screen.
        const scale = box.width / Number((await svg.getAttribute('viewBox'))!.split(' ')[2]);
        expect(scale * 12).toBeGreaterThanOrEqual(11);
      }
      expect(await overlappingTexts(page, `${artboard(timeline)} text`), path).toEqual([]);
      if (path === '/') {
        // Row labels and counts; the 45° column labels are parallel, so their
        // upright boxes overlap by design: they only have to stay on the artboard.
        expect(await overlappingTexts(page, `${artboard(coverage)} .coverage__row text`)).toEqual([]);
        const right = (await page.locator(artboard(coverage)).boundingBox())!;
        for (const label of await page.locator(`${artboard(coverage)} .coverage__column text`).all()) {
          const box = (await label.boundingBox())!;
          expect(box.x + box.width).toBeLessThanOrEqual(right.x + right.width + 1);
        }
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
      await close();
    }
  });

  it('finds overlapping labels when there are some (the check can fail)', async () => {
    const page = await browser().newPage();
    await page.setContent('<svg width="200" height="50"><text x="10" y="20">Overlapping label</text><text x="40" y="22">Another label</text><text x="10" y="45">Clear</text></svg>');
    expect(await overlappingTexts(page, 'svg text')).toEqual(['"Overlapping label" × "Another label"']);
    await page.close();
  });

  it('has no overlapping labels on the desktop artboards either', async () => {
    const { page, close } = await open('/', { javaScriptEnabled: false });
    expect(await overlappingTexts(page, `${artboard(timeline)} text`)).toEqual([]);
    expect(await overlappingTexts(page, `${artboard(coverage)} .coverage__row text`)).toEqual([]);
    await close();
  });
});

describe('with JavaScript', () => {
  it('opens the event page from an event mark, by mouse and by keyboard', async () => {
    const { page, errors, close } = await open('/');
    // The chart's script starts as the chart comes into view and re-zooms it to the story's period, moving every
    // mark: let it start (its controls show) before aiming at a mark, or the click lands where the mark was.
    const controls = page.locator(`${timeline} [data-timeline-controls]`);
    await page.locator(timeline).scrollIntoViewIfNeeded();
    await controls.waitFor({ state: 'visible' });
    const mark = link(page.locator(artboard(timeline)), 'Putin–al-Sharaa meeting at the Kremlin');
    await Promise.all([page.waitForURL(/\/events\/putin-sharaa-meeting-january-2026\/$/), mark.click()]);
    expect(await page.locator('h1').innerText()).toContain('Putin–al-Sharaa meeting at the Kremlin');
    await page.goBack({ waitUntil: 'load' });
    // The timeline opens on the story's period: the whole range first, where the 2024 ouster is.
    await page.locator(timeline).scrollIntoViewIfNeeded();
    await controls.waitFor({ state: 'visible' });
    await controls.getByRole('button', { name: 'All' }).click();
    const keyboard = link(page.locator(artboard(timeline)), 'Ouster of Bashar al-Assad');
    expect(await keyboard.evaluate((node) => (node as SVGAElement).tabIndex)).toBe(0);
    await keyboard.focus();
    await Promise.all([page.waitForURL(/\/events\/assad-ouster\/$/), page.keyboard.press('Enter')]);
    expect(errors).toEqual([]);
    await close();
  });

  it('opens the cited paragraph from a statement mark', async () => {
    const { page, errors, close } = await open('/actors/vladimir-putin/');
    const mark = page.locator(`${artboard(timeline)} a.timeline__mark--statement`).first();
    const label = (await mark.locator('title').textContent())!;
    await Promise.all([page.waitForURL(/\/sources\/[^/]+\/#p-/), mark.click()]);
    const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
    const paragraph = page.locator(`[id="${id}"]`);
    expect(await paragraph.count()).toBe(1);
    // The mark's name quotes the start of the statement, which the paragraph holds.
    const quoted = label.slice(label.indexOf(': ') + 2, label.indexOf(': ') + 32);
    expect(await paragraph.innerText()).toContain(quoted);
    expect(errors).toEqual([]);
    await close();
  });

  it('opens the first mentioning paragraph from a coverage cell, and the entity page from a column', async () => {
    const { page, errors, close } = await open('/');
    const cell = link(page.locator(artboard(coverage)), 'Hmeimim Air Base in The Cradle (27 January 2026): 3 mentions');
    expect(await cell.getAttribute('class')).toContain('coverage__cell');
    await Promise.all([page.waitForURL(/\/sources\/002-e060aad4f616cf48\/#p-russian-forces-have-carried-4fbe01$/), cell.click()]);
    expect(await page.locator('[id="p-russian-forces-have-carried-4fbe01"]').innerText()).toContain('Hmeimim');
    await page.goBack({ waitUntil: 'load' });
    const column = page.locator(artboard(coverage)).getByRole('link', { name: 'Russia', exact: true });
    expect(await column.getAttribute('class')).toBe('coverage__column');
    await Promise.all([page.waitForURL(/\/actors\/russia\/$/), column.click()]);
    expect(await page.locator('h1').innerText()).toBe('Russia');
    expect(errors).toEqual([]);
    await close();
  });

  it('zooms the timeline with the preset buttons and back', async () => {
    const { page, errors, close } = await open('/');
    const controls = page.locator(`${timeline} [data-timeline-controls]`);
    // The script starts when the chart nears the viewport, and opens on the story's period: back to the whole range first.
    await page.locator(timeline).scrollIntoViewIfNeeded();
    await controls.waitFor({ state: 'visible' });
    await controls.getByRole('button', { name: 'All' }).click();
    const svg = page.locator(artboard(timeline));
    const visibleMarks = () => svg.locator('a.timeline__mark:not([hidden])').count();
    const tickLabels = () => svg.locator('.chart-axis__label').allTextContents();
    const all = await visibleMarks();
    expect(await tickLabels()).toContain('2015');
    await controls.getByRole('button', { name: '3 months' }).click();
    expect(await controls.getByRole('button', { name: '3 months' }).getAttribute('aria-pressed')).toBe('true');
    expect(await visibleMarks()).toBeLessThan(all);
    expect(await link(svg, 'Russian military intervention', true).isVisible()).toBe(false);
    expect(await link(svg, 'Trump–al-Sharaa phone call').isVisible()).toBe(true);
    expect(await tickLabels()).not.toContain('2015');
    expect(await svg.locator('.chart-axis__break').count()).toBe(0);
    expect(await page.locator(`${timeline} [data-timeline-status]`).innerText()).toMatch(/^Showing \d+ \w+ 2025 to \d+ \w+ 2026$/);
    // A hidden mark is not focusable; the visible ones still lead to their pages.
    expect(await svg.locator('a.timeline__mark[hidden]').first().evaluate((node) => getComputedStyle(node).display)).toBe('none');
    await controls.getByRole('button', { name: 'All' }).click();
    expect(await visibleMarks()).toBe(all);
    expect(await tickLabels()).toContain('2015');
    expect(await svg.locator('.chart-axis__break').count()).toBe(1);
    expect(errors).toEqual([]);
    await close();
  });

  it('keeps names clear of each other and of the edges when zoomed in on a phone', async () => {
    const { page, errors, close } = await open('/', { viewport: phone });
    // The chart's script starts when the reader scrolls to it (below the lede and key dates).
    await page.locator(timeline).scrollIntoViewIfNeeded();
    const controls = page.locator(`${timeline} [data-timeline-controls]`);
    for (const range of ['4 weeks', '3 months', '12 months', 'All']) {
      await controls.getByRole('button', { name: range }).click();
      expect(await overlappingTexts(page, `${artboard(timeline)} text`), range).toEqual([]);
      const frame = (await page.locator(artboard(timeline)).boundingBox())!;
      const labels = page.locator(`${artboard(timeline)} a.timeline__mark:not([hidden]) text:not([visibility="hidden"])`);
      for (const label of await labels.all()) {
        const box = (await label.boundingBox())!;
        expect(box.x, range).toBeGreaterThanOrEqual(frame.x);
        expect(box.x + box.width, range).toBeLessThanOrEqual(frame.x + frame.width);
      }
      // In the last month, every event in range still shows (part of) its name.
      if (range === '4 weeks') expect(await labels.count()).toBeGreaterThanOrEqual(4);
    }
    expect(errors).toEqual([]);
    await close();
  });

  it('zooms the timeline to a range dragged along the axis', async () => {
    const { page, errors, close } = await open('/');
    await page.locator(timeline).scrollIntoViewIfNeeded();
    const svg = page.locator(artboard(timeline));
    const band = (await svg.locator('.timeline__brush').boundingBox())!;
    const before = await svg.locator('a.timeline__mark:not([hidden])').count();
    // From the middle of the axis to its right end: the last year or so.
    const y = band.y + band.height / 2;
    await page.mouse.move(band.x + band.width * 0.55, y);
    await page.mouse.down();
    await page.mouse.move(band.x + band.width * 0.8, y, { steps: 5 });
    await page.mouse.move(band.x + band.width - 1, y, { steps: 5 });
    await page.mouse.up();
    expect(await page.locator(`${timeline} [data-timeline-status]`).innerText()).toMatch(/^Showing /);
    expect(await svg.locator('a.timeline__mark:not([hidden])').count()).toBeLessThan(before);
    expect(await svg.locator('.chart-axis__label').allTextContents()).not.toContain('2015');
    expect(errors).toEqual([]);
    await close();
  });

  it('links marks under the deploy base in a sub-path build', async () => {
    const { page, errors, close } = await open('/', { base: subpathUrl });
    const hrefs = await page.locator(`${artboard(timeline)} a.timeline__mark, ${artboard(coverage)} a`).evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(50);
    for (const href of hrefs) expect(href).toMatch(/^\/briefing\/(events|sources|actors|bases|places)\//);
    const mark = link(page.locator(artboard(timeline)), 'Kremlin announcement');
    await Promise.all([page.waitForURL(/\/briefing\/events\/kremlin-announcement-sharaa-visit\/$/), mark.click()]);
    expect(errors).toEqual([]);
    await close();
  });
});

describe('screenshots', () => {
  for (const { theme, size, viewport, deviceScaleFactor } of screenshotGrid) {
    it(`writes the timeline and coverage matrix of the home page and an actor's timeline, ${size}, ${theme}`, async () => {
      for (const [path, shots] of [
        ['/', [['timeline-home', timeline], ['coverage-home', coverage]]],
        ['/actors/ahmed-al-sharaa/', [['timeline-actor', timeline]]],
      ] as const) {
        const { page, errors, close } = await open(path, { viewport, theme, deviceScaleFactor });
        expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
        for (const [name, figure] of shots) {
          const file = `${artifacts}/${name}-${size}-${theme}.png`;
          await page.locator(figure).screenshot({ path: file });
          expect(statSync(file).size).toBeGreaterThan(15_000);
        }
        expect(errors).toEqual([]);
        await close();
      }
    });
  }
});

/**
 * HTML validity and accessibility of one page of every kind (the largest of
 * each: see scripts/quality/page-kinds.ts): html-validate with the repository's
 * .htmlvalidate.mjs on the built files, and axe-core in Chromium in both of
 * Starlight's colour themes (every rule in light, the colour rules in dark).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { kindPages } from '../../scripts/quality/page-kinds.ts';
import { launch } from './setup/browser.ts';
import { rootUrl } from './setup/constants.ts';

const outDir = 'dist';

/**
 * Findings in Starlight's own markup that cannot be fixed without forking its
 * components, matched by rule and element so the rule still holds everywhere
 * else. Starlight's search button is named "Search" (aria-label) and shows
 * "Search" plus the shortcut hint "Ctrl K"; axe wants the hint in the name too.
 * The visible label is in the name, which is what WCAG 2.5.3 asks.
 */
const starlightFindings = [{ rule: 'label-content-name-mismatch', target: 'button[data-open-modal=""]' }];
const isStarlightFinding = (rule: string, target: string) =>
  starlightFindings.some((finding) => finding.rule === rule && finding.target === target);
const pages = kindPages(outDir);

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('every page kind is present', () => {
  it('finds the home, entity, index and 404 pages in dist/', () => {
    expect(pages.map((page) => page.kind).sort()).toEqual(
      ['404', 'actor', 'actor index', 'base', 'base index', 'event', 'event index', 'home', 'place', 'place index', 'source', 'source index'].sort(),
    );
  });
});

describe('html-validate', () => {
  // Searches .htmlvalidate.mjs upwards from each file, as the CLI does.
  const validator = new HtmlValidate(new FileSystemConfigLoader());
  for (const page of pages) {
    it(`${page.kind} (${page.path || '/'}) is valid HTML`, async () => {
      const report = await validator.validateFile(join(outDir, page.file));
      const messages = report.results.flatMap((result) =>
        result.messages.map((message) => `${message.ruleId} at ${message.selector ?? `${message.line}:${message.column}`}: ${message.message}`),
      );
      expect(messages).toEqual([]);
    });
  }
});

describe('axe-core', () => {
  for (const theme of ['light', 'dark'] as const) {
    describe(`${theme} mode`, () => {
      // One tab per theme, going from page to page: a new context per page cost more than the check.
      let context: BrowserContext | undefined;
      let tab: Page | undefined;
      afterAll(async () => {
        await context?.close();
      });
      for (const page of pages) {
        it(`${page.kind} (${page.path || '/'}) in ${theme} mode has no serious or critical violation`, async () => {
          if (!context || !tab) {
            context = await browser.newContext({ colorScheme: theme });
            // Starlight's theme picker reads this before first paint and sets <html data-theme>.
            await context.addInitScript((value) => localStorage.setItem('starlight-theme', value), theme);
            tab = await context.newPage();
          }
          await tab.goto(`${rootUrl}/${page.path}`, { waitUntil: 'load' });
          await tab.evaluate(() => document.fonts.ready.then(() => undefined));
          expect(await tab.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
          // The themes differ only in colour (same DOM, same CSS apart from the palette), so the
          // dark run keeps to the rules that read colours; the light run applies every rule.
          const axe = new AxeBuilder({ page: tab });
          const { violations } = await (theme === 'dark' ? axe.withRules(['color-contrast', 'link-in-text-block']) : axe).analyze();
          const grave = violations
            .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
            .flatMap((violation) =>
              violation.nodes
                .filter((node) => !isStarlightFinding(violation.id, node.target.join(' ')))
                .map((node) => `${violation.id} (${violation.impact}) at ${node.target.join(' ')}: ${node.failureSummary ?? ''}`),
            );
          expect(grave).toEqual([]);
        });
      }
    });
  }
});

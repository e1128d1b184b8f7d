import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { addWeights, assetOf, budgetFor, overruns, type Budgets } from '../../../scripts/quality/budgets.ts';
import type { PageKind } from '../../../scripts/quality/page-kinds.ts';

const budgets: Budgets = {
  default: { js: { raw: 1000, gzip: 300 }, css: { raw: 500, gzip: 100 } },
  kinds: { actor: { html: { raw: 2000, gzip: 400 } }, home: { js: { raw: 100, gzip: 50 }, html: { raw: 10, gzip: 5 } } },
};

describe('page-weight budgets', () => {
  it('lets a kind override the default asset by asset', () => {
    expect(budgetFor(budgets, 'actor').js).toEqual({ raw: 1000, gzip: 300 });
    expect(budgetFor(budgets, 'home').js).toEqual({ raw: 100, gzip: 50 });
  });

  it('refuses a kind with an unbudgeted asset', () => {
    expect(() => budgetFor(budgets, 'source')).toThrow(/no html budget for "source"/);
  });

  it('sums what a page fetched by asset and ignores images, fonts and data', () => {
    const fetched = [
      { type: 'document', raw: 1500, gzip: 350 },
      { type: 'script', raw: 600, gzip: 200 },
      { type: 'script', raw: 500, gzip: 150 },
      { type: 'stylesheet', raw: 100, gzip: 40 },
      { type: 'image', raw: 99999, gzip: 99999 },
      { type: 'fetch', raw: 99999, gzip: 99999 },
    ];
    const weight = addWeights(fetched.flatMap(({ type, raw, gzip }) => {
      const asset = assetOf(type);
      return asset ? [{ asset, raw, gzip }] : [];
    }));
    expect(weight).toEqual({ js: { raw: 1100, gzip: 350 }, css: { raw: 100, gzip: 40 }, html: { raw: 1500, gzip: 350 } });
    expect(overruns(weight, budgetFor(budgets, 'actor'))).toEqual(['js raw 1.07 KB > 0.98 KB', 'js gzip 0.34 KB > 0.29 KB']);
    expect(overruns(weight, { ...budgetFor(budgets, 'actor'), js: { raw: 1100, gzip: 350 } })).toEqual([]);
  });

  it('budgets every asset of every page kind in the repository’s budgets.json', () => {
    const repo = JSON.parse(readFileSync('budgets.json', 'utf8')) as Budgets;
    const kinds: PageKind[] = ['home', 'actor', 'base', 'event', 'place', 'source', 'actor index', 'base index', 'event index', 'place index', 'source index', '404'];
    for (const kind of kinds) {
      const budget = budgetFor(repo, kind);
      // Issue 16: at most 15 KB of gzipped JavaScript per page before any interaction (the search UI and chart scripts load on use).
      expect(budget.js.gzip, kind).toBeLessThanOrEqual(15 * 1024);
      expect(budget.js.gzip, kind).toBeGreaterThan(0);
    }
  });
});

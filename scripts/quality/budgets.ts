/**
 * Page-weight budgets (budgets.json at the repository root): per page kind, the
 * bytes of JavaScript, CSS and HTML a page loads, raw and gzipped. Pure: the
 * e2e test measures what Chromium actually fetches and hands the sums here.
 */
import type { PageKind } from './page-kinds.ts';

export type Asset = 'js' | 'css' | 'html';
export const assets: readonly Asset[] = ['js', 'css', 'html'];

export interface Weight {
  raw: number;
  gzip: number;
}
export type PageWeight = Record<Asset, Weight>;

export interface Budgets {
  /** Why the numbers are what they are (JSON has no comments). */
  notes?: string[];
  /** Applied to every kind, asset by asset, unless the kind says otherwise. */
  default: Partial<Record<Asset, Weight>>;
  kinds: Partial<Record<PageKind, Partial<Record<Asset, Weight>>>>;
}

/** The limits for one kind; throws if an asset has no limit at all, so nothing goes unbudgeted. */
export function budgetFor(budgets: Budgets, kind: PageKind): PageWeight {
  const merged = { ...budgets.default, ...budgets.kinds[kind] };
  for (const asset of assets) {
    if (!merged[asset]) throw new Error(`budgets.json sets no ${asset} budget for "${kind}" pages`);
  }
  return merged as PageWeight;
}

/** Which budget a fetched resource counts against (Playwright's resource types); undefined for images, fonts, data. */
export function assetOf(resourceType: string): Asset | undefined {
  if (resourceType === 'script') return 'js';
  if (resourceType === 'stylesheet') return 'css';
  if (resourceType === 'document') return 'html';
  return undefined;
}

export function addWeights(resources: readonly { asset: Asset; raw: number; gzip: number }[]): PageWeight {
  const total: PageWeight = { js: { raw: 0, gzip: 0 }, css: { raw: 0, gzip: 0 }, html: { raw: 0, gzip: 0 } };
  for (const { asset, raw, gzip } of resources) {
    total[asset].raw += raw;
    total[asset].gzip += gzip;
  }
  return total;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;

/** One line per asset and measure over its limit, e.g. `js gzip 41.2 KB > 30.0 KB`. */
export function overruns(weight: PageWeight, budget: PageWeight): string[] {
  return assets.flatMap((asset) =>
    (['raw', 'gzip'] as const)
      .filter((measure) => weight[asset][measure] > budget[asset][measure])
      .map((measure) => `${asset} ${measure} ${kb(weight[asset][measure])} > ${kb(budget[asset][measure])}`),
  );
}

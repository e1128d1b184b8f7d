/**
 * Edge: the ego-network layouts of the last build, reused for every graph
 * that has not changed.
 *
 * Why: a layout (d3-force, then label placement, for two artboards) is a pure
 * function of its ego graph, and an ego graph changes only with an article
 * that names its subject (scripts/pipeline/charts/network.ts, `egoGraph`). Yet
 * every build laid out every actor's network again: at 1,000 articles about
 * 8 s of the worker thread, which this thread waited for after assembling
 * the pages, when one added article changes a few dozen graphs.
 *
 * A layout is stored under a hash of its graph and of the pipeline's code
 * (`codeVersion`), in `.cache/layouts/ego.json`. Each build writes back the
 * layouts it used, so the file holds the current site's and no more; it is
 * written to a temporary name and renamed, so an interrupted build leaves the
 * last complete file.
 */
import { readFileSync, renameSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EgoGraph, NetworkChart } from '../pipeline/charts/network.ts';
import type { PendingLayouts, SiteWorkers } from '../pipeline/site.ts';
import { shortHash } from '../pipeline/shared/hash.ts';
import { writeJson } from './write-json.ts';

export interface LayoutCache {
  /** Layouts read from the last build, by key. */
  stored: Map<string, NetworkChart>;
  /** Layouts this build used (reused or new), by key: what `saveLayoutCache` writes. */
  used: Map<string, NetworkChart>;
  /** Layouts reused this build. */
  hits: number;
}

function layoutFile(root: URL): string {
  return fileURLToPath(new URL('.cache/layouts/ego.json', root));
}

export function loadLayoutCache(root: URL): LayoutCache {
  const cache: LayoutCache = { stored: new Map(), used: new Map(), hits: 0 };
  try {
    const entries: unknown = JSON.parse(readFileSync(layoutFile(root), 'utf8'));
    if (entries && typeof entries === 'object' && !Array.isArray(entries)) for (const [key, chart] of Object.entries(entries)) cache.stored.set(key, chart as NetworkChart);
  } catch {
    // No file yet, or an unreadable one: every layout is computed.
  }
  return cache;
}

export function saveLayoutCache(root: URL, cache: LayoutCache): void {
  const file = layoutFile(root);
  const temporary = `${file}.${process.pid}.tmp`;
  writeJson(temporary, Object.fromEntries(cache.used));
  renameSync(temporary, file);
}

/** The key of a layout: its graph (which the subject's id is part of) and the code that lays it out. */
function layoutKey(ego: EgoGraph, codeVersion: string): string {
  return shortHash(`${codeVersion}\n${ego.id}\n${JSON.stringify(ego.graph)}`, 32);
}

/** `workers`, laying out only the graphs the cache has no layout for. */
export function withLayoutCache(workers: SiteWorkers, cache: LayoutCache, codeVersion: string): SiteWorkers {
  return {
    ...workers,
    layoutEgoNetworks(egos) {
      const keyed = egos.map((ego) => ({ id: ego.id, key: layoutKey(ego, codeVersion) }));
      // Released once the layouts are in: the caller keeps the pending layouts while it writes
      // every page, in the phase where the build's memory peaks, and the graphs (with the
      // fallback that holds them) are garbage by then.
      let fresh: PendingLayouts | undefined = workers.layoutEgoNetworks(egos.filter((_, position) => !cache.stored.has(keyed[position]!.key)));
      let layouts: Map<string, NetworkChart> | undefined;
      const merge = (laidOut: Map<string, NetworkChart>): Map<string, NetworkChart> => {
        fresh = undefined;
        layouts = new Map();
        for (const { id, key } of keyed) {
          const stored = cache.stored.get(key);
          const chart = stored ?? laidOut.get(id);
          if (!chart) continue;
          if (stored) cache.hits++;
          cache.used.set(key, chart);
          layouts.set(id, chart);
        }
        return layouts;
      };
      return {
        poll() {
          if (layouts) return layouts;
          const laidOut = fresh?.poll();
          return laidOut && merge(laidOut);
        },
        wait: () => layouts ?? merge(fresh?.wait() ?? new Map()),
      };
    },
  };
}

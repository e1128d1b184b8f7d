import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { egoGraphs, type EgoGraph, type NetworkGraph } from '../../../scripts/pipeline/charts/network.ts';
import { siteInThisThread, type SiteWorkers } from '../../../scripts/pipeline/site.ts';
import { loadLayoutCache, saveLayoutCache, withLayoutCache } from '../../../scripts/io/layout-cache.ts';

const temp = mkdtempSync(join(tmpdir(), 'briefing-layouts-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
let projects = 0;
const project = () => {
  const folder = join(temp, `p${++projects}`);
  mkdirSync(folder);
  return pathToFileURL(`${folder}/`);
};

const ids = ['ana', 'ben', 'cleo', 'dev', 'eli', 'fay', 'gus', 'hal', 'ivy', 'jo'];

/** Ten actors in a row, each tied by a few sentences to the three before and after it. */
function story(extra = 0): NetworkGraph {
  const nodes = ids.map((id, position) => ({ id, name: id, lines: [id], kind: 'actor' as const, subtype: 'person', path: `/actors/${id}/`, mentions: 20 - position, size: 20 - position }));
  const edges = ids.flatMap((a, i) => ids.slice(i + 1, i + 4).map((b, j) => ({ source: a, target: b, sentences: 1 + ((i + j) % 4), typed: [], weight: 1 + ((i + j) % 4) })));
  // `extra` more sentences naming Ana and Ben together.
  edges[0]!.sentences! += extra;
  edges[0]!.weight += extra;
  return { nodes, edges, candidates: nodes.length };
}

const everyone = (graph: NetworkGraph) => egoGraphs(graph, graph.nodes.map((node) => node.id));

/** The layouts computed here, with the ids of the graphs each call was asked to lay out. */
function counting(): { workers: SiteWorkers; asked: string[][] } {
  const asked: string[][] = [];
  return {
    asked,
    workers: {
      layoutEgoNetworks(egos: readonly EgoGraph[]) {
        asked.push(egos.map((ego) => ego.id));
        return siteInThisThread.layoutEgoNetworks(egos);
      },
    },
  };
}

describe('the ego-network layout cache', () => {
  it('lays out only the graphs that changed since the last build, and gives the same layouts as laying out all', () => {
    const root = project();
    const first = counting();
    const cold = loadLayoutCache(root);
    const laidOut = withLayoutCache(first.workers, cold, 'v1').layoutEgoNetworks(everyone(story())).wait();
    expect(first.asked).toEqual([ids]);
    expect(JSON.stringify([...laidOut])).toBe(JSON.stringify([...siteInThisThread.layoutEgoNetworks(everyone(story())).wait()]));
    saveLayoutCache(root, cold);

    // Nothing changed: nothing is laid out, and the reused layouts are the same, as the pages publish them (JSON).
    const again = counting();
    const warm = loadLayoutCache(root);
    const reused = withLayoutCache(again.workers, warm, 'v1').layoutEgoNetworks(everyone(story())).wait();
    expect(again.asked).toEqual([[]]);
    expect(warm.hits).toBe(ids.length);
    expect(JSON.stringify([...reused])).toBe(JSON.stringify([...laidOut]));

    // More sentences naming Ana and Ben: their networks change, and so do those that draw the Ana–Ben link.
    const changed = everyone(story(5));
    const moved = changed.filter((ego, k) => JSON.stringify(ego.graph) !== JSON.stringify(everyone(story())[k]!.graph)).map((ego) => ego.id);
    expect(moved).toContain('ana');
    expect(moved).toContain('ben');
    expect(moved.length).toBeLessThan(ids.length);
    const third = counting();
    const layouts = withLayoutCache(third.workers, loadLayoutCache(root), 'v1').layoutEgoNetworks(changed).wait();
    expect(third.asked).toEqual([moved]);
    expect(JSON.stringify([...layouts])).toBe(JSON.stringify([...siteInThisThread.layoutEgoNetworks(changed).wait()]));
  });

  it('lays out everything again when the code that lays out changed', () => {
    const root = project();
    const cache = loadLayoutCache(root);
    withLayoutCache(siteInThisThread, cache, 'v1').layoutEgoNetworks(everyone(story())).wait();
    saveLayoutCache(root, cache);
    const next = counting();
    withLayoutCache(next.workers, loadLayoutCache(root), 'v2').layoutEgoNetworks(everyone(story())).wait();
    expect(next.asked[0]).toHaveLength(ids.length);
  });

  it('leaves the workers\' other jobs (the source pages\' article bodies) where they were', () => {
    const workers = { ...siteInThisThread, articleBodies: siteInThisThread.articleBodies.bind(undefined) };
    expect(withLayoutCache(workers, loadLayoutCache(project()), 'v1').articleBodies).toBe(workers.articleBodies);
  });

  it('keeps only the layouts the last build used', () => {
    const root = project();
    const cache = loadLayoutCache(root);
    withLayoutCache(siteInThisThread, cache, 'v1').layoutEgoNetworks(everyone(story())).wait();
    saveLayoutCache(root, cache);
    const smaller = loadLayoutCache(root);
    withLayoutCache(siteInThisThread, smaller, 'v1').layoutEgoNetworks(everyone(story()).slice(0, 2)).wait();
    saveLayoutCache(root, smaller);
    expect(Object.keys(JSON.parse(readFileSync(new URL('.cache/layouts/ego.json', root), 'utf8')))).toHaveLength(2);
  });

  it('starts empty from a file cut short, and lays out everything', () => {
    const root = project();
    mkdirSync(new URL('.cache/layouts/', root), { recursive: true });
    writeFileSync(new URL('.cache/layouts/ego.json', root), '{"abc": {"nodes": [');
    const cache = loadLayoutCache(root);
    expect(cache.stored.size).toBe(0);
    const next = counting();
    const layouts = withLayoutCache(next.workers, cache, 'v1').layoutEgoNetworks(everyone(story())).wait();
    expect(next.asked[0]).toHaveLength(ids.length);
    expect(layouts.size).toBe(ids.length);
  });
});

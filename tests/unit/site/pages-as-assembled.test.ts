import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../../scripts/bench/corpus.ts';
import { readSeeds } from '../../../scripts/bench/seeds.ts';
import type { NetworkChart } from '../../../scripts/pipeline/charts/network.ts';
import { asTextFile, type EmittedFile } from '../../../scripts/pipeline/emit/page.ts';
import { runPipeline } from '../../../scripts/pipeline/run.ts';
import { buildSite, siteInThisThread, type SiteWorkers } from '../../../scripts/pipeline/site.ts';

const { seeds, registryFiles } = readSeeds(new URL('../../../', import.meta.url), 'tests/fixtures/seed-story');
const inputs = generateCorpus({ size: 24, seed: 3, seeds, registryFiles }).inputs;
const model = runPipeline(inputs);

/**
 * Layouts made in this thread, but "in" only after `polls` calls of `poll`;
 * `emitted` counts the pages written when the build first blocked on them.
 */
function slowLayouts(polls: number, emitted: () => number): { workers: SiteWorkers; blockedAfter: number[] } {
  const blockedAfter: number[] = [];
  return {
    blockedAfter,
    workers: {
      layoutEgoNetworks(egos) {
        const here = siteInThisThread.layoutEgoNetworks(egos);
        let asked = 0;
        let ready: Map<string, NetworkChart> | undefined;
        return {
          poll: () => (ready ??= ++asked > polls ? here.wait() : undefined),
          wait: () => {
            if (!ready) blockedAfter.push(emitted());
            return (ready ??= here.wait());
          },
        };
      },
    },
  };
}

describe('buildSite writes each briefing page as soon as it can', () => {
  const reference = buildSite(model, inputs.settings).files;
  const actorPages = reference.filter((file) => file.file.startsWith('src/generated/pages/actors/')).length;

  it('has pages of actors and of other kinds to write', () => {
    expect(actorPages).toBeGreaterThan(3);
    expect(reference.filter((file) => /^src\/generated\/pages\/(bases|events|places)\//.test(file.file)).length).toBeGreaterThan(0);
  });

  it('writes the same files in the same order whenever the layouts come in', () => {
    for (const polls of [0, 2, actorPages - 1, Number.POSITIVE_INFINITY]) {
      const files: EmittedFile[] = [];
      const { workers } = slowLayouts(polls, () => files.length);
      buildSite(model, inputs.settings, (file) => files.push(asTextFile(file)), workers);
      expect(files.map((file) => file.file)).toEqual(reference.map((file) => file.file));
      expect(files).toEqual(reference);
    }
  });

  it('writes the pages without a network before it waits for the layouts', () => {
    const files: EmittedFile[] = [];
    const { workers, blockedAfter } = slowLayouts(Number.POSITIVE_INFINITY, () => files.length);
    buildSite(model, inputs.settings, (file) => files.push(asTextFile(file)), workers);
    const withoutNetwork = reference.filter((file) => /^src\/generated\/pages\/(bases|events|places)\//.test(file.file)).length;
    expect(blockedAfter).toEqual([withoutNetwork]);
    // Every actor page has its network, though it was assembled before the layouts were in.
    expect(files.filter((file) => file.file.startsWith('src/generated/pages/actors/') && file.source.includes('"name":"charts/Network"')).length).toBeGreaterThan(0);
  });
});

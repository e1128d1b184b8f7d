import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../../scripts/bench/corpus.ts';
import { readSeeds } from '../../../scripts/bench/seeds.ts';
import { fromDiscoveryWire, toDiscoveryWire } from '../../../scripts/io/discovery-wire.ts';
import { discoverNames } from '../../../scripts/pipeline/discover/index.ts';
import { segmentCorpus } from '../../../scripts/pipeline/run.ts';

describe('discovery wire', () => {
  const { seeds, registryFiles } = readSeeds(new URL('../../../', import.meta.url), 'tests/fixtures/seed-story');
  const { segmented } = segmentCorpus(generateCorpus({ size: 40, seed: 3, seeds, registryFiles }).inputs);

  it('sends each sentence as offsets and gives it back with its text', () => {
    const wire = toDiscoveryWire(segmented);
    // A sentence after the first of its paragraph is only in the paragraph's text, never a string of its own.
    const paragraph = segmented.flatMap((article) => article.paragraphs).find((candidate) => candidate.sentences.length >= 2)!;
    expect(JSON.stringify(wire)).not.toContain(JSON.stringify(paragraph.sentences[1]!.text));
    const back = fromDiscoveryWire(structuredClone(wire));
    expect(back).toEqual(
      segmented.map((article) => ({
        slug: article.slug,
        paragraphs: article.paragraphs.map(({ id, kind, text, sentences }) => ({ id, kind, text, sentences: sentences.map(({ id, start, end, text }) => ({ id, start, end, text })) })),
      })),
    );
  });

  it('gives discovery the same names as the segmented articles do', () => {
    const names = discoverNames(segmented);
    expect(names.length).toBeGreaterThan(10);
    expect(discoverNames(fromDiscoveryWire(structuredClone(toDiscoveryWire(segmented))))).toEqual(names);
  });
});

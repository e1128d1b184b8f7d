import { describe, expect, it } from 'vitest';
import { discoverCandidates, discoverNames } from '../../../scripts/pipeline/discover/index.ts';
import { buildAliasIndex, linkMentions } from '../../../scripts/pipeline/link/index.ts';
import { makeArticle, makeEntity, seedArticle, seedRegistry } from '../link/fixtures.ts';
import { growthRatio, linearBound } from '../helpers/growth.ts';

const article004 = seedArticle('004_bee40c1e7e62989b.txt');
const seeds = ['000_414b01a22b4b9160.txt', '001_61cb9f6024de31c1.txt', '002_e060aad4f616cf48.txt', '003_dbdebd384bef066e.txt', '004_bee40c1e7e62989b.txt'].map(seedArticle);

function byName(candidates: ReturnType<typeof discoverCandidates>) {
  return new Map(candidates.map((c) => [c.name, c]));
}

describe('discoverCandidates with an empty registry (seed 004)', () => {
  const candidates = byName(discoverCandidates([article004], []));

  it('finds people, places and organisations', () => {
    expect(candidates.get('Vladimir Putin')?.type).toBe('person');
    expect(candidates.get('Moscow')?.type).toBe('place');
    expect(['organisation', 'place']).toContain(candidates.get('Chatham House')?.type);
    expect(candidates.get('Hayat Tahrir al-Sham')).toBeDefined();
  });

  it('counts occurrences, lists articles and keeps up to 3 distinct example sentences', () => {
    const moscow = candidates.get('Moscow')!;
    expect(moscow.count).toBe(22);
    expect(moscow.articles).toEqual(['004-bee40c1e7e62989b']);
    expect(moscow.examples).toHaveLength(3);
    expect(new Set(moscow.examples.map((e) => e.sentenceId)).size).toBe(3);
    for (const example of moscow.examples) expect(example.text).toContain('Moscow');
  });

  it('merges case and hyphen variants ("Al‑Sharaa", "al‑Sharaa") and drops possessives', () => {
    const sharaa = [...candidates.values()].filter((c) => /sharaa/i.test(c.name));
    expect(sharaa.map((c) => c.name).sort()).toEqual(['Ahmed al-Sharaa', 'al-Sharaa']);
    // 18 in the file: 1 inside "Ahmed al‑Sharaa", 1 in the headline line (skipped as a heading).
    expect(candidates.get('al-Sharaa')!.count).toBe(16);
    for (const name of candidates.keys()) expect(name).not.toMatch(/['’]s$/);
  });

  it('skips months, weekdays, demonym adjectives, titles and page furniture', () => {
    for (const name of ['October', 'December', 'President', 'Syrian', 'Russian', 'Western', 'PAID SUBSCRIBER', 'On', 'The']) {
      expect(candidates.has(name), name).toBe(false);
    }
  });
});

describe('discoverCandidates with a registry', () => {
  it('does not propose names already linked by a mention', () => {
    const index = buildAliasIndex([makeEntity({ id: 'vladimir-putin', kind: 'actor', subtype: 'person', name: 'Vladimir Putin' })]);
    const mentions = linkMentions(article004, index);
    const names = byName(discoverCandidates([article004], mentions));
    expect(names.has('Putin')).toBe(false);
    expect(names.has('Vladimir Putin')).toBe(false);
    expect(names.has('Moscow')).toBe(true);
  });

  it('across all seeds, linked entities vanish and unknown ones remain with their articles', () => {
    const index = buildAliasIndex(seedRegistry);
    const mentions = seeds.flatMap((a) => linkMentions(a, index));
    const names = byName(discoverCandidates(seeds, mentions));
    for (const linked of ['Russia', 'Syria', 'Moscow', 'Vladimir Putin', 'Putin', 'Sharaa', 'al-Sharaa', 'SDF']) expect(names.has(linked), linked).toBe(false);
    expect(names.get('Shafaq News')).toMatchObject({ type: 'organisation', count: 2, articles: ['001-61cb9f6024de31c1', '002-e060aad4f616cf48'] });
    expect(names.get('Aghiad Hegazi')?.type).toBe('person');
    expect(names.get('Latakia')?.type).toBe('place');
  });
});

describe('edge cases', () => {
  it('is deterministic and sorted by count, then name', () => {
    const first = discoverCandidates(seeds, []);
    const second = discoverCandidates(seeds, []);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    for (let i = 1; i < first.length; i++) {
      const [a, b] = [first[i - 1]!, first[i]!];
      expect(a.count > b.count || (a.count === b.count && a.name < b.name)).toBe(true);
    }
  });

  it('drops sentence-initial common words but keeps the name after them', () => {
    const article = makeArticle('t', ['Indeed Quneitra remained calm. Fighting spread to Quneitra, officials said in Quneitra.']);
    const names = discoverCandidates([article], []).map((c) => [c.name, c.count, c.type]);
    expect(names).toEqual([['Quneitra', 3, 'place']]);
  });

  it('ignores headings, title-case headlines, URLs and handles', () => {
    const article = makeArticle('t', [
      { text: 'Strategic Base Preservation', kind: 'heading' },
      'Putin Hosts Syria’s Sharaa As Russian Forces Exit North In Tandem With US Drawdown.',
      'See chathamhouse.org or @RealPepeEscobar for more, said Lenka White.',
    ]);
    expect(discoverCandidates([article], []).map((c) => c.name)).toEqual(['Lenka White']);
  });

  it('never throws on hostile or empty input', () => {
    const hostile = makeArticle('h', ['', '<script>alert("X")</script>.', 'بوتين في موسكو.', '🇷🇺 {{Moscow}} 👍.', 'A'.repeat(10_000) + '.']);
    expect(() => discoverCandidates([hostile], [])).not.toThrow();
    expect(discoverCandidates([], [])).toEqual([]);
  });

  it('handles ~1 MB of text, its time growing linearly with the corpus', { timeout: 120_000 }, () => {
    const copies = (count: number) => Array.from({ length: count }, (_, k) => seeds.map((a) => ({ ...a, slug: `${a.slug}-${k}` }))).flat();
    const candidates = discoverCandidates(copies(40), []);
    expect(candidates.find((c) => c.name === 'Chatham House')?.count).toBe(40);
    const corpora = new Map([5, 40].map((count) => [count, copies(count)]));
    expect(growthRatio((count) => discoverCandidates(corpora.get(count)!, []), 5, 8, 2)).toBeLessThan(linearBound(8));
  });
});

describe('discoverNames: an expansion written with its acronym is one name everywhere', () => {
  const articles = [
    makeArticle('one', ['Delegates asked the Council for Trade and Fisheries in Norway (CTFN) to review the quota on Monday.']),
    makeArticle('two', ['A spokesman for the Council for Trade and Fisheries in Norway said the review would take a month.']),
    makeArticle('three', ['Fishing crews in Norway protested at the harbour on Tuesday.']),
  ];
  const names = new Map(discoverNames(articles).map((name) => [name.name, name]));

  it('counts the whole expansion, with or without the brackets, and keeps its acronym', () => {
    const council = names.get('Council for Trade and Fisheries in Norway');
    expect(council?.count).toBe(2);
    expect(council?.articles).toEqual(['one', 'two']);
    expect(council?.acronyms).toEqual(['CTFN']);
  });

  it('does not count the words inside it as names of their own', () => {
    // Only the sentence of article three names Norway on its own.
    expect(names.get('Norway')?.count).toBe(1);
    expect(names.get('Norway')?.articles).toEqual(['three']);
    expect(names.has('Trade')).toBe(false);
    expect(names.has('Fisheries')).toBe(false);
  });
});

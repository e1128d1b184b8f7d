import { describe, expect, it } from 'vitest';
import { buildAliasIndex, linkMentions } from '../../../scripts/pipeline/link/index.ts';
import type { Entity } from '../../../scripts/pipeline/model.ts';
import { makeArticle, makeEntity, readSeed, seedArticle, seedRegistry } from './fixtures.ts';
import { growthRatio, linearBound } from '../helpers/growth.ts';

const seedIndex = buildAliasIndex(seedRegistry);

/** Link one paragraph and keep what a reader of the test cares about. */
function link(text: string, index = seedIndex) {
  return linkMentions(makeArticle('a', [text]), index).map((m) => [m.entityId, m.text, m.via]);
}

/** Seed sentences are copied verbatim; this guards against the copy drifting from the file. */
function seedSentence(file: string, sentence: string): string {
  expect(readSeed(file)).toContain(sentence);
  return sentence;
}

describe('linkMentions on seed sentences', () => {
  it('links a person, a possessive state and a particle name', () => {
    const text = seedSentence('000_414b01a22b4b9160.txt', 'Putin met Syria’s interim President Ahmed al-Sharaa on January 28, 2026');
    expect(link(text)).toEqual([
      ['vladimir-putin', 'Putin', 'surname'],
      ['syria', 'Syria', 'name'],
      ['ahmed-al-sharaa', 'Ahmed al-Sharaa', 'name'],
    ]);
  });

  it('prefers the longest form: the bases, not the city of Tartus', () => {
    const text = seedSentence('000_414b01a22b4b9160.txt', 'Russia’s Hmeimim airbase and Tartus naval base remain uncertain');
    expect(link(text)).toEqual([
      ['russia', 'Russia', 'name'],
      ['hmeimim', 'Hmeimim airbase', 'alias'],
      ['tartus-naval-base', 'Tartus naval base', 'name'],
    ]);
  });

  it('prefers "Hmeimim Air Base" over "Hmeimim"', () => {
    const text = seedSentence('002_e060aad4f616cf48.txt', 'transferring equipment and personnel to Hmeimim Air Base on the coast');
    expect(link(text)).toEqual([['hmeimim', 'Hmeimim Air Base', 'name']]);
  });

  it('reads "Kremlin" as a metonym of Russia next to a full name', () => {
    const text = seedSentence('000_414b01a22b4b9160.txt', 'Kremlin spokesman Dmitry Peskov confirmed');
    expect(link(text)).toEqual([
      ['russia', 'Kremlin', 'metonym'],
      ['dmitry-peskov', 'Dmitry Peskov', 'name'],
    ]);
  });

  it('links "Syrian Democratic Forces (SDF)" twice to the SDF and never to Syria', () => {
    const text = seedSentence('001_61cb9f6024de31c1.txt', 'guarded by Syrian Democratic Forces (SDF) fighters');
    expect(link(text)).toEqual([
      ['sdf', 'Syrian Democratic Forces', 'name'],
      ['sdf', 'SDF', 'alias'],
    ]);
  });

  it('matches names written with U+2011 non-breaking hyphens and keeps the original text', () => {
    const text = seedSentence('004_bee40c1e7e62989b.txt', 'al‑Sharaa’s forces overthrew Bashar al‑Assad');
    expect(link(text)).toEqual([
      ['ahmed-al-sharaa', 'al‑Sharaa', 'surname'],
      ['bashar-al-assad', 'Bashar al‑Assad', 'name'],
    ]);
  });

  it('matches a sentence-initial capitalised particle ("Al‑Sharaa’s")', () => {
    const text = seedSentence('004_bee40c1e7e62989b.txt', 'Al‑Sharaa’s request that Russia help curtail Turkish influence');
    expect(link(text)).toEqual([
      ['ahmed-al-sharaa', 'Al‑Sharaa', 'surname'],
      ['russia', 'Russia', 'name'],
    ]);
  });

  it('yields the state and the person for "Russian President Vladimir Putin"', () => {
    const text = seedSentence('002_e060aad4f616cf48.txt', 'Russian President Vladimir Putin is set to host Syria’s self-appointed President Ahmad al-Sharaa in Moscow');
    expect(link(text)).toEqual([
      ['russia', 'Russian', 'demonym'],
      ['vladimir-putin', 'Vladimir Putin', 'name'],
      ['syria', 'Syria', 'name'],
      ['ahmed-al-sharaa', 'Ahmad al-Sharaa', 'alias'],
      ['moscow', 'Moscow', 'name'],
    ]);
  });

  it('resolves possessives with straight and typographic apostrophes, excluding the suffix', () => {
    const text = seedSentence('001_61cb9f6024de31c1.txt', "Putin Hosts Syria's Sharaa");
    const mentions = linkMentions(makeArticle('a', [`${text}. Peskov’s aides agreed.`]), seedIndex);
    expect(mentions.map((m) => [m.entityId, m.text, m.start, m.end])).toEqual([
      ['vladimir-putin', 'Putin', 0, 5],
      ['syria', 'Syria', 12, 17],
      ['ahmed-al-sharaa', 'Sharaa', 20, 26],
      ['dmitry-peskov', 'Peskov', 28, 34],
    ]);
  });
});

describe('capital or government: "Moscow"', () => {
  it('is the city after a locative preposition', () => {
    const text = seedSentence('001_61cb9f6024de31c1.txt', 'Ahmad al-Sharaa is in Moscow on Wednesday');
    expect(link(text)).toContainEqual(['moscow', 'Moscow', 'name']);
    expect(link('Sharaa is in Moscow on Wednesday')).toEqual([
      ['ahmed-al-sharaa', 'Sharaa', 'surname'],
      ['moscow', 'Moscow', 'name'],
    ]);
  });

  it('is the city after a travel verb, skipping an article ("visited the Kremlin" style)', () => {
    expect(link('He visited Moscow twice and flew to Damascus.')).toEqual([
      ['moscow', 'Moscow', 'name'],
      ['damascus', 'Damascus', 'name'],
    ]);
  });

  it('is the state when possessive', () => {
    const text = seedSentence('004_bee40c1e7e62989b.txt', 'Yet Moscow’s invitation reflects a complicated recalibration');
    expect(link(text)).toEqual([['russia', 'Moscow', 'metonym']]);
  });

  it('is the state in subject position', () => {
    const text = seedSentence('001_61cb9f6024de31c1.txt', 'Indeed Moscow has sought to keep its lone deep water port and Mediterranean base at Tartus');
    expect(link(text)).toEqual([
      ['russia', 'Moscow', 'metonym'],
      ['tartus', 'Tartus', 'name'],
    ]);
  });

  it('without a place entity, the metonym reading is the only one', () => {
    const index = buildAliasIndex(seedRegistry.filter((e) => e.id !== 'moscow'));
    expect(link('Sharaa is in Moscow on Wednesday', index)).toContainEqual(['russia', 'Moscow', 'metonym']);
  });
});

describe('whole words and case', () => {
  it('does not match "Iran" inside "Iranian" when only "Iran" is registered', () => {
    expect(link('Iranian officials met Iran’s envoy.')).toEqual([['iran', 'Iran', 'name']]);
  });

  it('matches a registered demonym and its regular plural', () => {
    const index = buildAliasIndex([makeEntity({ id: 'iran', kind: 'actor', subtype: 'state', name: 'Iran', demonyms: ['Iranian'] })]);
    expect(link('Iranian officials and Iranians', index)).toEqual([
      ['iran', 'Iranian', 'demonym'],
      ['iran', 'Iranians', 'demonym'],
    ]);
  });

  it('is case-sensitive: "US" is not "us", "USB" or "Russ"', () => {
    expect(link('Let us plug the USB into Russ, then US-backed forces moved.')).toEqual([['united-states', 'US', 'alias']]);
  });

  it('matches names next to hyphens inside compounds ("Putin-Sharaa summit", "post-Assad")', () => {
    expect(link('the Putin-Sharaa summit in a post-Assad Syria')).toEqual([
      ['vladimir-putin', 'Putin', 'surname'],
      ['ahmed-al-sharaa', 'Sharaa', 'surname'],
      ['bashar-al-assad', 'Assad', 'surname'],
      ['syria', 'Syria', 'name'],
    ]);
  });

  it('treats a non-breaking space as a space', () => {
    expect(link('Vladimir\u00a0Putin spoke')).toEqual([['vladimir-putin', 'Vladimir\u00a0Putin', 'name']]);
  });

  it('does not treat a plain "-" and a spaced " - " as the same form', () => {
    expect(link('al - Sharaa')).toEqual([['ahmed-al-sharaa', 'Sharaa', 'surname']]);
  });
});

describe('bare surnames', () => {
  const twoAlis: Entity[] = [
    makeEntity({ id: 'ahmed-ali', kind: 'actor', subtype: 'person', name: 'Ahmed Ali' }),
    makeEntity({ id: 'hassan-ali', kind: 'actor', subtype: 'person', name: 'Hassan Ali' }),
  ];

  it('resolves when the registry has a single person with that surname', () => {
    expect(link('Ramani added that Sharaa would stay.')).toEqual([
      ['samuel-ramani', 'Ramani', 'surname'],
      ['ahmed-al-sharaa', 'Sharaa', 'surname'],
    ]);
  });

  it('does not resolve a surname shared by two registry people when it appears bare', () => {
    expect(link('Ali said the Russians withdrew.', buildAliasIndex([...seedRegistry, ...twoAlis]))).toEqual([
      ['russia', 'Russians', 'demonym'],
    ]);
  });

  it('resolves a shared surname when exactly one owner is named in full in the article', () => {
    const index = buildAliasIndex(twoAlis);
    const article = makeArticle('a', ['Ahmed Ali, an SDF fighter, spoke.', 'Ali said the Russians withdrew.']);
    expect(linkMentions(article, index).map((m) => [m.entityId, m.text, m.via, m.paragraphId])).toEqual([
      ['ahmed-ali', 'Ahmed Ali', 'name', 'p0'],
      ['ahmed-ali', 'Ali', 'surname', 'p1'],
    ]);
  });

  it('does not resolve when both owners are named in full', () => {
    const article = makeArticle('a', ['Ahmed Ali and Hassan Ali spoke.', 'Ali said no.']);
    expect(linkMentions(article, buildAliasIndex(twoAlis)).map((m) => m.entityId)).toEqual(['ahmed-ali', 'hassan-ali']);
  });

  it('an alias beats someone else’s surname', () => {
    const index = buildAliasIndex([
      makeEntity({ id: 'assad-bashar', kind: 'actor', subtype: 'person', name: 'Bashar al-Assad', aliases: ['Assad'] }),
      makeEntity({ id: 'assad-hafez', kind: 'actor', subtype: 'person', name: 'Hafez al-Assad' }),
    ]);
    expect(link('Assad fled.', index)).toEqual([['assad-bashar', 'Assad', 'alias']]);
  });
});

describe('offsets, sentences and non-prose', () => {
  it('gives paragraph-relative offsets and the containing sentence id', () => {
    const article = makeArticle('slug-1', ['Intro line.', 'Talks ended. Then Putin left for Damascus.']);
    const [mention] = linkMentions(article, seedIndex);
    expect(mention).toEqual({
      entityId: 'vladimir-putin',
      articleSlug: 'slug-1',
      paragraphId: 'p1',
      sentenceId: 'p1-s1',
      start: 18,
      end: 23,
      text: 'Putin',
      via: 'surname',
    });
    expect(article.paragraphs[1]?.text.slice(mention!.start, mention!.end)).toBe('Putin');
  });

  it('skips URLs, bare domains and @handles', () => {
    const text = seedSentence('001_61cb9f6024de31c1.txt', '— Pepe Escobar (@RealPepeEscobar) January 28, 2026');
    const index = buildAliasIndex([makeEntity({ id: 'escobar', kind: 'actor', subtype: 'person', name: 'Pepe Escobar', aliases: ['RealPepeEscobar'] })]);
    expect(link(text, index)).toEqual([['escobar', 'Pepe Escobar', 'name']]);
    expect(link('See https://example.com/Putin and putin.ru/Syria or @Syria, but Syria.')).toEqual([['syria', 'Syria', 'name']]);
  });

  it('keeps "U.S." as a name, not a domain', () => {
    expect(link('the U.S. said')).toEqual([['united-states', 'U.S.', 'alias']]);
  });

  it('never throws on hostile input and returns nothing for an empty registry', () => {
    const hostile = ['', '   ', '{{}}<script>alert(1)</script>', 'بوتين في موسكو', '🇷🇺🇸🇾 👍', '\u200f\u200eRussia\u202e', "'s 's '", '-'.repeat(1000)];
    for (const text of hostile) expect(() => link(text)).not.toThrow();
    expect(link('<script>Putin</script>')).toEqual([['vladimir-putin', 'Putin', 'surname']]);
    expect(link('Putin in Moscow', buildAliasIndex([]))).toEqual([]);
    const broken = { ...makeArticle('x', ['Putin']), paragraphs: [{ id: 'p', kind: 'paragraph', text: 'Putin', line: 1, sentences: [] }] } as const;
    expect(linkMentions(broken as never, seedIndex)[0]?.sentenceId).toBe('');
  });
});

describe('whole seed articles', () => {
  it('links article 004 with the expected entities and counts', () => {
    const mentions = linkMentions(seedArticle('004_bee40c1e7e62989b.txt'), seedIndex);
    const counts: Record<string, number> = {};
    for (const m of mentions) counts[m.entityId] = (counts[m.entityId] ?? 0) + 1;
    expect(counts['vladimir-putin']).toBe(2);
    expect(counts['ahmed-al-sharaa']).toBe(18); // grep -o 'al‑Sharaa\|Sharaa' counts 18
    expect(counts['iran']).toBe(3);
    for (const m of mentions) expect(m.text.length).toBeGreaterThan(0);
    // No overlaps inside a paragraph.
    const byParagraph = Map.groupBy(mentions, (m) => m.paragraphId);
    for (const list of byParagraph.values()) {
      for (let i = 1; i < list.length; i++) expect(list[i]!.start).toBeGreaterThanOrEqual(list[i - 1]!.end);
    }
  });

  it('is deterministic and independent of registry order', () => {
    const article = seedArticle('000_414b01a22b4b9160.txt');
    const a = linkMentions(article, seedIndex);
    const b = linkMentions(article, buildAliasIndex([...seedRegistry].reverse()));
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('scans a 2 MB paragraph without line breaks, its time growing linearly with the paragraph', { timeout: 120_000 }, () => {
    const sentence = 'Putin met Syria’s interim President Ahmed al-Sharaa in Moscow while Iranian envoys waited. ';
    const huge = sentence.repeat(Math.ceil(2_000_000 / sentence.length));
    const mentions = linkMentions(makeArticle('big', [huge]), seedIndex);
    expect(mentions.length).toBe(Math.ceil(2_000_000 / sentence.length) * 4);
    const articles = new Map([1_000, 8_000].map((copies) => [copies, makeArticle('big', [sentence.repeat(copies)])]));
    expect(growthRatio((copies) => linkMentions(articles.get(copies)!, seedIndex), 1_000, 8, 2)).toBeLessThan(linearBound(8));
  });
});

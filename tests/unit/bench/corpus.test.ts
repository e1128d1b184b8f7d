import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { generateCorpus, shiftDates } from '../../../scripts/bench/corpus.ts';
import { ingestArticle } from '../../../scripts/pipeline/ingest/index.ts';
import { loadRegistry } from '../../../scripts/pipeline/registry/index.ts';
import { benchRegistryFiles as registryFiles, benchSeeds as seeds } from '../../fixtures/bench/seed-story.ts';

const corpus = generateCorpus({ size: 120, seed: 7, seeds, registryFiles });
const large = generateCorpus({ size: 300, seed: 5, seeds, registryFiles });

// Generating corpora takes seconds when other builds share the cores; no figure is asserted on time.
describe('generateCorpus', { timeout: 30_000 }, () => {
  it('is deterministic: the same seed gives the same bytes, another seed different ones', () => {
    const first = generateCorpus({ size: 40, seed: 7, seeds, registryFiles });
    const again = generateCorpus({ size: 40, seed: 7, seeds, registryFiles });
    expect(again.inputs.articles.map((a) => a.file)).toEqual(first.inputs.articles.map((a) => a.file));
    again.inputs.articles.forEach((a, i) => expect(Buffer.from(a.bytes).equals(Buffer.from(first.inputs.articles[i]!.bytes))).toBe(true));
    expect(again.generatedRegistry.text).toBe(first.generatedRegistry.text);
    const other = generateCorpus({ size: 40, seed: 8, seeds, registryFiles });
    expect(new TextDecoder().decode(other.inputs.articles[0]!.bytes)).not.toBe(first.articles[0]!.text);
  });

  it('produces N articles of ~600–1,200 words with unique file names', () => {
    expect(corpus.inputs.articles).toHaveLength(120);
    expect(new Set(corpus.articles.map((a) => a.file)).size).toBe(120);
    for (const article of corpus.articles) {
      expect(article.words).toBeGreaterThanOrEqual(600);
      expect(article.words).toBeLessThan(1_600); // target ≤ 1,200 plus the last paragraph and reused paragraphs
    }
  });

  it('gives every article a publication date that ingest reads, spread over about two years', () => {
    const published = corpus.inputs.articles.map((input) => {
      const { article } = ingestArticle(input);
      expect(article, input.file).not.toBeNull();
      return article!.meta.published;
    });
    for (const [i, value] of published.entries()) {
      expect(value?.precision, corpus.articles[i]!.file).toBe('day');
      expect(value?.start).toBe(corpus.articles[i]!.published);
    }
    const days = corpus.articles.map((a) => Date.parse(a.published) / 86_400_000);
    expect(Math.max(...days) - Math.min(...days)).toBeGreaterThan(600);
    expect(Math.max(...days) - Math.min(...days)).toBeLessThan(800);
    // Both shapes are exercised: Markdown with frontmatter and plain text with a dateline.
    expect(corpus.articles.some((a) => a.file.endsWith('.md'))).toBe(true);
    expect(corpus.articles.some((a) => a.file.endsWith('.txt'))).toBe(true);
  });

  it('includes near-copies that reuse whole paragraphs of an earlier article', () => {
    const copies = corpus.articles.filter((a) => a.nearCopyOf !== undefined);
    expect(copies.length).toBeGreaterThanOrEqual(1);
    expect(copies.length).toBe(corpus.stats.nearCopies);
    for (const copy of copies) {
      const index = corpus.articles.indexOf(copy);
      expect(copy.nearCopyOf!).toBeLessThan(index);
      const source = new Set(corpus.articles[copy.nearCopyOf!]!.text.split('\n\n'));
      expect(copy.text.split('\n\n').some((paragraph) => paragraph.length > 80 && source.has(paragraph))).toBe(true);
    }
  });

  it('swaps in generated names, some of them in a generated registry that loads without errors', () => {
    const registry = loadRegistry(corpus.inputs.registryFiles);
    expect(registry.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const generated = parseYaml(corpus.generatedRegistry.text) as { name: string; subtype: string }[];
    expect(generated.filter((e) => e.subtype === 'person')).toHaveLength(300);
    const text = corpus.articles.map((a) => a.text).join('\n');
    expect(generated.filter((e) => e.subtype === 'person' && text.includes(e.name)).length).toBeGreaterThan(20);
    // The seed story's own names are mostly swapped out.
    expect(text.split('Dana Keller').length - 1).toBeLessThan(corpus.articles.length / 3);
  });

  it('writes most names out of the registry, as a real corpus does', () => {
    const { mentions, people } = large.stats;
    expect(mentions.unregistered / (mentions.registered + mentions.unregistered)).toBeGreaterThan(0.6);
    const registered = new Set((parseYaml(large.generatedRegistry.text) as { name: string }[]).map((e) => e.name));
    for (const person of people) expect(registered.has(person.name), person.name).toBe(person.registered);
    // Counted from the text, not from the generator's own tally: articles naming each cast person in full.
    const texts = large.articles.map((a) => a.text);
    const named = (name: string) => texts.filter((text) => text.includes(name)).length;
    const inText = people.map((person) => ({ ...person, named: named(person.name) })).filter((person) => person.named > 0);
    const outside = inText.filter((person) => !person.registered);
    expect(outside.length).toBeGreaterThan(2 * (inText.length - outside.length));
    expect(inText.length).toBe(large.stats.distinctPeople - people.filter((p) => named(p.name) === 0).length);
  });

  it('makes some names out of the registry recur across articles, so discovery can give them pages', () => {
    const outside = large.stats.people.filter((person) => !person.registered);
    expect(outside.filter((person) => person.articles >= 5).length).toBeGreaterThanOrEqual(5);
    expect(outside.filter((person) => person.articles === 1).length).toBeGreaterThan(outside.length / 2);
    expect(large.stats.people.filter((person) => person.registered).length).toBeGreaterThan(20);
  });

  it('leaves seed frontmatter out of the recombined prose', () => {
    for (const article of corpus.articles) {
      const body = article.text.split('\n\n').filter((block) => !block.startsWith('---\n'));
      expect(body.join('\n\n'), article.file).not.toMatch(/^title: /m);
    }
  });
});

describe('shiftDates', () => {
  it('shifts full dates, month-years, day-months and bare years by the same offset', () => {
    expect(shiftDates('on January 28, 2026 and 15th of October 2025', -30, 2026)).toBe('on December 29, 2025 and 15 September 2025');
    expect(shiftDates('in December 2024, on 23 January, since 2015', -400, 2026)).toBe('in November 2023, on 19 December, since 2014');
    expect(shiftDates('no dates here', 100, 2026)).toBe('no dates here');
  });
});

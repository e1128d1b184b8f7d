import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { generateCorpus, shiftDates, type SeedArticle } from '../../../scripts/bench/corpus.ts';
import { ingestArticle } from '../../../scripts/pipeline/ingest/index.ts';
import { loadRegistry } from '../../../scripts/pipeline/registry/index.ts';

const articlesDir = new URL('../../fixtures/seed-story/articles/', import.meta.url);
const entitiesDir = new URL('../../fixtures/seed-story/entities/', import.meta.url);
const seeds: SeedArticle[] = readdirSync(articlesDir)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => ({ file: `content/articles/${name}`, text: readFileSync(new URL(name, articlesDir), 'utf8'), published: '2026-01-28' }));
const registryFiles = readdirSync(entitiesDir)
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((name) => ({ file: `content/entities/${name}`, text: readFileSync(new URL(name, entitiesDir), 'utf8') }));

const corpus = generateCorpus({ size: 120, seed: 7, seeds, registryFiles });

describe('generateCorpus', () => {
  it('is deterministic: the same seed gives the same bytes, another seed different ones', () => {
    const again = generateCorpus({ size: 120, seed: 7, seeds, registryFiles });
    expect(again.inputs.articles.map((a) => a.file)).toEqual(corpus.inputs.articles.map((a) => a.file));
    again.inputs.articles.forEach((a, i) => expect(Buffer.from(a.bytes).equals(Buffer.from(corpus.inputs.articles[i]!.bytes))).toBe(true));
    expect(again.generatedRegistry.text).toBe(corpus.generatedRegistry.text);
    const other = generateCorpus({ size: 120, seed: 8, seeds, registryFiles });
    expect(new TextDecoder().decode(other.inputs.articles[0]!.bytes)).not.toBe(corpus.articles[0]!.text);
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
    expect(corpus.stats.distinctPeople).toBeGreaterThan(300);
    const text = corpus.articles.map((a) => a.text).join('\n');
    expect(generated.filter((e) => e.subtype === 'person' && text.includes(e.name)).length).toBeGreaterThan(20);
  });
});

describe('shiftDates', () => {
  it('shifts full dates, month-years, day-months and bare years by the same offset', () => {
    expect(shiftDates('on January 28, 2026 and 15th of October 2025', -30, 2026)).toBe('on December 29, 2025 and 15 September 2025');
    expect(shiftDates('in December 2024, on 23 January, since 2015', -400, 2026)).toBe('in November 2023, on 19 December, since 2014');
    expect(shiftDates('no dates here', 100, 2026)).toBe('no dates here');
  });
});

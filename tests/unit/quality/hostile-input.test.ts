import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../../scripts/pipeline/run.ts';
import { buildSite } from '../../../scripts/pipeline/site.ts';
import { hostileCases, hostileCorpus } from '../../fixtures/hostile-corpus.ts';

const corpus = hostileCorpus();
const settings = { title: 'Hostile', description: 'Hostile input.' };
const model = runPipeline({ settings, sources: corpus.sources, articles: corpus.articles, registryFiles: corpus.registryFiles });
const site = buildSite(model, settings);
const cases = hostileCases();

describe('hostile and malformed input', () => {
  it('has at least 30 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it('never drops an article without a message: each one has a page or an error naming its file', () => {
    for (const input of corpus.articles) {
      const article = model.articles.find((item) => item.file === input.file);
      const errors = model.diagnostics.filter((diagnostic) => diagnostic.file === input.file && diagnostic.severity === 'error');
      expect(Boolean(article) || errors.length > 0, input.file).toBe(true);
      if (article) expect(site.files.some((file) => file.file === `src/generated/pages/sources/${article.slug}.json`), input.file).toBe(true);
    }
  });

  it('reports the unreadable articles with file and line, and builds the readable ones', () => {
    for (const item of cases) {
      const file = `build/hostile-content/articles/${item.name}`;
      const built = model.articles.some((article) => article.file === file);
      if (item.expect === 'error') {
        expect(built, item.name).toBe(false);
        const error = model.diagnostics.find((diagnostic) => diagnostic.file === file && diagnostic.severity === 'error');
        expect(error?.line, item.name).toBeGreaterThan(0);
      } else {
        expect(built, item.name).toBe(true);
      }
    }
  });

  it('still builds every seed article', () => {
    expect(model.articles.filter((article) => /\/\d{3}_[0-9a-f]+\.txt$/.test(article.file))).toHaveLength(5);
  });

  it('names file and line for invalid UTF-8, broken frontmatter and bad metadata', () => {
    const where = (code: string) => model.diagnostics.filter((diagnostic) => diagnostic.code === code).map((diagnostic) => `${diagnostic.file}:${diagnostic.line}`);
    expect(where('article/invalid-utf8')).toEqual([expect.stringMatching(/h04-invalid-utf8\.txt:\d+$/)]);
    expect(where('article/frontmatter').length).toBeGreaterThan(0);
    for (const place of where('article/frontmatter')) expect(place).toMatch(/h21-broken-frontmatter\.md:\d+$/);
    const sourceErrors = model.diagnostics.filter((diagnostic) => diagnostic.file.endsWith('sources.yaml') && diagnostic.severity === 'error');
    expect(sourceErrors.length).toBeGreaterThan(0);
    expect(sourceErrors[0]!.line).toBeGreaterThan(0);
    expect(sourceErrors[0]!.message).toContain('h18-duplicate-title-a.txt');
  });

  it('reports broken registry entries by file, line and entry, and keeps the rest of the registry', () => {
    const registryErrors = model.diagnostics.filter((diagnostic) => diagnostic.file.endsWith('zz-hostile.yaml'));
    const messages = registryErrors.map((diagnostic) => diagnostic.message).join('\n');
    expect(messages).toContain('broken-entity');
    expect(messages).toContain('alias-thief');
    expect(messages).toContain('no-description');
    for (const diagnostic of registryErrors) expect(diagnostic.line).toBeGreaterThan(0);
    expect(model.entities.some((entity) => entity.id === 'vladimir-putin')).toBe(true);
  });

  it('gives duplicate slugs distinct pages with a warning', () => {
    const twins = model.articles.filter((article) => article.file.includes('h20-dup-slug'));
    expect(new Set(twins.map((article) => article.slug)).size).toBe(2);
    expect(model.diagnostics.some((diagnostic) => diagnostic.code === 'article/duplicate-slug')).toBe(true);
  });

  it('withholds no page and every page parses back to exactly what the generator built', () => {
    expect(site.diagnostics.filter((diagnostic) => diagnostic.code === 'emit/unsafe-mdx')).toEqual([]);
    for (const file of site.files) {
      expect(file.source, file.file).not.toMatch(/^import (?!\w+ from '@components\/(?:\w+\/)*\w+\.astro';$)/m);
      expect(file.source, file.file).not.toMatch(/^export /m);
    }
  });

  it('reports what it cannot resolve instead of guessing', () => {
    expect(model.unresolvedDates.some((item) => /days before/i.test(item.text))).toBe(true);
  });
});

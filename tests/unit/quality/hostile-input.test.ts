import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import type { EntityPageData } from '../../../scripts/pipeline/emit/entity-page.ts';
import { runPipeline } from '../../../scripts/pipeline/run.ts';
import { buildSite } from '../../../scripts/pipeline/site.ts';
import { MAX_HEADLINE_LENGTH } from '../../../scripts/pipeline/ingest/line-shape.ts';
import { hostileCases, hostileCorpus, lineTitle, payloadFileNames, payloadInputs, payloads } from '../../fixtures/hostile-corpus.ts';
import { hasXmlForbidden, stripXmlForbidden } from '../../../scripts/pipeline/shared/escape.ts';

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
    // The broken file, and the payloads in checked fields (dates): nothing else.
    for (const place of where('article/frontmatter')) expect(place).toMatch(/(?:h21-broken-frontmatter|p-[a-z-]+-front-checked)\.md:\d+$/);
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

describe('markup payloads in every place a string enters', () => {
  const payloadCases = payloadInputs().cases;
  const articleOf = (name: string) => model.articles.find((article) => article.file === `build/hostile-content/articles/${name}`);
  /** What a reader should see: the payload as text, without the characters XML forbids, whitespace as the page shows it. */
  const shown = (text: string) => stripXmlForbidden(text).text.replace(/\s+/g, ' ').trim();

  it('tries over 80 payload cases, each payload in each place', () => {
    expect(payloadCases.length).toBeGreaterThanOrEqual(80);
    const places = new Set(payloadCases.map((item) => item.place));
    for (const place of places) expect(payloadCases.filter((item) => item.place === place).length, place).toBeGreaterThanOrEqual(payloads.length - 1);
  });

  it('keeps each payload as the text of the field it was given in', () => {
    for (const { key, text } of payloads) {
      for (const name of [`p-${key}-front.md`, `p-${key}-sources.txt`]) {
        const meta = articleOf(name)?.meta;
        expect(meta, name).toBeDefined();
        for (const field of ['title', 'outlet', 'author', 'stance'] as const) expect(shown(meta![field] ?? ''), `${name} ${field}`).toBe(shown(text));
      }
      const line = articleOf(`p-${key}-line.txt`);
      // A first line too long for a headline is read as the article's first paragraph.
      if (lineTitle(text).length < MAX_HEADLINE_LENGTH) expect(shown(line?.meta.title ?? '').startsWith(shown(lineTitle(text)).slice(0, 60)), `p-${key}-line.txt title`).toBe(true);
      else expect(shown(line?.paragraphs[0]?.text ?? ''), `p-${key}-line.txt first paragraph`).toContain(shown(text));
      const body = articleOf(`p-${key}-body.txt`)?.paragraphs.map((paragraph) => paragraph.text).join('\n') ?? '';
      expect(shown(body), `p-${key}-body.txt`).toContain(shown(text));
      const actor = model.entities.find((entity) => entity.id === `payload-actor-${key}`);
      expect(actor && [actor.name, actor.subtype, actor.description].map(shown), key).toEqual([shown(text), shown(text), shown(text)]);
      expect(model.entities.some((entity) => entity.id === `payload-event-${key}`), key).toBe(true);
    }
  });

  it('puts each payload on its entity page as text only: the prebuilt HTML holds no element the generator did not make', () => {
    const allowed = new Set(['a', 'blockquote', 'div', 'h2', 'h3', 'li', 'p', 'span', 'strong', 'ul']);
    for (const { key, text } of payloads) {
      const file = site.files.find((item) => item.file === `src/generated/pages/actors/payload-actor-${key}.json`);
      expect(file, key).toBeDefined();
      const page = JSON.parse(file!.source) as EntityPageData;
      expect(shown(page.frontmatter.title), key).toBe(shown(text));
      const html = page.blocks.flatMap((block) => (block.type === 'component' ? [] : [block.html])).join('');
      const tree = fromHtml(html, { fragment: true });
      visit(tree, 'element', (node: Element) => void expect(allowed.has(node.tagName), `${key}: <${node.tagName}>`).toBe(true));
      visit(tree, (node) => void expect(['root', 'element', 'text'], key).toContain(node.type));
      expect(shown(toString(tree)), key).toContain(shown(text));
    }
  });

  it('refuses a payload in a checked field (a date, a URL in sources.yaml, an id reference) with file and line', () => {
    const reported = (file: string) => model.diagnostics.filter((diagnostic) => diagnostic.severity === 'error' && diagnostic.file.endsWith(file) && (diagnostic.line ?? 0) > 0);
    for (const { key } of payloads) {
      expect(reported(`p-${key}-front-checked.md`).some((diagnostic) => diagnostic.message.includes('"published"')), key).toBe(true);
      expect(reported('sources.yaml').some((diagnostic) => diagnostic.message.includes(`p-${key}-sources-checked.txt", field "url"`)), key).toBe(true);
      expect(reported('zz-payloads.yaml').some((diagnostic) => diagnostic.message.includes(`payload-event-place-${key}`)), key).toBe(true);
    }
  });

  it('builds the files named with markup characters, their names as text', () => {
    for (const name of payloadFileNames) expect(articleOf(name)?.meta.title, name).toBe(lineTitle(name));
  });

  it('removes the characters XML forbids from the feed and the previews, and reports where they were', () => {
    expect(hasXmlForbidden(JSON.stringify(site.feed))).toBe(false);
    expect(hasXmlForbidden(JSON.stringify(site.previews))).toBe(false);
    const reported = site.diagnostics.filter((diagnostic) => diagnostic.code === 'output/xml-forbidden-character').map((diagnostic) => diagnostic.file);
    expect(reported).toContain('build/hostile-content/articles/p-xml-forbidden-front.md');
    expect(reported).toContain('build/hostile-content/entities/zz-payloads.yaml');
  });
});

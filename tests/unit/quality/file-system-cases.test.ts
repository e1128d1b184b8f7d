/**
 * Issue 12: every file-system and message case of the hostile corpus
 * (tests/fixtures/hostile-corpus.ts, fileSystemCases) is either built or
 * reported, read from a real folder through scripts/io/read-inputs.ts, in a
 * project path with spaces, '#', '%' and non-ASCII letters.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readInputs } from '../../../scripts/io/read-inputs.ts';
import { runPipeline } from '../../../scripts/pipeline/run.ts';
import { buildSite } from '../../../scripts/pipeline/site.ts';
import { fileSystemCases, writeFileSystemCases } from '../../fixtures/hostile-corpus.ts';

const outside = mkdtempSync(join(tmpdir(), 'briefing-outside-'));
const project = join(mkdtempSync(join(tmpdir(), 'briefing fs #1 ')), 'projekt ü %41');
afterAll(() => {
  rmSync(outside, { recursive: true, force: true });
  rmSync(join(project, '..'), { recursive: true, force: true });
});
mkdirSync(project, { recursive: true });
const cases = writeFileSystemCases(join(project, 'content'), outside);
const inputs = readInputs(project);
const settings = { title: 'Files', description: 'File-system cases.' };
const model = runPipeline({ ...inputs, settings });
const site = buildSite(model, settings);
const at = (label: string) => `content/${label}`;

describe('file-system and message cases of the hostile corpus', () => {
  it('tries more than 25 inputs, and each is built or reported', () => {
    expect(cases.length).toBeGreaterThan(25);
    expect(fileSystemCases().map((item) => item.label)).toEqual(cases.map((item) => item.label));
  });

  for (const item of cases) {
    it(`${JSON.stringify(item.label)}: ${item.expect}${item.code ? ` (${item.code})` : ''}`, () => {
      const file = at(item.label);
      const article = model.articles.find((candidate) => candidate.file === file);
      const named = model.diagnostics.filter((diagnostic) => diagnostic.file === file && (!item.code || diagnostic.code === item.code));
      if (item.expect === 'page') {
        expect(article, file).toBeDefined();
        expect(site.files.some((output) => output.file === `src/generated/pages/sources/${article!.slug}.json`)).toBe(true);
        expect(article!.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
        if (item.visible) expect(article!.blocks.map((block) => block.text).join('\n')).toContain(item.visible);
      } else {
        expect(article, file).toBeUndefined();
      }
      if (item.code || item.expect === 'reported') {
        expect(named.length, `${file}: ${model.diagnostics.filter((d) => d.file.includes(item.label.split('/')[0]!)).map((d) => `${d.file} ${d.code}`).join('; ')}`).toBeGreaterThan(0);
        if (item.line) expect(named.map((diagnostic) => diagnostic.line)).toContain(item.line);
        for (const diagnostic of named) expect(diagnostic.message).not.toMatch(/[\n\r]/);
      }
    });
  }

  it('publishes nothing from outside the project', () => {
    expect(model.articles.some((article) => article.blocks.some((block) => block.text.includes('secret')))).toBe(false);
  });

  it('gives a nested file its own slug and sources.yaml entry, never its top-level namesake’s', () => {
    const top = model.articles.find((article) => article.file === at('articles/f01 #hash.txt'))!;
    const nested = model.articles.find((article) => article.file === at('articles/sub/deeper/f01 #hash.txt'))!;
    expect(top.meta.outlet).toBe('Top-level Outlet');
    expect(nested.meta.outlet).not.toBe('Top-level Outlet');
    expect(nested.slug).not.toBe(top.slug);
    expect(model.articles.find((article) => article.file === at('articles/sub/f08 nested.txt'))!.meta.outlet).toBe('Nested Outlet');
  });

  it('one bad sources.yaml entry costs only itself; each is named with its line', () => {
    const errors = model.diagnostics.filter((diagnostic) => diagnostic.file === at('sources.yaml') && diagnostic.severity === 'error');
    expect(errors.map((error) => error.line).sort((a, b) => a! - b!)).toEqual([4, 10, 12, 13]);
  });

  it('refuses the registry id "index" and the alias bomb, and keeps the entry after them', () => {
    const errors = model.diagnostics.filter((diagnostic) => diagnostic.file === at('entities/zz-fs.yaml') && diagnostic.severity === 'error');
    expect(errors.map((error) => error.line).sort((a, b) => a! - b!)).toEqual([1, 6]);
    // Loaded, but no article names it: listed in the report, with no page.
    const fromFile = [...model.entities, ...(model.curation?.unmentioned ?? [])].filter((item) => item.file === at('entities/zz-fs.yaml'));
    expect(fromFile.map((item) => item.id)).toEqual(['fs-survivor']);
  });

  it('gives no page a reserved path', () => {
    const sourcePages = site.files.filter((output) => output.file.startsWith('src/generated/pages/sources/')).map((output) => output.file);
    expect(sourcePages).not.toContain('src/generated/pages/sources/index.json');
  });
});

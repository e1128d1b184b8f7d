/** Issue 12: files are read by path; every file that is not read is named; symlinks stay inside the project. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { readInputs } from '../../../scripts/io/read-inputs.ts';

// The project folder itself has a space, '#', '%' and a non-ASCII letter in its path.
const outside = mkdtempSync(join(tmpdir(), 'briefing-outside-'));
const project = join(mkdtempSync(join(tmpdir(), 'briefing read #1 ')), 'projet ü %20');
afterAll(() => {
  rmSync(outside, { recursive: true, force: true });
  rmSync(join(project, '..'), { recursive: true, force: true });
});
const articles = join(project, 'content/articles');
mkdirSync(join(articles, 'sub/deeper'), { recursive: true });
mkdirSync(join(project, 'content/entities'), { recursive: true });
mkdirSync(join(project, 'shared-text'), { recursive: true });
writeFileSync(join(outside, 'secret.txt'), 'Secret\n\nNot for publication.\n');
mkdirSync(join(outside, 'folder'));
writeFileSync(join(outside, 'folder', 'inner.txt'), 'Inner secret\n');
writeFileSync(join(project, 'shared-text', 'inside.txt'), 'Inside\n\nA file elsewhere in the project.\n');
const body = (title: string) => `${title}\n\nSome text.\n`;
const names = ['a#hash.txt', 'b?query.txt', 'c%41percent.txt', 'd space.txt', 'é non-ascii ü.md', `e'quote".txt`, '..dotdot.txt', '.hidden.txt', 'f.pdf', 'new\nline.txt'];
for (const name of names) writeFileSync(join(articles, name), body(name));
writeFileSync(join(articles, 'sub', 'a#hash.txt'), body('nested'));
writeFileSync(join(articles, 'sub/deeper', 'z.txt'), body('deeper'));
symlinkSync(join(outside, 'secret.txt'), join(articles, 'link-out.txt'));
symlinkSync(join(outside, 'folder'), join(articles, 'folder-out'));
symlinkSync(join(project, 'shared-text', 'inside.txt'), join(articles, 'link-in.txt'));
symlinkSync(join(articles, 'missing.txt'), join(articles, 'broken.txt'));
symlinkSync(articles, join(articles, 'sub', 'loop'));
execFileSync('mkfifo', [join(articles, 'pipe.txt')]);
writeFileSync(join(articles, 'unreadable.txt'), 'x', { mode: 0o000 });
writeFileSync(join(project, 'content/entities', 'e #1.yaml'), '- id: x\n');
writeFileSync(join(project, 'content/sources.yaml'), 'a#hash.txt:\n  outlet: Hash\n');

const inputs = readInputs(project);
const read = inputs.articles.map((article) => article.file.replace('content/articles/', ''));
const skipped = new Map((inputs.diagnostics ?? []).map((d) => [d.file.replace('content/articles/', ''), d]));

describe('reading content/ by path', () => {
  it('reads names with #, ?, %, spaces, quotes and non-ASCII from a project path that has them too', () => {
    for (const name of ['a#hash.txt', 'b?query.txt', 'c%41percent.txt', 'd space.txt', 'é non-ascii ü.md', `e'quote".txt`]) expect(read, name).toContain(name);
    expect(new TextDecoder().decode(inputs.articles.find((a) => a.file.endsWith('/d space.txt'))!.bytes)).toBe(body('d space.txt'));
    expect(inputs.registryFiles.map((file) => file.file)).toEqual(['content/entities/e #1.yaml']);
    expect(inputs.sources?.text).toContain('Hash');
  });

  it('reads nested folders, and knows each article by its path below articles/', () => {
    expect(inputs.articles.filter((a) => a.file.includes('/sub/')).map((a) => a.name)).toEqual(['sub/a#hash.txt', 'sub/deeper/z.txt']);
    expect(inputs.articles.find((a) => a.file === 'content/articles/a#hash.txt')?.name).toBe('a#hash.txt');
  });

  it('follows a symlink that stays inside the project, and refuses those that lead outside', () => {
    expect(read).toContain('link-in.txt');
    for (const name of ['link-out.txt', 'folder-out']) expect(skipped.get(name), name).toMatchObject({ severity: 'error', code: 'input/symlink-outside' });
    expect(read.some((name) => name.includes('inner') || name.includes('secret'))).toBe(false);
    expect(inputs.articles.some((a) => new TextDecoder().decode(a.bytes).includes('secret'))).toBe(false);
  });

  it('names every file it skips, and why', () => {
    expect(skipped.get('..dotdot.txt')).toMatchObject({ code: 'input/hidden' });
    expect(skipped.get('.hidden.txt')).toMatchObject({ code: 'input/hidden' });
    expect(skipped.get('f.pdf')).toMatchObject({ code: 'input/extension' });
    expect(skipped.get('new\\u000aline.txt')).toMatchObject({ severity: 'error', code: 'input/file-name' });
    expect(skipped.get('broken.txt')).toMatchObject({ severity: 'error', code: 'input/unreadable' });
    expect(skipped.get('pipe.txt')).toMatchObject({ code: 'input/not-a-file' });
    // Root reads any file, mode or not: only check the message when the mode holds.
    if (process.getuid?.() !== 0) expect(skipped.get('unreadable.txt')).toMatchObject({ severity: 'error', code: 'input/unreadable' });
    for (const diagnostic of inputs.diagnostics ?? []) {
      expect(diagnostic.message).toContain(diagnostic.file);
      expect(diagnostic.message).not.toMatch(/\n/);
    }
  });

  it('walks a symlink loop once, and never lists a file twice under one label', () => {
    const labels = inputs.articles.map((a) => a.file);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels.filter((label) => label.includes('/loop/'))).toEqual([]);
  });

  it('sees every entry: each is read or named in a diagnostic', () => {
    const all = [...names.map((name) => name.replace('\n', '\\u000a')), 'link-out.txt', 'folder-out', 'link-in.txt', 'broken.txt', 'pipe.txt'];
    for (const name of all) expect(read.includes(name) || skipped.has(name), name).toBe(true);
  });
});

describe('single input files and limits', () => {
  const second = join(mkdtempSync(join(tmpdir(), 'briefing read 2 ')), 'p');
  afterAll(() => rmSync(join(second, '..'), { recursive: true, force: true }));
  mkdirSync(join(second, 'content/articles'), { recursive: true });
  writeFileSync(join(second, 'content/articles/huge.txt'), Buffer.alloc(600 * 1024, 0x61));
  writeFileSync(join(second, 'content/articles/ok.txt'), 'Fine\n\nText.\n');
  symlinkSync(join(outside, 'secret.txt'), join(second, 'content/sources.yaml'));
  writeFileSync(join(second, 'content/site.yaml'), 'title: [not, text]\ndescription: Still read\n');
  const result = readInputs(second);
  const byCode = (code: string) => (result.diagnostics ?? []).filter((d) => d.code === code);

  it('refuses a file over the article limit without reading it, naming it', () => {
    expect(result.articles.map((a) => a.name)).toEqual(['ok.txt']);
    expect(byCode('article/too-large')).toEqual([expect.objectContaining({ file: 'content/articles/huge.txt', line: 1 })]);
  });

  it('refuses a sources.yaml that links outside the project', () => {
    expect(result.sources).toBeUndefined();
    expect(byCode('input/symlink-outside')).toEqual([expect.objectContaining({ file: 'content/sources.yaml' })]);
  });

  it('keeps what site.yaml says well and reports the rest with its line', () => {
    // The title left out is drawn from the articles later (assemble/site-identity.ts).
    expect(result.settings).toEqual({ description: 'Still read' });
    expect(byCode('site/field')).toEqual([expect.objectContaining({ file: 'content/site.yaml', line: 1 })]);
  });

  it('never throws on a broken site.yaml or an alias bomb in it', () => {
    writeFileSync(join(second, 'content/site.yaml'), 'title: "unclosed\n');
    expect(byCodeOf(readInputs(second), 'site/yaml').length).toBeGreaterThan(0);
    writeFileSync(join(second, 'content/site.yaml'), 'a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\ntitle: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n');
    const bombed = readInputs(second);
    expect(bombed.settings.title).toBeUndefined();
    expect(byCodeOf(bombed, 'site/yaml').length).toBeGreaterThan(0);
  });
});

function byCodeOf(inputs: ReturnType<typeof readInputs>, code: string) {
  return (inputs.diagnostics ?? []).filter((d) => d.code === code);
}

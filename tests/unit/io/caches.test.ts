import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCache, saveCache } from '../../../scripts/io/cache.ts';
import { astroInputState, changedInputs, outputMark, readStamp, writeStamp } from '../../../scripts/io/build-stamp.ts';
import { outputState, upToDate, writeStamp as writeBriefingStamp } from '../../../scripts/io/briefing-stamp.ts';
import { readInputs } from '../../../scripts/io/read-inputs.ts';
import { corpusKey, runPipeline } from '../../../scripts/pipeline/run.ts';
import { memoryCache, runCachedPipeline, type ArticleCache } from '../../../scripts/io/pipeline-runner.ts';

const temp = mkdtempSync(join(tmpdir(), 'briefing-caches-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const inputs = readInputs(new URL('../../../', import.meta.url), 'tests/fixtures/seed-story');

/** A cache that counts how often each kind of entry was computed. */
function counting(inner: ArticleCache) {
  const counts = { set: 0, setCorpus: 0 };
  const cache: ArticleCache = {
    get hits() {
      return inner.hits;
    },
    set hits(value) {
      inner.hits = value;
    },
    get: (key) => inner.get(key),
    set: (key, value) => (counts.set++, inner.set(key, value)),
    getCorpus: (key) => inner.getCorpus?.(key),
    setCorpus: (key, value) => (counts.setCorpus++, inner.setCorpus?.(key, value)),
  };
  return { cache, counts };
}

describe('the pipeline cache', () => {
  it('serves a run with nothing changed from the corpus entry, with the same model', () => {
    const { cache, counts } = counting(memoryCache());
    const first = runCachedPipeline(inputs, cache);
    expect(counts).toEqual({ set: inputs.articles.length, setCorpus: 1 });
    const second = runCachedPipeline(inputs, cache);
    expect(counts).toEqual({ set: inputs.articles.length, setCorpus: 1 });
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it('relates the corpus again when one article changes, reusing the other articles', () => {
    const { cache, counts } = counting(memoryCache());
    runCachedPipeline(inputs, cache);
    const changed = { ...inputs, articles: inputs.articles.map((a, i) => (i === 0 ? { ...a, bytes: Buffer.concat([Buffer.from(a.bytes), Buffer.from('\n\nOne more paragraph about the talks in Moscow on Friday.\n')]) } : a)) };
    expect(corpusKey(changed)).not.toBe(corpusKey(inputs));
    runCachedPipeline(changed, cache);
    expect(counts).toEqual({ set: inputs.articles.length + 1, setCorpus: 2 });
  });

  it('never serves an article result made from the same bytes under another file name', () => {
    // The same story in another folder (the tests build a fixture copy of it in the working tree):
    // every result carries its article's file, which the pages and the report show.
    const { cache } = counting(memoryCache());
    runCachedPipeline(inputs, cache);
    const moved = { ...inputs, articles: inputs.articles.map((article) => ({ ...article, file: article.file.replace('tests/fixtures/seed-story/', 'content/') })) };
    const model = runCachedPipeline(moved, cache);
    expect(model.articles.map((article) => article.file)).toEqual(moved.articles.map((article) => article.file));
    expect(JSON.stringify(model)).not.toContain('tests/fixtures/seed-story/articles/');
  });

  it('round-trips through the file cache, and saveCache drops entries the run did not use', () => {
    const root = pathToFileURL(`${join(temp, 'project')}/`);
    const cold = loadCache(root);
    const model = runCachedPipeline(inputs, cold);
    saveCache(root, cold);
    const folder = join(temp, 'project', '.cache', 'briefing');
    writeFileSync(join(folder, 'stale.json'), '{}');
    const warm = loadCache(root);
    expect(JSON.stringify(runCachedPipeline(inputs, warm))).toBe(JSON.stringify(model));
    expect(warm.hits).toBe(model.articles.length);
    saveCache(root, warm);
    const files = readdirSync(folder);
    expect(files).not.toContain('stale.json');
    expect(files.filter((name) => name.startsWith('corpus-'))).toHaveLength(1);
  });
});

describe('the cache packs', () => {
  const root = pathToFileURL(`${join(temp, 'packs')}/`);
  const folder = join(temp, 'packs', '.cache', 'briefing');
  const packs = () => readdirSync(folder).filter((name) => name.startsWith('pack-'));
  const lines = (pack: string) => readFileSync(join(folder, pack), 'utf8').trim().split('\n');
  const run = (articles: typeof inputs.articles) => {
    const cache = loadCache(root);
    const model = runCachedPipeline({ ...inputs, articles }, cache);
    saveCache(root, cache);
    return { cache, model };
  };
  const edited = (index: number) =>
    inputs.articles.map((a, i) => (i === index ? { ...a, bytes: Buffer.concat([Buffer.from(a.bytes), Buffer.from(`\n\nEdit ${index}: talks in Moscow on Friday.\n`)]) } : a));

  it('writes a run\'s entries as one pack file, one line per article', () => {
    rmSync(folder, { recursive: true, force: true });
    run(inputs.articles);
    expect(packs()).toHaveLength(1);
    expect(lines(packs()[0]!)).toHaveLength(inputs.articles.length);
    expect(readdirSync(folder).filter((name) => !name.startsWith('pack-') && !name.startsWith('corpus-'))).toEqual([]);
  });

  it('adds a pack for a changed article and keeps the old one while most of it is used', () => {
    const first = packs()[0]!;
    const { cache } = run(edited(0));
    expect(cache.hits).toBe(inputs.articles.length - 1);
    expect(packs()).toContain(first);
    expect(packs()).toHaveLength(2);
  });

  it('rewrites a pack less than half used into the new one, so the cache stays near what was used', () => {
    const { model } = run(inputs.articles.slice(0, 1));
    expect(packs()).toHaveLength(1);
    expect(lines(packs()[0]!)).toHaveLength(1);
    const again = run(inputs.articles.slice(0, 1));
    expect(again.cache.hits).toBe(1);
    expect(JSON.stringify(again.model)).toBe(JSON.stringify(model));
  });

  it('computes an entry again when its line was cut short', () => {
    rmSync(folder, { recursive: true, force: true });
    run(inputs.articles);
    for (const pack of packs()) writeFileSync(join(folder, pack), readFileSync(join(folder, pack), 'utf8').slice(0, -200));
    const corpus = readdirSync(folder).filter((name) => name.startsWith('corpus-'));
    for (const name of corpus) rmSync(join(folder, name));
    const { cache, model } = run(inputs.articles);
    expect(cache.hits).toBe(inputs.articles.length - 1);
    expect(JSON.stringify(model)).toBe(JSON.stringify(runPipeline(inputs)));
  });
});

describe('the briefing build stamp', () => {
  const root = pathToFileURL(`${join(temp, 'stamped')}/`);
  mkdirSync(join(temp, 'stamped', 'out'), { recursive: true });
  const page = join(temp, 'stamped', 'out', 'page.mdx');
  writeFileSync(page, 'hello');

  it('is up to date for the same key while the outputs are untouched', () => {
    writeBriefingStamp(root, { key: 'k1', outputs: outputState(root, ['out/page.mdx']), report: 'report', fatal: false });
    expect(upToDate(root, 'k1')?.report).toBe('report');
    expect(upToDate(root, 'k2')).toBeUndefined();
  });

  it('is stale when another build rewrote an output', () => {
    writeFileSync(page, 'other');
    utimesSync(page, new Date(2020, 1, 1), new Date(2020, 1, 1));
    expect(upToDate(root, 'k1')).toBeUndefined();
  });
});

describe('the astro build stamp', () => {
  const root = join(temp, 'site');
  mkdirSync(join(root, 'src'), { recursive: true });
  writeFileSync(join(root, 'astro.config.mjs'), 'export default {};');
  writeFileSync(join(root, 'src', 'a.mdx'), 'a');

  it('names the inputs that changed, including the environment', () => {
    const before = astroInputState(root, [], { SITE: 'https://a.example' });
    writeStamp(root, 'dist', before);
    expect(readStamp(root, 'dist')?.fingerprint).toBe(before.fingerprint);
    writeFileSync(join(root, 'src', 'b.mdx'), 'b');
    const after = astroInputState(root, [], { SITE: 'https://b.example' });
    expect(after.fingerprint).not.toBe(before.fingerprint);
    expect(changedInputs(before.files, after.files)).toEqual(['#SITE', 'src/b.mdx']);
  });

  it('tells when another build rewrote the output folder', () => {
    mkdirSync(join(root, 'dist'), { recursive: true });
    writeFileSync(join(root, 'dist', 'index.html'), '<html>a</html>');
    writeStamp(root, 'dist', astroInputState(root, []));
    expect(readStamp(root, 'dist')?.output).toBe(outputMark(root, 'dist'));
    writeFileSync(join(root, 'dist', 'index.html'), '<html>built by a plain astro build</html>');
    expect(readStamp(root, 'dist')?.output).not.toBe(outputMark(root, 'dist'));
  });

  it('keeps one stamp per output folder', () => {
    const state = astroInputState(root, ['--outDir', 'other']);
    writeStamp(root, 'other', state);
    expect(readStamp(root, 'other')?.fingerprint).toBe(state.fingerprint);
    expect(readStamp(root, 'dist')?.fingerprint).not.toBe(state.fingerprint);
  });
});

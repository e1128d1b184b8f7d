import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../../scripts/bench/corpus.ts';
import { readSeeds } from '../../../scripts/bench/seeds.ts';
import { MIN_PARALLEL_ARTICLES, MIN_PARALLEL_BODIES, MIN_PARALLEL_NETWORKS, WORKER_ALONE, articlePool } from '../../../scripts/io/article-pool.ts';
import { createContext } from '../../../scripts/pipeline/assemble/entity-page.ts';
import { articleBodyInput } from '../../../scripts/pipeline/assemble/source-page.ts';
import { sourcePath } from '../../../scripts/pipeline/shared/paths.ts';
import { emitArticleBody } from '../../../scripts/pipeline/emit/source-page.ts';
import { buildSite } from '../../../scripts/pipeline/site.ts';
import { buildNetworkGraph, egoGraphs, layoutEgoNetworks } from '../../../scripts/pipeline/charts/network.ts';
import { corpusSources, joinSegmented, runPipeline, segmentCorpus, type ArticleResult, type PipelineInputs } from '../../../scripts/pipeline/run.ts';
import type { KnowledgeModel } from '../../../scripts/pipeline/model.ts';
import { dedupeSlugs, ingestArticle } from '../../../scripts/pipeline/ingest/index.ts';
import { segmentArticle } from '../../../scripts/pipeline/segment/index.ts';
import { runCachedPipeline, type ArticleCache } from '../../../scripts/io/pipeline-runner.ts';
import { cacheLine } from '../../../scripts/io/cache-codec.ts';

/** Just enough articles for the worker to take part, and their model from one thread; made once for both tests. */
let made: { inputs: PipelineInputs; alone: KnowledgeModel } | undefined;
function corpus() {
  if (made) return made;
  const { seeds, registryFiles } = readSeeds(new URL('../../../', import.meta.url), 'tests/fixtures/seed-story');
  const inputs = { ...generateCorpus({ size: MIN_PARALLEL_ARTICLES + 16, seed: 5, seeds, registryFiles }).inputs, codeVersion: 'test' };
  made = { inputs, alone: runPipeline(inputs) };
  return made;
}

describe('articlePool', () => {
  it('gives the same model and pages as one thread, in the same order', async () => {
    const { inputs, alone } = corpus();
    const pool = articlePool(inputs.articles.length);
    try {
      const shared = runCachedPipeline(inputs, undefined, pool.workers);
      expect(JSON.stringify(shared)).toBe(JSON.stringify(alone));
      // Both threads did some of the per-article stages: the worker at least its own share, this thread the rest.
      const split = pool.articleSplit();
      expect(split!.here + split!.worker).toBe(inputs.articles.length);
      expect(split!.worker).toBeGreaterThanOrEqual(Math.floor(inputs.articles.length * WORKER_ALONE));
      expect(split!.here).toBeGreaterThan(0);
      // The pages too, with most ego networks laid out on the worker.
      expect(alone.entities.filter((entity) => entity.kind === 'actor').length).toBeGreaterThanOrEqual(MIN_PARALLEL_NETWORKS);
      const pages = buildSite(shared, inputs.settings, undefined, pool.site).files;
      const layouts = pool.layoutSplit();
      expect(layouts!.here + layouts!.worker).toBeGreaterThanOrEqual(MIN_PARALLEL_NETWORKS);
      expect(pages.some((file) => file.file.startsWith('src/generated/pages/actors/') && file.source.includes('"name":"charts/Network"'))).toBe(true);
      expect(pages).toEqual(buildSite(alone, inputs.settings).files);
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('on a first build, keys each article where it processes it, by the key a later build looks it up by', async () => {
    const { inputs, alone } = corpus();
    /** The results a run stored, by key; `holdsNone` answers as the cache's does. */
    const recording = () => {
      const entries = new Map<string, ArticleResult>();
      const cache: ArticleCache = {
        hits: 0,
        get: (key) => (entries.has(key) ? (cache.hits++, entries.get(key)) : undefined),
        set: (key, value) => void entries.set(key, value),
        holdsNone: () => entries.size === 0,
      };
      return { cache, entries };
    };
    const pool = articlePool(inputs.articles.length);
    const first = recording();
    try {
      expect(JSON.stringify(runCachedPipeline(inputs, first.cache, pool.workers))).toBe(JSON.stringify(alone));
      expect(pool.articleSplit()!.worker).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
    expect(first.entries.size).toBe(inputs.articles.length);
    // A later build makes every key before it processes anything, here alone: each finds its article's result.
    const later = recording();
    for (const [key, value] of first.entries) later.entries.set(key, value);
    expect(JSON.stringify(runCachedPipeline(inputs, later.cache))).toBe(JSON.stringify(alone));
    expect(later.cache.hits).toBe(inputs.articles.length);
  }, 120_000);

  it('on a first build, makes each cache entry where it processes the article, as one thread makes it', async () => {
    const { inputs, alone } = corpus();
    // One thread, given results: the entries it would write.
    const results = new Map<string, ArticleResult>();
    const oneThread: ArticleCache = { hits: 0, get: () => undefined, set: (key, value) => void results.set(key, value), holdsNone: () => results.size === 0 };
    expect(JSON.stringify(runCachedPipeline(inputs, oneThread))).toBe(JSON.stringify(alone));
    // Two threads, with a cache that stores entries as made: every entry comes as a line, none as a result.
    const lines = new Map<string, string>();
    const given: ArticleCache = {
      hits: 0,
      get: () => undefined,
      set: () => {
        throw new Error('a cache that stores lines was given a result');
      },
      setLine: (key, line) => void lines.set(key, line),
      holdsNone: () => lines.size === 0,
    };
    const pool = articlePool(inputs.articles.length);
    try {
      expect(JSON.stringify(runCachedPipeline(inputs, given, pool.workers))).toBe(JSON.stringify(alone));
      expect(pool.articleSplit()!.worker).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
    expect([...lines.keys()].sort()).toEqual([...results.keys()].sort());
    for (const [key, result] of results) expect(lines.get(key), key).toBe(cacheLine(result));
  }, 120_000);

  it('ingests and segments the files on both threads as one thread does, making slugs unique across them', async () => {
    const { inputs } = corpus();
    // Each file beside a copy whose name differs only in case: the two have one slug, and the copy,
    // first in file order, keeps it. So every other file is renamed, on either thread, and must be
    // segmented again under its new slug. And one file with no text, which is skipped.
    const upper = (name: string) => name.replace(/^[^.]+/, (stem) => stem.toUpperCase());
    const articles: PipelineInputs['articles'] = [
      ...inputs.articles.flatMap((input) => {
        const name = input.name ?? input.file.split('/').pop()!;
        return [input, { file: input.file.replace(/[^/]+$/, upper), name: upper(name), bytes: input.bytes }];
      }),
      { file: 'content/articles/empty.txt', name: 'empty.txt', bytes: new Uint8Array() },
    ];
    const withCopies = { ...inputs, articles };
    const alone = segmentCorpus(withCopies);
    // The oracle: every file ingested, slugs made unique, then each segmented under its final slug.
    const ingested = articles.flatMap((input) => ingestArticle({ file: input.file, name: input.name!, bytes: input.bytes }).article ?? []);
    expect(JSON.stringify(alone.segmented)).toBe(JSON.stringify(dedupeSlugs(ingested).map(segmentArticle)));
    expect(alone.articleDiagnostics.filter((diagnostic) => diagnostic.code === 'article/duplicate-slug')).toHaveLength(inputs.articles.length);
    expect(alone.articleDiagnostics.some((diagnostic) => diagnostic.file === 'content/articles/empty.txt')).toBe(true);
    // The worker takes files only once its modules are loaded, which on a busy machine can take longer
    // than this thread needs for all of them. A first job waits for its answer, so the worker is loaded,
    // and stays (article-worker.ts): it takes the next job's files from the back as soon as it is sent.
    const sources = corpusSources(withCopies);
    for (let tries = 0; ; tries++) {
      const pool = articlePool(articles.length);
      try {
        pool.workers.segmentInputs(articles.slice(0, MIN_PARALLEL_ARTICLES), sources.entries);
        const shared = joinSegmented(withCopies, sources, pool.workers.segmentInputs(articles, sources.entries));
        expect(JSON.stringify(shared)).toBe(JSON.stringify(alone));
        const split = pool.segmentSplit()!;
        expect(split.here + split.worker).toBe(articles.length);
        if (split.worker >= 4 || tries === 4) {
          expect(split.worker).toBeGreaterThanOrEqual(4);
          break;
        }
      } finally {
        await pool.close();
      }
    }
  }, 120_000);

  it('lays out the ego networks on both threads when this one asks at once, and gives the same layouts as one thread', async () => {
    const model = corpus().alone;
    const actors = model.entities.filter((entity) => entity.kind === 'actor').map((entity) => entity.id);
    const egos = egoGraphs(buildNetworkGraph(model, { maxNodes: Infinity, edgesPerNode: Infinity }), actors);
    expect(egos.length).toBeGreaterThanOrEqual(MIN_PARALLEL_NETWORKS);
    // No thread started ahead: the worker loads its modules (about a second) before it can take a network.
    const pool = articlePool();
    try {
      // Asked for and waited on at once: this thread takes networks from the back while the worker loads, then takes them from the front.
      const layouts = pool.site.layoutEgoNetworks(egos).wait();
      expect([...layouts.keys()].sort()).toEqual(egos.map((ego) => ego.id).sort());
      expect(JSON.stringify(egos.map((ego) => layouts.get(ego.id)))).toBe(JSON.stringify(layoutEgoNetworks(egos).map(([, chart]) => chart)));
      const split = pool.layoutSplit()!;
      expect(split.here + split.worker).toBe(egos.length);
      expect(split.here).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('makes the source pages\' article bodies on both threads, the worker from the back, and gives the same bodies as one thread', async () => {
    const model = corpus().alone;
    expect(model.articles.length).toBeGreaterThanOrEqual(MIN_PARALLEL_BODIES);
    const context = createContext(model);
    const pageAt = (position: number) => {
      const article = model.articles[position]!;
      return { path: sourcePath(article.slug), article, mentions: context.mentionsByArticle.get(article.slug) ?? [], entities: context.index.entities };
    };
    // Each article ten times over: enough bodies that this thread, starting once the worker's first part is in, still finds some to make.
    const count = model.articles.length * 10;
    const at = (position: number) => pageAt(position % model.articles.length);
    const pool = articlePool();
    try {
      const bodies = pool.site.articleBodies(count, at);
      // Until the worker has sent some (it loads its modules first), as the briefing pages' assembly gives it time to.
      const pause = new Int32Array(new SharedArrayBuffer(4));
      for (let tries = 0; tries < 6000 && pool.bodySplit()!.worker === 0; tries++) {
        Atomics.wait(pause, 0, 0, 10);
        bodies.poll();
      }
      // The worker's come serialised (its blocks' JSON as UTF-8, spliced into the page's file unparsed).
      const decoder = new TextDecoder();
      const taken = Array.from({ length: count }, (_, position) => {
        const body = bodies.take(position, () => at(position));
        return 'blocksJson' in body ? { blocks: JSON.parse(decoder.decode(body.blocksJson)) as unknown, headings: body.headings } : body;
      });
      expect(JSON.stringify(taken)).toBe(JSON.stringify(Array.from({ length: count }, (_, position) => emitArticleBody(articleBodyInput(at(position))))));
      const split = pool.bodySplit()!;
      expect(split.here + split.worker).toBe(count);
      expect(split.worker).toBeGreaterThan(0);
      expect(split.here).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
  }, 120_000);
});

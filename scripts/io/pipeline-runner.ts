/**
 * Edge: the pipeline with a cache and worker threads around its stages.
 * scripts/pipeline/run.ts composes the stages and stays pure; this runner
 * decides what to recompute and where:
 *
 * - nothing changed since a cached run (same corpus key): the cached results,
 *   without ingesting or relating anything;
 * - otherwise the corpus stages (ingest and segment, discovery, resolveCorpus), then the per-article stages
 *   (link → extract) only for the articles the cache does not hold, on the
 *   worker pool when there is one, then the cross-corpus stages (relateCorpus).
 */
import type { KnowledgeModel, SegmentedArticle } from '../pipeline/model.ts';
import { detectSharedPassages } from '../pipeline/relate/index.ts';
import { discoverNames, type DiscoveredName } from '../pipeline/discover/index.ts';
import { scanArticle, type ArticleScan } from '../pipeline/link/index.ts';
import {
  articleCacheKey,
  assembleModel,
  corpusKey,
  corpusSources,
  joinSegmented,
  processArticleKeyed,
  relateCorpus,
  resolveCorpus,
  segmentInput,
  withInputDiagnostics,
  type ArticleResult,
  type CorpusResult,
  type KeyedResult,
  type PipelineInputs,
  type RegistryContext,
  type SegmentedInput,
} from '../pipeline/run.ts';
import type { SourceEntry } from '../pipeline/ingest/index.ts';
import { cacheLine } from './cache-codec.ts';

export interface ArticleCache {
  get(key: string): ArticleResult | undefined;
  set(key: string, value: ArticleResult): void;
  /** Stores an entry as `cacheLine` (cache-codec.ts) made it; a cache without it is given results (`set`). */
  setLine?(key: string, line: string): void;
  /** Cross-corpus results (optional: a cache may keep per-article results only). */
  getCorpus?(key: string): CorpusResult | undefined;
  setCorpus?(key: string, value: CorpusResult): void;
  /** Articles served from the cache. */
  hits: number;
  /** Whether it holds no article's result at all (a first build): then no key is needed before the articles are processed. */
  holdsNone?(): boolean;
}

export function memoryCache(): ArticleCache {
  const entries = new Map<string, ArticleResult>();
  const corpora = new Map<string, CorpusResult>();
  const cache: ArticleCache = {
    hits: 0,
    get(key) {
      const value = entries.get(key);
      if (value) cache.hits++;
      return value;
    },
    set(key, value) {
      entries.set(key, value);
    },
    getCorpus: (key) => corpora.get(key),
    setCorpus: (key, value) => void corpora.set(key, value),
    holdsNone: () => entries.size === 0,
  };
  return cache;
}

/**
 * Runs the per-article stages on the articles the cache does not hold, in
 * order. The default runs them here, one after the other; the build passes a
 * pool of worker threads (scripts/io/article-pool.ts) that shares them out.
 */
export type ArticleProcessor = (articles: SegmentedArticle[], registry: RegistryContext, options?: ProcessOptions) => ProcessedArticles;

export interface ProcessOptions {
  scans?: ArticleScans;
  /**
   * No key is made yet (a cache that holds no result, so every article is
   * processed): each article's cache key is made where it is processed, with
   * this code version, from the scan it is linked from (`processArticleKeyed`).
   */
  keyWith?: { codeVersion: string | undefined };
  /**
   * With `keyWith`: each article's cache entry (`cacheLine`) is made where it
   * is processed and handed here, on this thread, as soon as it is in (the
   * worker's as its parts come), in no particular order.
   */
  cacheLines?: (key: string, line: string) => void;
}

export interface ProcessedArticles {
  results: ArticleResult[];
  /** With `keyWith`: each article's cache key, by position. */
  keys?: string[];
}

/**
 * Each article's `scanArticle` against the registry's index, made for its
 * cache key: a processor links from it rather than scanning again, where it
 * runs on the thread that made it.
 */
export type ArticleScans = ReadonlyMap<SegmentedArticle, ArticleScan>;

/**
 * Name discovery over the whole corpus, started once this thread has segmented
 * it: `wait` returns what discoverNames gives for these articles, which this
 * thread may meanwhile use for other work (it finds the passages they share).
 */
export type DiscoveryStarter = (articles: readonly SegmentedArticle[]) => { wait(): DiscoveredName[] };

/**
 * ingest → segment for each article file (`segmentInput`), by position: the
 * build shares them between two threads (scripts/io/article-pool.ts).
 */
export type InputSegmenter = (articles: PipelineInputs['articles'], entries: Record<string, SourceEntry>) => SegmentedInput[];

/** Where the stages that can run side by side run. */
export interface PipelineWorkers {
  segmentInputs: InputSegmenter;
  processArticles: ArticleProcessor;
  startDiscovery: DiscoveryStarter;
}

/** What `processArticles` answers, from each article's `processArticleKeyed` in order; with `keyWith`, every one must have its key. */
export function processedArticles(processed: readonly KeyedResult[], keyWith: ProcessOptions['keyWith']): ProcessedArticles {
  const results = processed.map(({ result }) => result);
  if (!keyWith) return { results };
  return {
    results,
    keys: processed.map(({ result, key }) => {
      if (key === undefined) throw new Error(`the per-article stages gave no cache key for article ${result.article.slug}`);
      return key;
    }),
  };
}

/** Hands a keyed result's cache entry to `cacheLines`, when asked for; gives the result back. */
export function storedAs(processed: KeyedResult, cacheLines: ProcessOptions['cacheLines']): KeyedResult {
  if (cacheLines && processed.key !== undefined) cacheLines(processed.key, cacheLine(processed.result));
  return processed;
}

export const inThisThread: PipelineWorkers = {
  segmentInputs: (articles, entries) => articles.map((input) => segmentInput(input, entries)),
  processArticles: (articles, registry, { scans, keyWith, cacheLines } = {}) =>
    processedArticles(
      articles.map((article) => storedAs(processArticleKeyed(article, registry, keyWith, scans?.get(article)), cacheLines)),
      keyWith,
    ),
  startDiscovery: (articles) => ({ wait: () => discoverNames(articles) }),
};

export function runCachedPipeline(inputs: PipelineInputs, cache: ArticleCache = memoryCache(), workers: PipelineWorkers = inThisThread): KnowledgeModel {
  // Nothing changed since a cached run: its results, without ingesting or relating anything.
  const key = cache.getCorpus ? corpusKey(inputs) : undefined;
  const cached = key ? cache.getCorpus?.(key) : undefined;
  if (cached) {
    const hits = cache.hits;
    const results = cached.articleKeys.map((articleKey) => cache.get(articleKey));
    if (results.every((result) => result !== undefined)) return withInputDiagnostics(assembleModel(results, cached), inputs);
    // An article's entry is gone: run in full (and count its hits once).
    cache.hits = hits;
  }

  // Discovery may run on a worker; this thread finds the passages the articles
  // share meanwhile (reuse detection reads their text alone, not what linking finds).
  const sources = corpusSources(inputs);
  const segmented = joinSegmented(inputs, sources, workers.segmentInputs(inputs.articles, sources.entries));
  const discovery = workers.startDiscovery(segmented.segmented);
  const sharedPassages = detectSharedPassages(segmented.segmented);
  const prepared = resolveCorpus(inputs, segmented, discovery.wait());
  const related = (results: ArticleResult[], articleKeys: string[]) => {
    const corpus = relateCorpus(prepared, results, sharedPassages, articleKeys);
    if (key) cache.setCorpus?.(key, corpus);
    return withInputDiagnostics(assembleModel(results, corpus), inputs);
  };
  if (cache.holdsNone?.()) {
    // A first build: every article is processed, so each is scanned once, where it is processed,
    // for both its links and its key. Making every key here first meant scanning the worker's
    // share twice, while the worker waited (2.9 s of this thread in a profiled cold pipeline at
    // 5,000 articles).
    // Each entry is made where its article is processed, and stored as it comes in: packing them
    // all here afterwards took this thread 1.1 s at 5,000 articles while the worker waited.
    const setLine = cache.setLine?.bind(cache);
    const { results, keys } = workers.processArticles(prepared.segmented, prepared.context, { keyWith: { codeVersion: inputs.codeVersion }, ...(setLine && { cacheLines: setLine }) });
    if (keys?.length !== results.length) throw new Error('the per-article stages gave no cache key for some articles');
    if (!setLine) results.forEach((result, position) => cache.set(keys[position]!, result));
    return related(results, keys);
  }
  const slots: (ArticleResult | undefined)[] = [];
  const articleKeys: string[] = [];
  const missing: { article: SegmentedArticle; position: number }[] = [];
  // Kept only for the articles to process, until they are linked.
  const scans = new Map<SegmentedArticle, ArticleScan>();
  for (const article of prepared.segmented) {
    const scan = scanArticle(article, prepared.context.index);
    const articleKey = articleCacheKey(article, prepared.context, inputs.codeVersion, scan);
    const result = cache.get(articleKey);
    if (!result) {
      missing.push({ article, position: slots.length });
      scans.set(article, scan);
    }
    slots.push(result);
    articleKeys.push(articleKey);
  }
  if (missing.length > 0) {
    const processed = workers.processArticles(
      missing.map((item) => item.article),
      prepared.context,
      { scans },
    ).results;
    scans.clear();
    missing.forEach(({ position }, k) => {
      slots[position] = processed[k]!;
    });
  }
  const results = slots as ArticleResult[];
  for (const { position } of missing) cache.set(articleKeys[position]!, results[position]!);
  return related(results, articleKeys);
}

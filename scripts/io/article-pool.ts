/**
 * Edge: the pipeline's parallel stages on a second thread. `runPipeline` is
 * synchronous and its stages are pure, so the pool hands work to a worker
 * thread, goes on here meanwhile, then blocks (Atomics.wait) until the
 * worker's answer is back. Three jobs, on the 2-core build machine:
 *
 * - name discovery over the whole corpus, once this thread has segmented it,
 *   while this thread finds the passages the articles share: the worker gets
 *   only what discovery reads (scripts/io/discovery-wire.ts), not the
 *   segmented articles (about 200 MB at 5,000 articles). It used to segment
 *   the article files again for itself: 4–6 s more work at 5,000 articles,
 *   which in some builds left this thread waiting for the names;
 * - the per-article stages: the worker takes half the articles (they are
 *   most of a cold run, and this nearly halves them);
 * - after the pipeline, the actors' ego-network layouts, while this thread
 *   assembles the rest of the pages (scripts/pipeline/site.ts).
 *
 * Results are the same as one thread's (same code, same inputs), as the tests check.
 */
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { ArticleResult } from '../pipeline/run.ts';
import { processArticle } from '../pipeline/run.ts';
import { discoverNames, type DiscoveredName } from '../pipeline/discover/index.ts';
import { inThisThread, type PipelineWorkers } from './pipeline-runner.ts';
import { layoutEgoNetworks, type NetworkChart } from '../pipeline/charts/network.ts';
import { siteInThisThread, type SiteWorkers } from '../pipeline/site.ts';
import type { WorkerJob, WorkerTask } from './article-worker.ts';
import { toDiscoveryWire } from './discovery-wire.ts';

/** Below this many articles, starting a thread costs more than it saves. */
export const MIN_PARALLEL_ARTICLES = 64;

export interface ArticlePool {
  workers: PipelineWorkers;
  site: SiteWorkers;
  close(): Promise<void>;
}

/** Below this many actors, starting a thread for their networks costs more than it saves. */
export const MIN_PARALLEL_NETWORKS = 64;

type Reply<T> = { result?: T; error?: string } | undefined;

/**
 * `articles`: how many articles the run will read. When there are enough to
 * use the worker, it starts now and loads the stages' modules (about a second)
 * while this thread ingests them; otherwise only if a job asks for it.
 */
export function articlePool(articles = 0): ArticlePool {
  /** Threads not known to have exited: `close` ends them. */
  const live = new Set<Worker>();
  const start = () => {
    const worker = new Worker(new URL('./article-worker.ts', import.meta.url));
    live.add(worker);
    worker.once('exit', () => live.delete(worker));
    return worker;
  };
  /** A thread started ahead of its job, loading meanwhile. Each thread does one job, then exits (article-worker.ts). */
  let ready: Worker | undefined = articles >= MIN_PARALLEL_ARTICLES ? start() : undefined;

  /**
   * Posts a task to a thread of its own; `wait` waits for its result, or
   * computes it here with `fallback` when the worker does not answer (it could
   * not load): a worker that never answers must not hang the build. `poll`
   * gives the result only if it is in already.
   */
  function request<T>(task: WorkerJob, timeoutMs: number, fallback: () => T): { poll(): T | undefined; wait(): T } {
    const worker = ready ?? start();
    ready = undefined;
    const signal = new Int32Array(new SharedArrayBuffer(4));
    const { port1, port2 } = new MessageChannel();
    worker.postMessage({ ...task, signal, port: port2 } satisfies WorkerTask, [port2]);
    let answer: { result: T } | undefined;
    const wait = (): T => {
      if (answer) return answer.result;
      const answered = Atomics.wait(signal, 0, 0, timeoutMs) !== 'timed-out';
      const reply = answered ? (receiveMessageOnPort(port1)?.message as Reply<T>) : undefined;
      port1.close();
      if (reply?.error) throw new Error(`pipeline worker failed: ${reply.error}`);
      if (reply && 'result' in reply) answer = { result: reply.result as T };
      else {
        void worker.terminate();
        answer = { result: fallback() };
      }
      return answer.result;
    };
    return { poll: () => (answer || Atomics.load(signal, 0) === 1 ? wait() : undefined), wait };
  }

  const workers: PipelineWorkers = {
    processArticles(articles, registry) {
      if (articles.length < MIN_PARALLEL_ARTICLES) return inThisThread.processArticles(articles, registry);
      // Measured at 5,000 articles: at 48 % this thread, which also holds the
      // corpus and takes the worker's results back, still waited ~0.9 s for them.
      const split = Math.floor(articles.length * 0.5);
      const theirs = articles.slice(split);
      // Generous: a share takes about 3 ms an article.
      const pending = request<ArticleResult[]>({ kind: 'articles', articles: theirs, entities: registry.entities, fingerprint: registry.fingerprint }, 60_000 + 50 * theirs.length, () =>
        theirs.map((article) => processArticle(article, registry)),
      );
      const here = articles.slice(0, split).map((article) => processArticle(article, registry));
      const theirResults = pending.wait();
      // The thread for the ego networks, loading while the corpus is related here.
      ready ??= start();
      return [...here, ...theirResults];
    },
    startDiscovery(articles) {
      if (articles.length < MIN_PARALLEL_ARTICLES) return inThisThread.startDiscovery(articles);
      // Generous: discovery takes a few milliseconds an article.
      const pending = request<DiscoveredName[]>({ kind: 'discovery', articles: toDiscoveryWire(articles) }, 60_000 + 50 * articles.length, () => discoverNames(articles));
      return {
        wait() {
          const names = pending.wait();
          // The thread for the articles, loading while this one resolves the names and keys the cache.
          ready ??= start();
          return names;
        },
      };
    },
  };

  const site: SiteWorkers = {
    // All of them there: this thread assembles every page meanwhile, which takes
    // about as long as the layouts (measured at 1,000 and 5,000 articles).
    layoutEgoNetworks(egos) {
      if (egos.length < MIN_PARALLEL_NETWORKS) return siteInThisThread.layoutEgoNetworks(egos);
      // Generous: a network takes a few milliseconds.
      const pending = request<[string, NetworkChart][]>({ kind: 'ego-networks', egos }, 60_000 + 50 * egos.length, () => layoutEgoNetworks(egos));
      let layouts: Map<string, NetworkChart> | undefined;
      const taken = (pairs: [string, NetworkChart][]) => (layouts ??= new Map(pairs));
      return {
        poll() {
          const pairs = pending.poll();
          return pairs && taken(pairs);
        },
        wait: () => taken(pending.wait()),
      };
    },
  };

  return {
    workers,
    site,
    close: async () => {
      ready = undefined;
      await Promise.all([...live].map((worker) => worker.terminate()));
    },
  };
}

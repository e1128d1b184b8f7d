/**
 * Edge: the per-article stages on two threads. `runPipeline` is synchronous
 * and its stages are pure, so the pool hands part of the articles to a worker
 * thread, runs the rest on this thread meanwhile, then blocks (Atomics.wait)
 * until the worker's share is back, in order. On the 2-core build machine the
 * stages are most of a cold run, and this nearly halves them; results are the
 * same as one thread's (same code, same inputs), as the tests check.
 */
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { ArticleProcessor, ArticleResult } from '../pipeline/run.ts';
import { processArticle } from '../pipeline/run.ts';
import type { ArticleTask } from './article-worker.ts';

/** Below this many articles to process, starting a thread costs more than it saves. */
export const MIN_PARALLEL_ARTICLES = 64;

export interface ArticlePool {
  process: ArticleProcessor;
  close(): Promise<void>;
}

export function articlePool(): ArticlePool {
  let worker: Worker | undefined;
  const process: ArticleProcessor = (articles, registry, registryFiles) => {
    if (articles.length < MIN_PARALLEL_ARTICLES) return articles.map((article) => processArticle(article, registry));
    // The worker loads the stages first (about a second): it gets a little less than half.
    const split = Math.floor(articles.length * 0.55);
    worker ??= new Worker(new URL('./article-worker.ts', import.meta.url));
    const signal = new Int32Array(new SharedArrayBuffer(4));
    const { port1, port2 } = new MessageChannel();
    const task: ArticleTask = { articles: articles.slice(split), registryFiles, signal, port: port2 };
    worker.postMessage(task, [port2]);
    const here = articles.slice(0, split).map((article) => processArticle(article, registry));
    // Generous: a share takes about 3 ms an article. A worker that never answers
    // (it could not load) must not hang the build: its share is then done here.
    const answered = Atomics.wait(signal, 0, 0, 60_000 + 50 * task.articles.length) !== 'timed-out';
    const reply = answered ? (receiveMessageOnPort(port1)?.message as { results?: ArticleResult[]; error?: string } | undefined) : undefined;
    port1.close();
    if (reply?.error) throw new Error(`article worker failed: ${reply.error}`);
    if (!reply?.results) {
      void worker.terminate();
      worker = undefined;
      return [...here, ...task.articles.map((article) => processArticle(article, registry))];
    }
    return [...here, ...reply.results];
  };
  return {
    process,
    close: async () => {
      await worker?.terminate();
      worker = undefined;
    },
  };
}

/**
 * Worker thread of scripts/io/article-pool.ts: runs the task it is sent (the
 * per-article stages on some articles, with a registry context built here
 * from the same registry files; or candidate discovery), answers on the
 * task's own port, then wakes the waiting thread.
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import type { Article, Mention, SegmentedArticle } from '../pipeline/model.ts';
import { discoverCandidates } from '../pipeline/discover/index.ts';
import { processArticleFully, registryContext, type PipelineInputs, type RegistryContext } from '../pipeline/run.ts';

/** What the worker is asked to do. */
export type WorkerJob =
  | { kind: 'articles'; articles: Article[]; registryFiles: PipelineInputs['registryFiles'] }
  | { kind: 'discover'; articles: SegmentedArticle[]; mentions: Mention[] };

export type WorkerTask = WorkerJob & {
  /** Set to 1 (and notified) when the answer is on `port`. */
  signal: Int32Array;
  port: MessagePort;
};

let context: { key: string; registry: RegistryContext } | undefined;

function run(task: WorkerTask): unknown {
  if (task.kind === 'discover') return discoverCandidates(task.articles, task.mentions);
  const key = JSON.stringify(task.registryFiles);
  if (context?.key !== key) context = { key, registry: registryContext(task.registryFiles) };
  const registry = context.registry;
  return task.articles.map((article) => processArticleFully(article, registry));
}

parentPort?.on('message', (task: WorkerTask) => {
  try {
    task.port.postMessage({ result: run(task) });
  } catch (error) {
    task.port.postMessage({ error: error instanceof Error ? `${error.message}\n${error.stack}` : String(error) });
  }
  Atomics.store(task.signal, 0, 1);
  Atomics.notify(task.signal, 0);
});

/**
 * Worker thread of scripts/io/article-pool.ts: runs the per-article stages on
 * the articles it is sent, with a registry context built here from the same
 * registry files, and answers on its own port, then wakes the main thread.
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import type { Article } from '../pipeline/model.ts';
import { processArticle, registryContext, type PipelineInputs, type RegistryContext } from '../pipeline/run.ts';

export interface ArticleTask {
  articles: Article[];
  registryFiles: PipelineInputs['registryFiles'];
  /** Set to 1 (and notified) when the results are on `port`. */
  signal: Int32Array;
  port: MessagePort;
}

let context: { key: string; registry: RegistryContext } | undefined;

parentPort?.on('message', (task: ArticleTask) => {
  const key = JSON.stringify(task.registryFiles);
  if (context?.key !== key) context = { key, registry: registryContext(task.registryFiles) };
  const registry = context.registry;
  try {
    task.port.postMessage({ results: task.articles.map((article) => processArticle(article, registry)) });
  } catch (error) {
    task.port.postMessage({ error: error instanceof Error ? `${error.message}\n${error.stack}` : String(error) });
  }
  Atomics.store(task.signal, 0, 1);
  Atomics.notify(task.signal, 0);
});

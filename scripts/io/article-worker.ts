/**
 * Worker thread of scripts/io/article-pool.ts: runs the per-article stages
 * on some articles, with a linking context built here from the same entities
 * (kept while their fingerprint holds), or lays out some ego networks; answers
 * on the task's own port, then wakes the waiting thread.
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import type { Entity, SegmentedArticle } from '../pipeline/model.ts';
import { entityContext, processArticleFully, type RegistryContext } from '../pipeline/run.ts';
import { layoutEgoNetworks, type EgoGraph } from '../pipeline/charts/network.ts';

/** What the worker is asked to do. */
export type WorkerJob =
  | { kind: 'articles'; articles: SegmentedArticle[]; entities: Entity[]; fingerprint: string }
  | { kind: 'ego-networks'; egos: readonly EgoGraph[] };

export type WorkerTask = WorkerJob & {
  /** Set to 1 (and notified) when the answer is on `port`. */
  signal: Int32Array;
  port: MessagePort;
  /**
   * The thread's last job: it exits once its answer is posted, which frees its
   * heap then, not when the waiting thread, busy with its own share, gets round
   * to reading the answer (the answer waits on the port).
   */
  last?: boolean;
};

let context: { key: string; registry: RegistryContext } | undefined;

function run(task: WorkerTask): unknown {
  if (task.kind === 'ego-networks') {
    // The pipeline is over: its linking context is garbage now.
    context = undefined;
    return layoutEgoNetworks(task.egos);
  }
  const key = task.fingerprint;
  if (context?.key !== key) context = { key, registry: { ...entityContext(task.entities), fingerprint: key } };
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
  if (task.last) process.exit(0);
});

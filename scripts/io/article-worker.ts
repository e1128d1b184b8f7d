/**
 * Worker thread of scripts/io/article-pool.ts: discovers the names in the
 * corpus (what discovery reads of it, scripts/io/discovery-wire.ts); runs the per-article stages on some
 * articles, with a linking context built here from the same entities; or lays
 * out some ego networks; answers on the task's own port, wakes the
 * waiting thread, and exits. One job a thread: its heap goes as soon as it
 * has answered, not when the waiting thread, busy with its own share, gets
 * round to reading the answer (which waits on the port meanwhile).
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import type { Entity, SegmentedArticle } from '../pipeline/model.ts';
import { entityContext, processArticle } from '../pipeline/run.ts';
import { discoverNames } from '../pipeline/discover/index.ts';
import { layoutEgoNetworks, type EgoGraph } from '../pipeline/charts/network.ts';
import { fromDiscoveryWire, type WireArticle } from './discovery-wire.ts';

/** What the worker is asked to do. */
export type WorkerJob =
  | { kind: 'articles'; articles: SegmentedArticle[]; entities: Entity[]; fingerprint: string }
  | { kind: 'discovery'; articles: WireArticle[] }
  | { kind: 'ego-networks'; egos: readonly EgoGraph[] };

export type WorkerTask = WorkerJob & {
  /** Set to 1 (and notified) when the answer is on `port`. */
  signal: Int32Array;
  port: MessagePort;
};

function run(task: WorkerTask): unknown {
  if (task.kind === 'ego-networks') return layoutEgoNetworks(task.egos);
  if (task.kind === 'discovery') return discoverNames(fromDiscoveryWire(task.articles));
  const registry = { ...entityContext(task.entities), fingerprint: task.fingerprint };
  return task.articles.map((article) => processArticle(article, registry));
}

parentPort?.once('message', (task: WorkerTask) => {
  try {
    task.port.postMessage({ result: run(task) });
  } catch (error) {
    task.port.postMessage({ error: error instanceof Error ? `${error.message}\n${error.stack}` : String(error) });
  }
  Atomics.store(task.signal, 0, 1);
  Atomics.notify(task.signal, 0);
  process.exit(0);
});

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
import { entityContext, processArticle, type ArticleResult } from '../pipeline/run.ts';
import { discoverNames } from '../pipeline/discover/index.ts';
import { layoutEgoNetwork, type EgoGraph } from '../pipeline/charts/network.ts';
import { fromDiscoveryWire, type WireArticle } from './discovery-wire.ts';
import { takeFromEnd } from './shared-run.ts';

/** What the worker is asked to do. */
export type WorkerJob =
  /**
   * The first `shared` articles are shared with the sending thread, from their
   * two ends (`claims`, shared-run.ts); the rest are this thread's alone.
   */
  | { kind: 'articles'; articles: SegmentedArticle[]; shared: number; claims: Int8Array; entities: Entity[]; fingerprint: string }
  | { kind: 'discovery'; articles: WireArticle[] }
  /** Taken from the front, shared with the sending thread, which takes them from the back once its pages are done. */
  | { kind: 'ego-networks'; egos: readonly EgoGraph[]; claims: Int8Array };

export type WorkerTask = WorkerJob & {
  /** Set to 1 (and notified) when the answer is on `port`. */
  signal: Int32Array;
  port: MessagePort;
};

/** Results of the per-article stages, by position in the task's articles. */
export type ArticlePart = [position: number, result: ArticleResult][];
/** Results go back in parts of this many articles as they are made, so sending them overlaps the work instead of following it. */
const PART_ARTICLES = 50;

/** The per-article stages on this thread's articles; each result goes back in a part; answers how many it processed. */
function processShare(task: WorkerTask & { kind: 'articles' }): number {
  const registry = { ...entityContext(task.entities), fingerprint: task.fingerprint };
  let part: ArticlePart = [];
  let processed = 0;
  const send = () => {
    if (part.length > 0) task.port.postMessage({ part });
    part = [];
  };
  const take = (position: number) => {
    part.push([position, processArticle(task.articles[position]!, registry)]);
    processed++;
    if (part.length >= PART_ARTICLES) send();
  };
  // Its own articles first, then shared ones from the far end, until it meets the sending thread.
  for (let position = task.shared; position < task.articles.length; position++) take(position);
  takeFromEnd('back', task.shared, task.claims, take);
  send();
  return processed;
}

function run(task: WorkerTask): unknown {
  if (task.kind === 'ego-networks') return takeFromEnd('front', task.egos.length, task.claims, (position) => [position, layoutEgoNetwork(task.egos[position]!)]);
  if (task.kind === 'discovery') return discoverNames(fromDiscoveryWire(task.articles));
  return processShare(task);
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

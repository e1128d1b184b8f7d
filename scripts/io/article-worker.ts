/**
 * Worker thread of scripts/io/article-pool.ts: ingests and segments some of
 * the article files; discovers the names in the corpus (what discovery reads
 * of it, scripts/io/discovery-wire.ts); runs the per-article stages on some
 * articles, with a linking context built here from the same entities; lays
 * out some ego networks; or makes some source pages' article bodies. It
 * answers on the task's own port, wakes the waiting thread, and exits (after
 * segmenting, it stays for discovery). One job a thread otherwise: its heap
 * goes as soon as it has answered, not when the waiting thread, busy with its
 * own share, gets round to reading the answer (which waits on the port
 * meanwhile).
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import type { Entity, SegmentedArticle } from '../pipeline/model.ts';
import { entityContext, processArticleKeyed, segmentInput, type ArticleResult, type PipelineInputs, type SegmentedInput } from '../pipeline/run.ts';
import type { SourceEntry } from '../pipeline/ingest/index.ts';
import { discoverNames } from '../pipeline/discover/index.ts';
import { layoutEgoNetwork, type EgoGraph } from '../pipeline/charts/network.ts';
import { fromDiscoveryWire, type WireArticle } from './discovery-wire.ts';
import { takeFromEnd } from './shared-run.ts';
import { emitArticleBody } from '../pipeline/emit/source-page.ts';
import { articleBodyInput } from '../pipeline/assemble/source-page.ts';
import { fromBodyWire, wireTargets, type WireBodies } from './body-wire.ts';
import { cacheLine } from './cache-codec.ts';
import type { PrebuiltBody } from '../pipeline/emit/html.ts';

/** What the worker is asked to do. */
export type WorkerJob =
  /**
   * ingest → segment, taken from the back of `articles`, shared with the sending thread, which
   * takes them from the front. The one job after which the thread stays, for the next: discovery.
   */
  | { kind: 'segment'; articles: PipelineInputs['articles']; entries: Record<string, SourceEntry>; claims: Int8Array }
  /**
   * The first `shared` articles are shared with the sending thread, from their
   * two ends (`claims`, shared-run.ts); the rest are this thread's alone.
   */
  | {
      kind: 'articles';
      articles: SegmentedArticle[];
      shared: number;
      claims: Int8Array;
      entities: Entity[];
      fingerprint: string;
      keyWith?: { codeVersion: string | undefined };
      /** With `keyWith`: each result's cache entry is made here too (`cacheLine`), and sent with it. */
      cacheLines?: true;
    }
  | { kind: 'discovery'; articles: WireArticle[] }
  /** Taken from the front, shared with the sending thread, which takes them from the back once its pages are done. */
  | { kind: 'ego-networks'; egos: readonly EgoGraph[]; claims: Int8Array }
  /** Taken from the back, shared with the sending thread, which takes them from the front once it writes the source pages. */
  | { kind: 'article-bodies'; pages: WireBodies; claims: Int8Array };

export type WorkerTask = WorkerJob & {
  /** Set to 1 (and notified) when the answer is on `port`. */
  signal: Int32Array;
  port: MessagePort;
};

/**
 * Results of the per-article stages, by position in the task's articles,
 * without the article: the sending thread has it already, and sending it back
 * cost both threads a copy of each article (about a third of the corpus at
 * 5,000 articles) and left the sending thread holding two copies of it.
 */
export type ArticlePart = [position: number, result: Omit<ArticleResult, 'article'>, key?: string, cacheLine?: string][];
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
    const keyed = processArticleKeyed(task.articles[position]!, registry, task.keyWith);
    const { result: { article: _sent, ...result }, key } = keyed;
    if (key === undefined) part.push([position, result]);
    // This thread's copy of the article is the sending thread's, so the entry is the one it would make.
    else part.push(task.cacheLines ? [position, result, key, cacheLine(keyed.result)] : [position, result, key]);
    processed++;
    if (part.length >= PART_ARTICLES) send();
  };
  // Its own articles first, then shared ones from the far end, until it meets the sending thread.
  for (let position = task.shared; position < task.articles.length; position++) take(position);
  takeFromEnd('back', task.shared, task.claims, take);
  send();
  return processed;
}

/**
 * Article bodies made here, by position in the task's pages: the headings, and
 * the blocks as UTF-8 JSON. Bytes rather than objects: the worker makes them
 * while the sending thread assembles the briefing pages, which keeps them
 * until it writes the source pages. Kept as strings and objects, they added
 * about 470 MB to that thread's peak at 5,000 articles (2,819 MiB against
 * 2,350 MiB with bytes, which are outside its heap).
 */
export type BodyPart = [position: number, headings: PrebuiltBody['headings'], blocks: Uint8Array][];
/** Bodies go back in parts of this many pages (a part is about a megabyte). */
const PART_BODIES = 50;

/**
 * The article bodies of the source pages this thread claims; each goes back in a part; answers how
 * many it made. A body that fails is not sent: the sending thread makes it again itself, where
 * the failure is reported against its page.
 */
function makeBodies(task: WorkerTask & { kind: 'article-bodies' }): number {
  let part: BodyPart = [];
  let made = 0;
  const send = () => {
    // The bytes move to the other thread (each has a buffer of its own, from `encode`), not copied.
    if (part.length > 0) task.port.postMessage({ part }, part.map(([, , blocks]) => blocks.buffer as ArrayBuffer));
    part = [];
  };
  const encoder = new TextEncoder();
  const targets = wireTargets(task.pages);
  takeFromEnd('back', task.pages.bodies.length, task.claims, (position) => {
    try {
      const { headings, blocks } = emitArticleBody(articleBodyInput(fromBodyWire(task.pages.bodies[position]!, targets)));
      part.push([position, headings, encoder.encode(JSON.stringify(blocks))]);
      made++;
    } catch {
      // Made again, and reported, by the sending thread.
    }
    if (part.length >= PART_BODIES) send();
  });
  send();
  return made;
}

/**
 * Article files this thread segmented, by position. They go back in parts as they are made:
 * held until the end, they outlived the young generation, and collecting them cost the
 * discovery that follows on this thread about 2 s at 5,000 articles.
 */
export type SegmentedPart = [position: number, segmented: SegmentedInput][];

/** ingest → segment of the files this thread claims, in parts; answers how many it did. */
function segmentShare(task: WorkerTask & { kind: 'segment' }): number {
  // Without a prototype, as parseSources made them (a clone has Object's): no article name can find an inherited entry.
  const entries = Object.assign(Object.create(null) as Record<string, SourceEntry>, task.entries);
  let part: SegmentedPart = [];
  let made = 0;
  const send = () => {
    if (part.length > 0) task.port.postMessage({ part });
    part = [];
  };
  takeFromEnd('back', task.articles.length, task.claims, (position) => {
    part.push([position, segmentInput(task.articles[position]!, entries)]);
    made++;
    if (part.length >= PART_ARTICLES) send();
  });
  send();
  return made;
}

function run(task: WorkerTask): unknown {
  if (task.kind === 'segment') return segmentShare(task);
  if (task.kind === 'article-bodies') return makeBodies(task);
  if (task.kind === 'ego-networks') return takeFromEnd('front', task.egos.length, task.claims, (position) => [position, layoutEgoNetwork(task.egos[position]!)]);
  if (task.kind === 'discovery') return discoverNames(fromDiscoveryWire(task.articles));
  return processShare(task);
}

function answer(task: WorkerTask): void {
  try {
    task.port.postMessage({ result: run(task) });
  } catch (error) {
    task.port.postMessage({ error: error instanceof Error ? `${error.message}\n${error.stack}` : String(error) });
  }
  Atomics.store(task.signal, 0, 1);
  Atomics.notify(task.signal, 0);
  // Segmenting leaves nothing behind that the next job would carry: the thread, its modules
  // loaded, goes on to discover the names rather than a new one loading them again.
  if (task.kind === 'segment') parentPort?.once('message', answer);
  else process.exit(0);
}

parentPort?.once('message', answer);

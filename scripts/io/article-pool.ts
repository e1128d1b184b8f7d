/**
 * Edge: the pipeline's parallel stages on a second thread. `runPipeline` is
 * synchronous and its stages are pure, so the pool hands work to a worker
 * thread, goes on here meanwhile, then blocks (Atomics.wait) until the
 * worker's answer is back. Five jobs, on the 2-core build machine:
 *
 * - ingesting and segmenting the article files, each thread taking the next
 *   from its own end of the list; the worker, its modules loaded, then stays
 *   for discovery;
 * - name discovery over the whole corpus, once this thread has segmented it,
 *   while this thread finds the passages the articles share: the worker gets
 *   only what discovery reads (scripts/io/discovery-wire.ts), not the
 *   segmented articles (about 200 MB at 5,000 articles). It used to segment
 *   the article files again for itself: 4–6 s more work at 5,000 articles,
 *   which in some builds left this thread waiting for the names;
 * - the per-article stages (most of a cold run): the two threads share the
 *   articles, each taking the next from its own end of the list
 *   (scripts/io/shared-run.ts), so the faster does more;
 * - after the pipeline, the actors' ego-network layouts, while this thread
 *   assembles the rest of the pages (scripts/pipeline/site.ts); the two
 *   share the layouts left when this thread is done;
 * - meanwhile, on a thread of its own, the source pages' article bodies
 *   (emit/source-page.ts `emitArticleBody`), taken from the back while this
 *   thread assembles the briefing pages (after which the rest of a source
 *   page is known); this thread takes the rest from the front. The worker
 *   gets each article's text and links as flat data (scripts/io/body-wire.ts)
 *   and makes their runs itself.
 *
 * Results are the same as one thread's (same code, same inputs), as the tests check.
 */
import { availableParallelism } from 'node:os';
import { MessageChannel, receiveMessageOnPort, type Worker } from 'node:worker_threads';
import { MIN_PARALLEL_ARTICLES, startPoolThread } from './pool-thread.ts';
import type { KeyedResult, SegmentedInput } from '../pipeline/run.ts';
import type { SegmentedArticle } from '../pipeline/model.ts';
import { processArticleKeyed, segmentInput } from '../pipeline/run.ts';
import { discoverNames, type DiscoveredName } from '../pipeline/discover/index.ts';
import { inThisThread, processedArticles, storedAs, type PipelineWorkers } from './pipeline-runner.ts';
import { layoutEgoNetwork, type NetworkChart } from '../pipeline/charts/network.ts';
import { siteInThisThread, type SiteWorkers } from '../pipeline/site.ts';
import type { ArticlePart, BodyPart, SegmentedPart, WorkerJob, WorkerTask } from './article-worker.ts';
import { emitArticleBody } from '../pipeline/emit/source-page.ts';
import { articleBodyInput } from '../pipeline/assemble/source-page.ts';
import { toBodyWire } from './body-wire.ts';
import type { PrebuiltBody } from '../pipeline/emit/html.ts';
import { toDiscoveryWire } from './discovery-wire.ts';
import { claim, sharedClaims, takeFromEnd } from './shared-run.ts';

export { MIN_PARALLEL_ARTICLES } from './pool-thread.ts';

export interface ArticlePool {
  workers: PipelineWorkers;
  site: Required<SiteWorkers>;
  /** How the last run of the per-article stages was split between this thread and the worker (for the build's log and the tests). */
  articleSplit(): { here: number; worker: number } | undefined;
  /** Likewise for ingesting and segmenting the article files. */
  segmentSplit(): { here: number; worker: number } | undefined;
  /** Likewise for the last ego-network layouts. */
  layoutSplit(): { here: number; worker: number } | undefined;
  /** Likewise for the source pages' article bodies. */
  bodySplit(): { here: number; worker: number } | undefined;
  close(): Promise<void>;
}

/** Below this many actors, starting a thread for their networks costs more than it saves. */
export const MIN_PARALLEL_NETWORKS = 64;
/** Likewise for the source pages' article bodies. */
export const MIN_PARALLEL_BODIES = 64;

/** Shares of the per-article stages' articles this thread, and the worker, take alone; the two share the rest (see `processArticles`). */
export const MAIN_ALONE = 0.4;
export const WORKER_ALONE = 0.25;
/** This thread takes in the worker's parts every this many of its own articles. */
const RECEIVE_EVERY = 32;

type Reply<T> = { result?: T; error?: string } | undefined;

function missingFile(file: string): never {
  throw new Error(`pipeline worker sent nothing for article file ${file}`);
}

/**
 * `articles`: how many articles the run will read. When there are enough to
 * use the worker, it starts now and loads the stages' modules (about a second)
 * while this thread ingests them; otherwise only if a job asks for it.
 * `started`: that first thread, started earlier (`startEarly`, pool-thread.ts).
 */
export function articlePool(articles = 0, started?: Worker): ArticlePool {
  /** Threads not known to have exited: `close` ends them. */
  const live = new Set<Worker>();
  /** Kept alive from now on (a thread started early was not: pool-thread.ts), until `close`. */
  const adopt = (worker: Worker) => {
    worker.ref();
    live.add(worker);
    worker.once('exit', () => live.delete(worker));
    return worker;
  };
  const start = () => adopt(startPoolThread());
  let split: { here: number; worker: number } | undefined;
  let segmentSplit: { here: number; worker: number } | undefined;
  let layoutSplit: { here: number; worker: number } | undefined;
  let bodySplit: { here: number; worker: number } | undefined;
  /** A thread started ahead of its job, loading meanwhile, or one that segmented and stays for the next. Each thread otherwise does one job, then exits (article-worker.ts). */
  let ready: Worker | undefined = started ? adopt(started) : articles >= MIN_PARALLEL_ARTICLES ? start() : undefined;

  /**
   * Posts a task to a thread of its own; `wait` waits for its result, or
   * computes it here with `fallback` when the worker does not answer (it could
   * not load): a worker that never answers must not hang the build. `poll`
   * gives the result only if it is in already. A worker may send parts of
   * its answer ahead of it (`{ part }`): `receive` hands the ones in so far
   * to `onPart`, and `wait` the rest.
   */
  function request<T>(
    task: WorkerJob,
    timeoutMs: number,
    fallback: () => T,
    onPart?: (part: unknown) => void,
    /** The thread stays once it has answered (article-worker.ts), ready for the next job. */
    keep = false,
  ): { poll(): T | undefined; wait(): T; receive(): void; answered(): boolean } {
    const worker = ready ?? start();
    ready = undefined;
    const signal = new Int32Array(new SharedArrayBuffer(4));
    const { port1, port2 } = new MessageChannel();
    worker.postMessage({ ...task, signal, port: port2 } satisfies WorkerTask, [port2]);
    let answer: { result: T } | undefined;
    let reply: Reply<T>;
    const receive = () => {
      if (answer) return;
      for (let message = receiveMessageOnPort(port1); message; message = receiveMessageOnPort(port1)) {
        const body = message.message as Reply<T> | { part: unknown };
        if (body && 'part' in body) onPart?.(body.part);
        else reply = body;
      }
    };
    const wait = (): T => {
      if (answer) return answer.result;
      const answered = Atomics.wait(signal, 0, 0, timeoutMs) !== 'timed-out';
      if (answered) receive();
      port1.close();
      if (reply?.error) throw new Error(`pipeline worker failed: ${reply.error}`);
      if (answered && reply && 'result' in reply) {
        answer = { result: reply.result as T };
        if (keep) ready ??= worker;
      } else {
        void worker.terminate();
        answer = { result: fallback() };
      }
      return answer.result;
    };
    const answered = () => answer !== undefined || Atomics.load(signal, 0) === 1;
    return { poll: () => (answered() ? wait() : undefined), wait, receive, answered };
  }

  const workers: PipelineWorkers = {
    segmentInputs(articles, entries) {
      if (articles.length < MIN_PARALLEL_ARTICLES) return inThisThread.segmentInputs(articles, entries);
      // Each thread takes the next file from its own end of the list, so the worker, which may
      // still be loading the stages' modules when this starts, does what it has time for.
      const claims = sharedClaims(articles.length);
      /** Every file's result by position: this thread's, and the worker's as its parts come in. */
      const all: (SegmentedInput | undefined)[] = new Array(articles.length);
      let here = 0;
      const pending = request<number>(
        { kind: 'segment', articles, entries, claims },
        // Generous: a file takes under a millisecond.
        60_000 + 50 * articles.length,
        // The worker did not answer: whatever this thread did not take, it does now.
        () => {
          for (let position = here; position < articles.length; position++) all[position] = segmentInput(articles[position]!, entries);
          return articles.length - here;
        },
        (part) => {
          for (const [position, item] of part as SegmentedPart) all[position] = item;
        },
        true,
      );
      here = takeFromEnd('front', articles.length, claims, (position) => (all[position] = segmentInput(articles[position]!, entries))).length;
      const count = pending.wait();
      if (count !== articles.length - here) throw new Error(`pipeline worker segmented ${count} article files, expected ${articles.length - here}`);
      segmentSplit = { here, worker: count };
      return all.map((item, position) => item ?? missingFile(articles[position]!.file));
    },
    processArticles(articles, registry, options = {}) {
      if (articles.length < MIN_PARALLEL_ARTICLES) return inThisThread.processArticles(articles, registry, options);
      const { scans, keyWith, cacheLines } = options;
      // This thread takes the first MAIN_ALONE of the articles, the worker the
      // last WORKER_ALONE, and the two share the rest from its two ends
      // (shared-run.ts), so whichever is faster does more. With a fixed half
      // each, this thread waited 2.6-4.1 s for the worker's half in four cold
      // builds at 5,000 articles: the worker pays for its copy of the
      // articles, its own compiled patterns, and sending its results back.
      const ownStart = Math.floor(articles.length * (1 - WORKER_ALONE));
      const sharedStart = Math.min(ownStart, Math.floor(articles.length * MAIN_ALONE));
      const sharedCount = ownStart - sharedStart;
      const claims = sharedClaims(sharedCount);
      const offered = articles.slice(sharedStart);
      const here: KeyedResult[] = [];
      /** The worker's results, by position in `offered`, as its parts come in. */
      const theirs: (KeyedResult | undefined)[] = new Array(offered.length);
      // The scans stay on this thread: a scan points into this thread's copy of its article, so the worker scans its own.
      const processHere = (article: SegmentedArticle): KeyedResult => storedAs(processArticleKeyed(article, registry, keyWith, scans?.get(article)), cacheLines);
      /** The first position in `offered` this thread has not taken: the worker has the rest. */
      const firstNotHere = () => here.length - sharedStart;
      // Generous: a share takes about 3 ms an article.
      const pending = request<number>(
        {
          kind: 'articles',
          articles: offered,
          shared: sharedCount,
          claims,
          entities: registry.entities,
          fingerprint: registry.fingerprint,
          ...(keyWith && { keyWith }),
          ...(keyWith && cacheLines && { cacheLines: true }),
        },
        60_000 + 50 * offered.length,
        // The worker did not answer: whatever this thread did not take, it does now.
        () => {
          for (let position = firstNotHere(); position < offered.length; position++) theirs[position] = processHere(offered[position]!);
          return offered.length - firstNotHere();
        },
        (part) => {
          // The article is this thread's own (the worker processed its copy, and does not change it).
          for (const [position, result, key, line] of part as ArticlePart) {
            theirs[position] = { result: { article: offered[position]!, ...result }, ...(key !== undefined && { key }) };
            if (key !== undefined && line !== undefined) cacheLines?.(key, line);
          }
        },
      );
      // The worker's parts are taken in now and then: read here while the worker goes on, not all at the end.
      let processedHere = 0;
      const withParts = (article: SegmentedArticle) => {
        if (++processedHere % RECEIVE_EVERY === 0) pending.receive();
        return processHere(article);
      };
      for (const article of articles.slice(0, sharedStart)) here.push(withParts(article));
      here.push(...takeFromEnd('front', sharedCount, claims, (position) => withParts(offered[position]!)));
      const count = pending.wait();
      const theirResults: KeyedResult[] = [];
      for (let position = firstNotHere(); position < offered.length; position++) {
        const processed = theirs[position];
        if (!processed) throw new Error(`pipeline worker sent no result for article ${offered[position]!.slug}`);
        theirResults.push(processed);
      }
      if (theirResults.length !== count) throw new Error(`pipeline worker processed ${count} articles, expected ${theirResults.length}`);
      split = { here: here.length, worker: theirResults.length };
      // The thread for the ego networks, loading while the corpus is related here.
      ready ??= start();
      return processedArticles([...here, ...theirResults], keyWith);
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

  /**
   * Whether the layouts' thread is still at work, when the bodies' thread should wait for it.
   * On two cores the bodies' thread starts once the layouts are in: the two at once, beside this
   * thread (which assembles the pages, the build's longest chain) and the page-writing thread,
   * took part of this thread's core for most of the time they overlapped. One after the other
   * they are still done before this thread needs the first body.
   */
  let layoutsAnswered: (() => boolean) | undefined;
  const layoutsBusy = () => availableParallelism() <= 2 && layoutsAnswered !== undefined && !layoutsAnswered();

  const articleBodies: Required<SiteWorkers>['articleBodies'] = (count, sourceOf) => {
    if (count < MIN_PARALLEL_BODIES) return siteInThisThread.articleBodies(count, sourceOf);
    const claims = sharedClaims(count);
    /** The worker's bodies, by position, as its parts come in (see `BodyPart`); each let go once taken. */
    const theirs: ([PrebuiltBody['headings'], Uint8Array] | undefined)[] = new Array(count);
    let made = 0;
    let received = 0;
    bodySplit = { here: 0, worker: 0 };
    // Generous: a body takes about a millisecond. The worker not answering costs nothing: whatever
    // it did not send, `take` makes here.
    let pending: ReturnType<typeof request<number>> | undefined;
    const begin = () =>
      (pending ??= request<number>(
        { kind: 'article-bodies', pages: toBodyWire(Array.from({ length: count }, (_, position) => sourceOf(position))), claims },
        60_000 + 50 * count,
        () => 0,
        (part) => {
          for (const [position, headings, blocks] of part as BodyPart) theirs[position] = [headings, blocks];
          received += (part as BodyPart).length;
          bodySplit = { here: made, worker: received };
        },
      ));
    if (!layoutsBusy()) begin();
    return {
      poll() {
        if (!pending && !layoutsBusy()) begin();
        pending?.receive();
      },
      take(position, source) {
        // This thread takes them from the front, once it writes the source pages; the worker has
        // taken them from the back meanwhile. The first one it has claimed ends this thread's share.
        if (claim('front', claims, position)) {
          bodySplit = { here: ++made, worker: received };
          return emitArticleBody(articleBodyInput(source()));
        }
        // Not started yet only if this thread never polled once the layouts were in: it cannot have claimed this one.
        const work = begin();
        if (!theirs[position]) work.receive();
        // The worker stops at the first body this thread has claimed, so its answer is at most one body away.
        if (!theirs[position]) work.wait();
        const sent = theirs[position];
        theirs[position] = undefined;
        if (!sent) return emitArticleBody(articleBodyInput(source()));
        // Left serialised: the page's file takes the blocks as they are (emit/page.ts, renderPrebuiltSourcePage).
        const [headings, blocksJson] = sent;
        return { headings, blocksJson };
      },
    };
  };

  const site: Required<SiteWorkers> = {
    // The worker takes them from the front of the list while this thread assembles every page.
    // If this thread is done first, it takes the rest from the back (shared-run.ts) instead of
    // waiting: in a profiled cold build at 5,000 articles it had waited 8.3 s for the layouts.
    layoutEgoNetworks(egos) {
      if (egos.length < MIN_PARALLEL_NETWORKS) return siteInThisThread.layoutEgoNetworks(egos);
      const claims = sharedClaims(egos.length);
      const here = new Map<number, NetworkChart>();
      // Generous: a network takes a few milliseconds.
      const pending = request<[number, NetworkChart][]>(
        { kind: 'ego-networks', egos, claims },
        60_000 + 50 * egos.length,
        // The worker did not answer: whatever this thread did not lay out, it does now.
        () => egos.flatMap((ego, position) => (here.has(position) ? [] : [[position, layoutEgoNetwork(ego)] as [number, NetworkChart]])),
      );
      layoutsAnswered = pending.answered;
      let layouts: Map<string, NetworkChart> | undefined;
      const taken = (theirs: [number, NetworkChart][]) => {
        if (layouts) return layouts;
        for (const [position, chart] of theirs) here.set(position, chart);
        layoutSplit = { here: egos.length - theirs.length, worker: theirs.length };
        layouts = new Map(egos.flatMap((ego, position) => (here.has(position) ? [[ego.id, here.get(position)!] as [string, NetworkChart]] : [])));
        return layouts;
      };
      return {
        poll() {
          if (layouts) return layouts;
          const theirs = pending.poll();
          return theirs && taken(theirs);
        },
        wait() {
          if (layouts) return layouts;
          takeFromEnd('back', egos.length, claims, (position) => here.set(position, layoutEgoNetwork(egos[position]!)));
          // The worker stops at the first network this thread has claimed, so its answer is at most one layout away.
          return taken(pending.wait());
        },
      };
    },
    articleBodies,
  };

  return {
    workers,
    site,
    articleSplit: () => split,
    segmentSplit: () => segmentSplit,
    layoutSplit: () => layoutSplit,
    bodySplit: () => bodySplit,
    close: async () => {
      ready = undefined;
      await Promise.all([...live].map((worker) => worker.terminate()));
    },
  };
}

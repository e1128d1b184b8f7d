/**
 * Edge: starting a thread of the article pool (article-pool.ts). A module of
 * its own, light to load, so that the build can start the pool's first thread
 * before it loads the stages' modules itself (scripts/build-briefings.ts): the
 * thread loads its own copy of them meanwhile, on the other core, and is ready
 * when the pipeline starts, rather than a second into it.
 */
import { Worker } from 'node:worker_threads';

/** Below this many articles, starting a thread costs more than it saves. */
export const MIN_PARALLEL_ARTICLES = 64;

/**
 * The worker's young generation, in MB (V8 shares it out among its
 * semi-spaces; the main thread runs with 32 MB ones, package.json). The
 * worker's jobs (discovery, linking, the network layouts' force simulations)
 * allocate short-lived objects by the million: without this it made 2,300
 * scavenges (5.9 s) in a cold build at 5,000 articles. With it, two paired
 * cold briefing builds took 83.9 and 88.8 s against 89.4 and 92.2 s (user CPU
 * 135 and 143 s against 144 and 150 s), peak RSS about 40 MB more. The whole
 * process with 64 MB semi-spaces was slower (docs/bench.md, twenty-second pass).
 */
const WORKER_YOUNG_GENERATION_MB = 192;

export function startPoolThread(): Worker {
  return new Worker(new URL('./article-worker.ts', import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
}

/**
 * The pool's first thread, started ahead of the pool, when a run of `articles`
 * articles will use one (`articlePool` takes it). Until then it does not keep
 * the process alive: a build that fails before it makes the pool still exits.
 */
export function startEarly(articles: number): Worker | undefined {
  if (articles < MIN_PARALLEL_ARTICLES) return undefined;
  const thread = startPoolThread();
  thread.unref();
  return thread;
}

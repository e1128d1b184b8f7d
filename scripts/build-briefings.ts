/**
 * The briefing build (CLI): read content/, run the pipeline stages, write the
 * generated pages into Starlight's docs collection, the knowledge model as
 * JSON, and print a report. This file and scripts/io/ are the only places
 * that touch the file system; every stage in scripts/pipeline/ is pure.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { readInputs } from './io/read-inputs.ts';
import { startEarly } from './io/pool-thread.ts';
import { corpusKey } from './pipeline/corpus-key.ts';
import { shortHash } from './pipeline/shared/hash.ts';
import { buildCodeVersion, forgetStamp, outputState, upToDate, writeStamp } from './io/briefing-stamp.ts';
import { checkpoint } from './io/interrupt.ts';
import { createProgress } from './io/progress.ts';
import { writeReportFiles } from './io/report-files.ts';

const started = performance.now();
const progress = createProgress({ prefix: 'briefing' });
/** Where the time and memory go, per phase (BRIEFING_VERBOSE=1; docs/bench.md's figures come from these lines). */
const memory = (label: string) => {
  if (!process.env.BRIEFING_VERBOSE) return;
  const { rss, heapUsed } = process.memoryUsage();
  const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
  progress.log(`briefing: ${label} at ${((performance.now() - started) / 1000).toFixed(1)} s, RSS ${mib(rss)} MiB (JS heap in use ${mib(heapUsed)} MiB), peak RSS ${mib(process.resourceUsage().maxRSS * 1024)} MiB`);
};
// BRIEFING_ROOT: another project folder (the benchmark builds synthetic sites in temp copies).
const codeRoot = new URL('..', import.meta.url);
const root = process.env.BRIEFING_ROOT ? pathToFileURL(`${process.env.BRIEFING_ROOT.replace(/\/+$/, '')}/`) : codeRoot;

// CONTENT_DIR lets the tests build a generated corpus (hostile input) through the same script.
const inputs = readInputs(root, process.env.CONTENT_DIR ?? 'content', codeRoot);
progress.log(`briefing: read ${inputs.articles.length} article files, ${inputs.registryFiles.length} registry files`);

// Nothing changed since the last build, and its outputs are untouched: reuse them.
// The skipped files are in the key too: their diagnostics are part of the report the stamp replays.
const key = shortHash([corpusKey(inputs), JSON.stringify(inputs.settings), JSON.stringify(inputs.diagnostics ?? []), buildCodeVersion(codeRoot)].join('\n'), 32);
const previous = upToDate(root, key);
if (previous) {
  // The stamp tracks build/report.md and build/report.json like the pages: they are still the ones this report was written to.
  progress.log('briefing: no input changed since the last build and its pages and report files are as it wrote them; nothing to do. Its report:');
  console.log(previous.report);
  if (previous.fatal) process.exitCode = 1;
} else {
  // From the first file written until the stamp, the outputs match no stamp: if this build is killed, the next one runs in full.
  forgetStamp(root);
  checkpoint('start');
  // The pool's first thread loads the stages' modules on the other core while this thread does.
  const firstThread = startEarly(inputs.articles.length);
  // Loaded only when there is work: the stages' modules (NLP libraries…) take a second to load.
  const [{ pageWriter, writeModel, writeOutputs }, { loadCache, saveCache }, { loadLayoutCache, saveLayoutCache, withLayoutCache }, { articlePool }, { runCachedPipeline }, { buildSite }, { formatReport }, { loadReferenceData }] = await Promise.all([
    import('./io/write-outputs.ts'),
    import('./io/cache.ts'),
    import('./io/layout-cache.ts'),
    import('./io/article-pool.ts'),
    import('./io/pipeline-runner.ts'),
    import('./pipeline/site.ts'),
    import('./pipeline/report.ts'),
    import('./io/reference-data.ts'),
  ]);
  progress.start('pipeline');
  const cache = loadCache(root);
  const pool = articlePool(inputs.articles.length, firstThread);
  const model = runCachedPipeline({ ...inputs, reference: loadReferenceData() }, cache, pool.workers);
  checkpoint('pipeline');
  saveCache(root, cache);
  checkpoint('cache');
  progress.end(`${model.articles.length} articles (${cache.hits} from cache), ${model.mentions.length} mentions, ${model.statements.length} statements`);
  memory('pipeline done');
  const segmentSplit = pool.segmentSplit();
  if (segmentSplit && process.env.BRIEFING_VERBOSE) progress.log(`briefing: ingest and segment: ${segmentSplit.here} article files in this thread, ${segmentSplit.worker} on the worker`);
  const split = pool.articleSplit();
  if (split && process.env.BRIEFING_VERBOSE) progress.log(`briefing: per-article stages: ${split.here} articles in this thread, ${split.worker} on the worker`);

  progress.start('pages');
  const pages = pageWriter(root);
  const modelWritten = writeModel(root, model);
  const layouts = loadLayoutCache(root);
  let emitted = 0;
  const site = buildSite(
    model,
    inputs.settings,
    (file) => {
      pages.write(file);
      progress.tick(++emitted);
    },
    withLayoutCache(pool.site, layouts, inputs.codeVersion ?? ''),
  );
  await pool.close();
  const layoutSplit = pool.layoutSplit();
  if (layoutSplit && process.env.BRIEFING_VERBOSE) progress.log(`briefing: network layouts: ${layoutSplit.here} in this thread, ${layoutSplit.worker} on the worker`);
  const bodySplit = pool.bodySplit();
  if (bodySplit && process.env.BRIEFING_VERBOSE) progress.log(`briefing: source pages' article bodies: ${bodySplit.here} in this thread, ${bodySplit.worker} on the worker`);
  saveLayoutCache(root, layouts);
  memory('pages built and written');
  const finished = await pages.finish();
  checkpoint('pages');
  const written = writeOutputs(root, modelWritten, site, finished);
  checkpoint('written');
  progress.end(`${emitted} pages (${written.written} written, ${written.unchanged} unchanged, ${written.removed} removed; ${layouts.hits} of ${layouts.used.size} network layouts reused)`);
  memory('written');

  const report = formatReport(model, {
    pagesWritten: written.written,
    pagesUnchanged: written.unchanged,
    pagesRemoved: written.removed,
    siteDiagnostics: site.diagnostics,
    seconds: (performance.now() - started) / 1000,
    cacheHits: cache.hits,
  });
  const reportFiles = writeReportFiles(root, report);
  await written.published;
  console.log(report.text);
  console.log(`\nbriefing: report written to ${reportFiles.join(' and ')} ("npm run report" prints it again)`);
  writeStamp(root, { key, outputs: outputState(root, [...written.files, ...reportFiles]), report: report.text, fatal: report.fatal });
  if (report.fatal) process.exitCode = 1;
}

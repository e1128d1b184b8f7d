/**
 * The briefing build (CLI): read content/, run the pipeline stages, write the
 * generated pages into Starlight's docs collection, the knowledge model as
 * JSON, and print a report. This file and scripts/io/ are the only places
 * that touch the file system; every stage in scripts/pipeline/ is pure.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { readInputs } from './io/read-inputs.ts';
import { corpusKey } from './pipeline/corpus-key.ts';
import { shortHash } from './pipeline/shared/hash.ts';
import { buildCodeVersion, outputState, upToDate, writeStamp } from './io/briefing-stamp.ts';

const started = performance.now();
/** Where the time and memory go, per phase (the benchmark reads these lines). */
const progress = (label: string) => {
  const { rss, heapUsed } = process.memoryUsage();
  const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
  console.log(`briefing: ${label} at ${((performance.now() - started) / 1000).toFixed(1)} s, RSS ${mib(rss)} MiB (JS heap in use ${mib(heapUsed)} MiB), peak RSS ${mib(process.resourceUsage().maxRSS * 1024)} MiB`);
};
// BRIEFING_ROOT: another project folder (the benchmark builds synthetic sites in temp copies).
const codeRoot = new URL('..', import.meta.url);
const root = process.env.BRIEFING_ROOT ? pathToFileURL(`${process.env.BRIEFING_ROOT.replace(/\/+$/, '')}/`) : codeRoot;

// CONTENT_DIR lets the tests build a generated corpus (hostile input) through the same script.
const inputs = readInputs(root, process.env.CONTENT_DIR ?? 'content', codeRoot);
console.log(`briefing: read ${inputs.articles.length} article files, ${inputs.registryFiles.length} registry files`);

// Nothing changed since the last build, and its outputs are untouched: reuse them.
const key = shortHash([corpusKey(inputs), JSON.stringify(inputs.settings), buildCodeVersion(codeRoot)].join('\n'), 32);
const previous = upToDate(root, key);
if (previous) {
  console.log('briefing: no input changed since the last build and its pages are as it wrote them; nothing to do. Its report:');
  console.log(previous.report);
  if (previous.fatal) process.exitCode = 1;
} else {
  // Loaded only when there is work: the stages' modules (NLP libraries…) take a second to load.
  const [{ pageWriter, writeOutputs }, { loadCache, saveCache }, { articlePool }, { runPipeline }, { buildSite }, { formatReport }, { loadReferenceData }] = await Promise.all([
    import('./io/write-outputs.ts'),
    import('./io/cache.ts'),
    import('./io/article-pool.ts'),
    import('./pipeline/run.ts'),
    import('./pipeline/site.ts'),
    import('./pipeline/report.ts'),
    import('./io/reference-data.ts'),
  ]);
  const cache = loadCache(root);
  const pool = articlePool(inputs.articles.length);
  const model = runPipeline({ ...inputs, reference: loadReferenceData() }, cache, pool.workers);
  await pool.close();
  saveCache(root, cache);
  console.log(`briefing: pipeline done (${model.articles.length} articles, ${model.mentions.length} mentions, ${model.statements.length} statements)`);
  progress('pipeline done');

  const pages = pageWriter(root);
  const site = buildSite(model, inputs.settings, pages.write);
  progress('pages built and written');
  const written = writeOutputs(root, model, site, pages.finish());
  progress('written');

  const report = formatReport(model, {
    pagesWritten: written.written,
    pagesUnchanged: written.unchanged,
    pagesRemoved: written.removed,
    siteDiagnostics: [...inputs.settingsDiagnostics, ...site.diagnostics],
    seconds: (performance.now() - started) / 1000,
    cacheHits: cache.hits,
  });
  console.log(report.text);
  writeStamp(root, { key, outputs: outputState(root, written.files), report: report.text, fatal: report.fatal });
  if (report.fatal) process.exitCode = 1;
}

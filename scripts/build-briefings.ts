/**
 * The briefing build (CLI): read content/, run the pipeline stages, write the
 * generated pages into Starlight's docs collection, the knowledge model as
 * JSON, and print a report. This file and scripts/io/ are the only places
 * that touch the file system; every stage in scripts/pipeline/ is pure.
 */
import { performance } from 'node:perf_hooks';
import { readInputs } from './io/read-inputs.ts';
import { writeOutputs } from './io/write-outputs.ts';
import { loadCache, saveCache } from './io/cache.ts';
import { runPipeline } from './pipeline/run.ts';
import { buildSite } from './pipeline/site.ts';
import { formatReport } from './pipeline/report.ts';

const started = performance.now();
const root = new URL('..', import.meta.url);

// CONTENT_DIR lets the tests build a generated corpus (hostile input) through the same script.
const inputs = readInputs(root, process.env.CONTENT_DIR ?? 'content');
console.log(`briefing: read ${inputs.articles.length} article files, ${inputs.registryFiles.length} registry files`);

const cache = loadCache(root);
const model = runPipeline(inputs, cache);
saveCache(root, cache);
console.log(`briefing: pipeline done (${model.articles.length} articles, ${model.mentions.length} mentions, ${model.statements.length} statements)`);

const site = buildSite(model, inputs.settings);
const written = writeOutputs(root, model, site);

const report = formatReport(model, {
  pagesWritten: written.written,
  pagesUnchanged: written.unchanged,
  pagesRemoved: written.removed,
  siteDiagnostics: site.diagnostics,
  seconds: (performance.now() - started) / 1000,
  cacheHits: cache.hits,
});
console.log(report.text);
if (report.fatal) process.exitCode = 1;

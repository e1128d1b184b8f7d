/**
 * One uncached pipeline + buildSite run on a synthetic corpus, for CPU profiling:
 *
 *   npx node --cpu-prof --cpu-prof-dir=/tmp/prof scripts/bench/profile.ts --size 1000
 *   npx node scripts/bench/profile-summary.ts /tmp/prof/<file>.cpuprofile
 *
 * `--only pipeline|site` narrows the run; timings go to stderr.
 */
import { performance } from 'node:perf_hooks';
import { generateCorpus } from './corpus.ts';
import { readSeeds } from './seeds.ts';
import { runPipeline } from '../pipeline/run.ts';
import { buildSite } from '../pipeline/site.ts';
import { loadReferenceData } from '../io/reference-data.ts';

const at = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const size = Number(at('--size') ?? 1000);
const only = at('--only');
const { seeds, registryFiles } = readSeeds(new URL('../../', import.meta.url));
const corpus = generateCorpus({ size, seed: Number(at('--seed') ?? 1), seeds, registryFiles });

let started = performance.now();
// The reference data as the build passes it (scripts/build-briefings.ts), so resolve types names the same way.
const model = runPipeline({ ...corpus.inputs, codeVersion: 'profile', reference: loadReferenceData() });
console.error(`profile: pipeline ${((performance.now() - started) / 1000).toFixed(2)} s`);
if (only !== 'pipeline') {
  started = performance.now();
  const site = buildSite(model, corpus.inputs.settings);
  console.error(`profile: buildSite ${((performance.now() - started) / 1000).toFixed(2)} s, ${site.files.length} files, ${(site.files.reduce((sum, file) => sum + file.source.length, 0) / 2 ** 20).toFixed(1)} MiB MDX`);
}
console.error(`profile: peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);

/**
 * `npm run eval`: builds the knowledge model and the page list of each fixture
 * corpus in-process (as scripts/build-briefings.ts does, without writing pages)
 * and prints how they compare with the corpus's expected.yaml. A report, not a
 * test: it exits 0 unless it crashes. `--json` prints the scores as JSON.
 * Metric definitions: docs/eval.md.
 */
import { readFileSync } from 'node:fs';
import { readInputs } from '../io/read-inputs.ts';
import { loadReferenceData } from '../io/reference-data.ts';
import { runPipeline } from '../pipeline/run.ts';
import { buildSite } from '../pipeline/site.ts';
import { createContext } from '../pipeline/assemble/entity-page.ts';
import { parseExpected } from './expected.ts';
import { scoreCorpus, type Scores } from './metrics.ts';
import { pagePaths } from './pages.ts';
import { formatMisses, formatTable, scoreRows } from './table.ts';

const root = new URL('../../', import.meta.url);

/** Each corpus as its user would build it: the second story with no registry, the seeds with theirs. */
const CORPORA = ['tests/fixtures/second-story', 'tests/fixtures/seed-story'];

function evaluate(contentDir: string): Scores {
  const expectedFile = `${contentDir}/expected.yaml`;
  const expected = parseExpected(readFileSync(new URL(expectedFile, root), 'utf8'), expectedFile);
  const inputs = readInputs(root, contentDir);
  // The reference datasets, as the build passes them.
  const model = runPipeline({ ...inputs, reference: loadReferenceData() });
  const site = buildSite(model, inputs.settings);
  const map = createContext(model).map;
  return scoreCorpus(expected, {
    model,
    pages: pagePaths(site.files.map((file) => file.file)),
    ...(map && { map }),
    registryFiles: inputs.registryFiles.map((file) => file.file),
  });
}

const json = process.argv.includes('--json');
const results = CORPORA.map((contentDir) => ({ contentDir, scores: evaluate(contentDir) }));
if (json) {
  console.log(JSON.stringify(results, null, 1));
} else {
  for (const { contentDir, scores } of results) {
    console.log(formatTable(`${scores.corpus} (${contentDir})`, scoreRows(scores)));
    const misses = formatMisses(scores);
    if (misses) console.log(`\n${misses}`);
    console.log('');
  }
}

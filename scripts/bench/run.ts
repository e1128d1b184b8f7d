/**
 * `npm run bench [-- --sizes 100,1000] [--quick] [--no-stages] [--json out.json]`
 *
 * Benchmarks the briefing pipeline on synthetic corpora (scripts/bench/corpus.ts)
 * of 100, 1,000 and 5,000 articles. Each size runs in its own child process
 * (scripts/bench/measure.ts) so its peak RSS is its own, and prints a table.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SizeResult } from './measure.ts';
import { formatTable, formatStages } from './table.ts';

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
}

const sizes = process.argv.includes('--quick')
  ? [100]
  : (argument('--sizes') ?? '100,1000,5000').split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 0);
const passThrough = process.argv.filter((arg) => arg === '--no-stages');
const seed = argument('--seed');
const measureScript = fileURLToPath(new URL('./measure.ts', import.meta.url));

function measure(size: number): Promise<SizeResult> {
  return new Promise((resolve, reject) => {
    const args = ['--import', 'tsx', measureScript, '--size', String(size), ...passThrough, ...(seed ? ['--seed', seed] : [])];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
      if (code !== 0 || !line) return reject(new Error(`bench: size ${size} failed (exit ${code})\n${out}`));
      resolve(JSON.parse(line.slice('BENCH_RESULT '.length)) as SizeResult);
    });
  });
}

const results: SizeResult[] = [];
for (const size of sizes) {
  console.error(`bench: ${size} articles…`);
  const result = await measure(size);
  results.push(result);
  console.error(`bench: ${size} articles: cold ${result.coldSeconds.toFixed(2)} s, re-run ${result.warmSeconds.toFixed(2)} s, MDX ${result.mdxSeconds.toFixed(2)} s`);
}
console.log(formatTable(results));
const stages = formatStages(results);
if (stages) console.log(`\n${stages}`);
const jsonFile = argument('--json');
if (jsonFile) writeFileSync(jsonFile, JSON.stringify(results, null, 2));

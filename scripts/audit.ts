/**
 * `npm run audit`: Lighthouse 13 on a page of every kind (home, actor, base,
 * event, place, source and the five indexes; the largest of each kind) of
 * dist/, in Debian's Chromium, and a table of the four category scores. Builds
 * first if dist/ is missing. Exits 1 when a score misses its target
 * (scripts/quality/lighthouse.ts), listing the audits that lost points. Slow
 * (a few minutes), so not part of `npm test`.
 *
 * Also weighs the JavaScript each page loads before any interaction (the
 * scripts in Lighthouse's network log, gzipped here) against budgets.json's
 * default js gzip limit (15 KB, issue 16).
 *
 * The site is served with `astro preview` at the origin it was built for
 * (SITE, http://localhost:4321 by default) so canonical URLs match the page.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { kindPages } from './quality/page-kinds.ts';
import { categories, misses, scoreTable, type PageScores } from './quality/lighthouse.ts';
import { siteConfig } from './site-config.mjs';
import type { Budgets } from './quality/budgets.ts';

/** Every kind a reader lands on; the 404 page has nothing to measure. */
const audited = new Set(['home', 'actor', 'base', 'event', 'place', 'source', 'actor index', 'base index', 'event index', 'place index', 'source index']);
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

function childEnv(): NodeJS.ProcessEnv {
  return { ...process.env, NODE_ENV: 'production' };
}

async function waitFor(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`astro preview did not answer at ${url} within ${timeoutMs} ms`);
}

if (!existsSync('dist/index.html')) {
  console.log('dist/ is missing: building the site first (npm run build)…');
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: childEnv() });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const { site, base } = siteConfig(process.env);
const served = new URL(site);
const origin = served.hostname === 'localhost' || served.hostname === '127.0.0.1' ? served.origin : 'http://localhost:4321';
const port = new URL(origin).port || '80';
// --ignore-lock: run beside any other preview server of this project (the e2e suite's, a developer's).
const preview = spawn('npx', ['astro', 'preview', '--ignore-lock', '--host', '127.0.0.1', '--port', port], { env: childEnv(), stdio: 'ignore', detached: true });
const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});

const results: PageScores[] = [];
const jsLimit = (JSON.parse(readFileSync('budgets.json', 'utf8')) as Budgets).default.js?.gzip ?? Number.POSITIVE_INFINITY;
const jsMisses: string[] = [];
let version = '';

/** Gzipped bytes of the scripts a Lighthouse run loaded (the page as loaded, before any interaction). */
async function scriptBytes(lhr: { audits: Record<string, { details?: unknown } | undefined> }): Promise<number> {
  const items = ((lhr.audits['network-requests']?.details as { items?: { url: string; resourceType?: string }[] } | undefined)?.items ?? []).filter(
    (item) => item.resourceType === 'Script',
  );
  let total = 0;
  for (const item of items) total += gzipSync(Buffer.from(await (await fetch(item.url)).arrayBuffer())).length;
  return total;
}
try {
  await waitFor(`${origin}${base}`);
  for (const page of kindPages('dist').filter((page) => audited.has(page.kind))) {
    const url = `${origin}${base}${page.path}`;
    const run = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...categories] });
    if (!run) throw new Error(`Lighthouse returned no result for ${url}`);
    const { lhr } = run;
    version = lhr.lighthouseVersion;
    const scores = Object.fromEntries(
      categories.map((category) => {
        const score = lhr.categories[category]?.score;
        return [category, typeof score === 'number' ? Math.round(score * 100) : null];
      }),
    ) as PageScores['scores'];
    const failing = Object.fromEntries(
      categories.map((category) => [
        category,
        (lhr.categories[category]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0 && typeof lhr.audits[ref.id]?.score === 'number' && lhr.audits[ref.id]!.score! < 1)
          .map((ref) => `${ref.id} (${lhr.audits[ref.id]!.score})`),
      ]),
    );
    results.push({ kind: page.kind, path: page.path, scores, failing });
    const metrics = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift']
      .map((id) => `${lhr.audits[id]?.title ?? id} ${lhr.audits[id]?.displayValue ?? 'n/a'}`)
      .join(', ');
    const js = await scriptBytes(lhr);
    if (js > jsLimit) jsMisses.push(`${page.kind}: ${(js / 1024).toFixed(1)} KB of JavaScript gzipped before interaction, over ${(jsLimit / 1024).toFixed(1)} KB`);
    console.log(`audited ${url}: ${metrics}, JavaScript ${(js / 1024).toFixed(1)} KB gzipped`);
  }
} finally {
  chrome.kill();
  if (preview.pid) {
    try {
      process.kill(-preview.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

console.log(`\nLighthouse ${version}, ${chromePath}, default (mobile, simulated throttling) settings\n`);
console.log(scoreTable(results));
const missed = [...misses(results), ...jsMisses];
if (missed.length > 0) {
  console.log('\nBelow target:');
  for (const miss of missed) console.log(`  ${miss}`);
  console.log('\nAudits that lost points:');
  for (const page of results) {
    for (const category of categories) {
      if ((page.failing[category] ?? []).length > 0) console.log(`  ${page.kind} ${category}: ${page.failing[category]!.join(', ')}`);
    }
  }
  process.exit(1);
}
console.log('\nEvery score meets its target.');

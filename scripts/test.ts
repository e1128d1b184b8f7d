/**
 * `npm test`: the licence check of the production dependencies
 * (scripts/quality/licences.ts, policy in licences.json), unit tests beside
 * whole builds in temp copies of the project (tests/integration/) and the
 * browser tests' sites (tests/e2e/setup/build-sites.ts), then end-to-end
 * tests against the built sites in
 * Debian's Chromium. The browser is never downloaded: we use CHROME_PATH, or
 * Debian's headless shell or full Chromium, installing the shell with apt when
 * running as root (scripts/tools/chromium.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import { HEADLESS_SHELL, findChromium } from './tools/chromium.ts';

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  return result.status ?? 1;
}

/** Runs `command` with its output held back, for `provisionChromium`'s log. */
async function runQuietly(command: string, args: string[], log: string[]): Promise<number> {
  const { code, output } = await runHeldBack(command, args);
  log.push(`$ ${command} ${args.join(' ')}\n${output}`);
  return code;
}

/**
 * The browser for the tests (scripts/tools/chromium.ts): Debian's headless
 * shell, installed with apt when running as root and it is missing (the lists
 * are refreshed only when the first attempt fails), else Debian's full
 * Chromium, installed likewise when there is no browser at all. Runs while
 * the unit tests do; its log is printed afterwards.
 */
async function provisionChromium(log: string[]): Promise<string | undefined> {
  const found = findChromium();
  if (process.env.CHROME_PATH || found === HEADLESS_SHELL || process.getuid?.() !== 0) return found;
  const install = async (pkg: string) =>
    (await runQuietly('apt-get', ['install', '-y', '--no-install-recommends', pkg], log)) === 0 ||
    ((await runQuietly('apt-get', ['update'], log)) === 0 && (await runQuietly('apt-get', ['install', '-y', '--no-install-recommends', pkg], log)) === 0);
  log.push('Installing Debian\'s chromium-headless-shell for the browser tests (apt-get)…');
  if (await install('chromium-headless-shell')) return findChromium();
  if (found) return found;
  log.push('Installing Debian\'s chromium for the browser tests (apt-get)…');
  await install('chromium');
  return findChromium();
}

/** Like `run`, with the output shown as it comes, without blocking the event loop (held-back runs go on collecting). */
function runAsync(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

const licences = run(process.execPath, ['scripts/quality/licences.ts']);
if (licences !== 0) process.exit(licences);

/**
 * Runs in the background with its output held back, printed when it ends: the
 * integration builds (child processes, mostly one core each) overlap the unit
 * tests, which saves about half a minute on two cores without interleaving logs.
 */
function runHeldBack(command: string, args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('close', (code) => resolve({ code: code ?? 1, output: Buffer.concat(chunks).toString('utf8') }));
  });
}

// Integration builds work in throw-away copies of the project, and the browser tests' sites build
// from fixtures into build/, src/generated/ and dist/, which no unit test reads (unit tests that
// build write into temp folders): all three start at once. The browser tests are the longest part
// and wait only for their sites, so building those first keeps the cores busy to the end.
const integrationRun = runHeldBack('npx', ['vitest', 'run', '--project', 'integration']);
const chromiumLog: string[] = [];
const chromiumRun = provisionChromium(chromiumLog);
const sitesRun = runHeldBack(process.execPath, ['tests/e2e/setup/build-sites.ts']);
// Awaited, not run synchronously: the held-back runs' pipes must be drained meanwhile, or a build
// that has written a pipe's 64 KiB (the sites' build logs are about 100 KB) stops until the unit tests end.
const unit = await runAsync('npx', ['vitest', 'run', '--project', 'unit']);
const sites = await sitesRun;
if (unit !== 0) {
  process.stdout.write((await integrationRun).output);
  process.exit(unit);
}
process.stdout.write(sites.output);
if (sites.code !== 0) {
  process.stdout.write((await integrationRun).output);
  process.exit(sites.code);
}

const chromium = await chromiumRun;
if (chromiumLog.length > 0) process.stdout.write(`${chromiumLog.join('\n')}\n`);
if (!chromium) {
  console.error(
    '\nThe browser tests need Chromium and none was found.\n' +
      'Install Debian\'s package (sudo apt-get install -y chromium-headless-shell, or chromium) or set CHROME_PATH to a Chromium binary, then run npm test again.\n',
  );
  process.stdout.write((await integrationRun).output);
  process.exit(1);
}
console.log(`Browser tests in ${chromium}`);

// The browser tests start as soon as their sites are built, beside the integration tests' last
// builds: the suite is CPU-bound, and waiting for the integration tests left a core idle.
const e2e = await runAsync('npx', ['vitest', 'run', '--project', 'e2e'], { ...process.env, CHROME_PATH: chromium, E2E_SITES_BUILT: '1' });
const integration = await integrationRun;
process.stdout.write(`\nIntegration tests (run beside the unit and browser tests):\n${integration.output}`);
process.exit(integration.code !== 0 ? integration.code : e2e);

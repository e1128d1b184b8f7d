/**
 * `npm test`: the licence check of the production dependencies
 * (scripts/quality/licences.ts, policy in licences.json), unit tests beside
 * whole builds in temp copies of the project (tests/integration/) and the
 * browser tests' sites (tests/e2e/setup/build-sites.ts), then end-to-end
 * tests against the built sites in
 * Debian's Chromium. The browser is never downloaded: we use CHROME_PATH or
 * /usr/bin/chromium, and install Debian's package when running as root.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  return result.status ?? 1;
}

function findChromium(): string | undefined {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((candidate): candidate is string => Boolean(candidate && existsSync(candidate)));
}

function provisionChromium(): string | undefined {
  const found = findChromium();
  if (found) return found;
  if (process.getuid?.() !== 0) {
    console.error(
      '\nThe browser tests need Chromium and none was found.\n' +
        'Install Debian\'s package (sudo apt-get install -y chromium) or set CHROME_PATH to a Chromium binary, then run npm test again.\n',
    );
    return undefined;
  }
  console.log('Chromium not found: installing Debian\'s chromium package (apt-get)…');
  if (run('apt-get', ['update']) !== 0) return undefined;
  if (run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium']) !== 0) return undefined;
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
const sitesRun = runHeldBack(process.execPath, ['tests/e2e/setup/build-sites.ts']);
const unit = run('npx', ['vitest', 'run', '--project', 'unit']);
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

const chromium = provisionChromium();
if (!chromium) {
  process.stdout.write((await integrationRun).output);
  process.exit(1);
}

// The browser tests start as soon as their sites are built, beside the integration tests' last
// builds: the suite is CPU-bound, and waiting for the integration tests left a core idle.
const e2e = await runAsync('npx', ['vitest', 'run', '--project', 'e2e'], { ...process.env, CHROME_PATH: chromium, E2E_SITES_BUILT: '1' });
const integration = await integrationRun;
process.stdout.write(`\nIntegration tests (run beside the unit and browser tests):\n${integration.output}`);
process.exit(integration.code !== 0 ? integration.code : e2e);

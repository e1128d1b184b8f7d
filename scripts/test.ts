/**
 * `npm test`: the licence check of the production dependencies
 * (scripts/quality/licences.ts, policy in licences.json), unit tests, then
 * whole builds in temp copies of the project (tests/integration/), then
 * end-to-end tests against the built site in
 * Debian's Chromium. The browser is never downloaded: we use CHROME_PATH or
 * /usr/bin/chromium, and install Debian's package when running as root.
 */
import { spawnSync } from 'node:child_process';
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

const licences = run('npx', ['tsx', 'scripts/quality/licences.ts']);
if (licences !== 0) process.exit(licences);

const unit = run('npx', ['vitest', 'run', '--project', 'unit']);
if (unit !== 0) process.exit(unit);
const integration = run('npx', ['vitest', 'run', '--project', 'integration']);
if (integration !== 0) process.exit(integration);

const chromium = provisionChromium();
if (!chromium) process.exit(1);

process.exit(run('npx', ['vitest', 'run', '--project', 'e2e'], { ...process.env, CHROME_PATH: chromium }));

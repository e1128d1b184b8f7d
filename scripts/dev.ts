/**
 * `npm run dev`: build the briefing pages, start Astro's dev server, and
 * rebuild the pages whenever something under content/ changes. Astro's own
 * watcher then picks up the regenerated pages, so an editor sees a new article
 * without restarting anything.
 */
import { spawn, spawnSync } from 'node:child_process';
import { watch } from 'node:fs';

function buildBriefings(): void {
  spawnSync('npx', ['tsx', 'scripts/build-briefings.ts'], { stdio: 'inherit' });
}

buildBriefings();

const astro = spawn('npx', ['astro', 'dev', ...process.argv.slice(2)], { stdio: 'inherit' });
astro.on('exit', (code) => process.exit(code ?? 0));

let timer: NodeJS.Timeout | undefined;
watch('content', { recursive: true }, (_event, file) => {
  clearTimeout(timer);
  timer = setTimeout(() => {
    console.log(`\ncontent changed (${file ?? 'unknown file'}): rebuilding briefing pages…`);
    buildBriefings();
  }, 300);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    astro.kill(signal);
    process.exit(0);
  });
}

/**
 * `npm run dev`: build the briefing pages, start Astro's dev server, and
 * rebuild the pages whenever something under content/ changes (added, edited,
 * deleted or renamed, also when saved by rename: see scripts/io/watch-content.ts).
 * Astro's own watcher then picks up the regenerated pages, so an editor sees a
 * new article without restarting anything.
 */
import { spawn, spawnSync } from 'node:child_process';
import { watchContent } from './io/watch-content.ts';

function buildBriefings(): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/build-briefings.ts'], { stdio: 'inherit' });
    child.on('close', () => resolve());
  });
}

spawnSync(process.execPath, ['scripts/build-briefings.ts'], { stdio: 'inherit' });

const astro = spawn('npx', ['astro', 'dev', ...process.argv.slice(2)], { stdio: 'inherit' });
astro.on('exit', (code) => process.exit(code ?? 0));

const watcher = watchContent(process.env.CONTENT_DIR ?? 'content', buildBriefings, {
  onChange: (paths) => console.log(`\ncontent changed (${paths.slice(0, 3).join(', ')}${paths.length > 3 ? ', …' : ''}): rebuilding briefing pages…`),
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    astro.kill(signal);
    void watcher.close().finally(() => process.exit(0));
  });
}

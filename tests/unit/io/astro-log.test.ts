import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyAstroLine, runAstroQuietly } from '../../../scripts/io/astro-log.ts';
import { createProgress } from '../../../scripts/io/progress.ts';
import { quietViteWarning } from '../../../scripts/vite-warnings.mjs';

describe("Astro's build output", () => {
  it('page lines become progress, step narration is chatter', () => {
    expect(classifyAstroLine('21:50:21   ├─ /places/tartus/index.html (+68ms) ')).toEqual([{ kind: 'page' }]);
    expect(classifyAstroLine('\x1b[2m21:50:21\x1b[22m   └─ /sources/index.html (+8ms)')).toEqual([{ kind: 'page' }]);
    for (const line of ['21:51:13 [build] output: "static"', '21:51:21 [vite] ✓ built in 7.44s', ' generating static routes ', '21:51:26 ✓ Completed in 3.99s.', '21:51:28 [@astrojs/sitemap] `sitemap-index.xml` created at `dist`']) {
      expect(classifyAstroLine(line).map((item) => item.kind)).toEqual(['chatter']);
    }
    expect(classifyAstroLine('   ')).toEqual([]);
  });

  it('counts the pages an incremental build reused rather than rendered', () => {
    expect(classifyAstroLine('21:50:21   ├─ /sources/a-1/index.html (restored)')).toEqual([{ kind: 'page', reused: true }]);
    expect(classifyAstroLine('\x1b[2m21:50:21\x1b[22m   ├─ /actors/x/index.html \x1b[32m(cached)\x1b[39m')).toEqual([{ kind: 'page', reused: true }]);
    expect(classifyAstroLine('21:50:21   ├─ /sources/a-1/index.html (+12ms)')).toEqual([{ kind: 'page' }]);
  });

  it("keeps Starlight's two warnings about its optional content (translations, its 404 page) out of the messages", () => {
    const i18n = '21:51:22 [WARN] [content] The collection "i18n" does not exist or is empty. Please check your content config file for errors.';
    expect(classifyAstroLine(i18n)).toEqual([{ kind: 'chatter', text: i18n }]);
    expect(classifyAstroLine('21:51:22   ├─ /404.html21:51:23 [WARN] [content] Entry docs → 404 was not found.')).toEqual([
      { kind: 'page' },
      { kind: 'chatter', text: '21:51:23 [WARN] [content] Entry docs → 404 was not found.' },
    ]);
  });

  it('counts every page of a line where pages rendering at once interleave (parallel prerendering)', () => {
    expect(classifyAstroLine('00:21:49   ├─ /404.html00:21:49   ├─ /feed.xml (+57ms) ')).toEqual([{ kind: 'page' }, { kind: 'page' }]);
    expect(classifyAstroLine('\x1b[2m00:21:49\x1b[22m   ├─ /a/index.html\x1b[2m00:21:49\x1b[22m   ├─ /b/index.html \x1b[32m(cached)\x1b[39m')).toEqual([{ kind: 'page' }, { kind: 'page', reused: true }]);
    expect(classifyAstroLine('00:21:49   ├─ /a/index.html (+3ms)   ├─ /b/index.html00:21:50 [WARN] [content] Entry docs → x was not found.')).toEqual([
      { kind: 'page' },
      { kind: 'page' },
      { kind: 'message', text: '00:21:50 [WARN] [content] Entry docs → x was not found.' },
    ]);
  });

  it('warnings, errors and unknown lines are messages, also when glued to a page line', () => {
    expect(classifyAstroLine('21:51:22 [WARN] [content] The collection "docs" does not exist or is empty.')).toEqual([
      { kind: 'message', text: '21:51:22 [WARN] [content] The collection "docs" does not exist or is empty.' },
    ]);
    expect(classifyAstroLine('21:51:22   ├─ /404.html21:51:23 [WARN] [content] Entry docs → actors was not found.')).toEqual([
      { kind: 'page' },
      { kind: 'message', text: '21:51:23 [WARN] [content] Entry docs → actors was not found.' },
    ]);
    expect(classifyAstroLine('    at renderPage (file:///x/node_modules/astro/dist/core/render.js:10:5)')[0]!.kind).toBe('message');
    expect(classifyAstroLine('12:00:00 [build] error: something failed')[0]!.kind).toBe('message');
  });
});

describe('the Vite warning filter', () => {
  const passed = (warning: { code?: string; message?: string }) => {
    const out: unknown[] = [];
    quietViteWarning(warning, (w) => out.push(w));
    return out.length === 1;
  };
  it('drops exactly the "use astro:head-inject" directive warning', () => {
    expect(passed({ code: 'MODULE_LEVEL_DIRECTIVE', message: 'The semantics of the module level directive "use astro:head-inject" in "src/content/docs/x.mdx?astroPropagatedAssets" may not be preserved when bundling.' })).toBe(false);
  });
  it('passes every other warning, including other directives', () => {
    expect(passed({ code: 'MODULE_LEVEL_DIRECTIVE', message: 'The semantics of the module level directive "use client" in "src/x.ts" may not be preserved.' })).toBe(true);
    expect(passed({ code: 'CIRCULAR_DEPENDENCY', message: 'Circular dependency "use astro:head-inject"' })).toBe(true);
    expect(passed({ message: 'plain' })).toBe(true);
  });
});

describe('runAstroQuietly', () => {
  it('keeps the whole log, colours removed, in the file it is given, and shows only messages', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'astro-log-'));
    const log = join(directory, 'astro.log');
    let shown = '';
    const progress = createProgress({ write: (text) => (shown += text), interactive: false, prefix: 'test' });
    const script = `console.log('\\x1b[2m21:51:13\\x1b[22m [build] ✓ Completed in 1.5s.'); console.log('  ├─ /a/index.html (+8ms)'); console.error('a plugin says hello')`;
    const result = await runAstroQuietly(process.execPath, ['-e', script], { cwd: directory, env: process.env, log }, progress);
    expect(result).toEqual({ status: 0, pages: 1, reused: 0 });
    expect(shown.trim()).toBe('a plugin says hello');
    expect(readFileSync(log, 'utf8').split('\n').sort()).toEqual(['', '  ├─ /a/index.html (+8ms)', '21:51:13 [build] ✓ Completed in 1.5s.', 'a plugin says hello']);
    rmSync(directory, { recursive: true, force: true });
  });
});

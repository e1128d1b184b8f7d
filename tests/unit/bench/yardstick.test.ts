import { describe, expect, it } from 'vitest';
import { figuresByKind, pageKind, REPEAT_SHINGLE, type BareResult, type SiteResult } from '../../../scripts/bench/site-figures.ts';
import { formatKindTable, formatPhaseTable, formatRatio, formatYardstickTable } from '../../../scripts/bench/table.ts';
import { childCpuSeconds, ownCpuSeconds, runMeasured } from '../../../scripts/bench/process-tree.ts';
import { astroPhases, briefingPhases } from '../../../scripts/bench/site-figures.ts';

function build(seconds: number, rss: number) {
  return { pipeline: { seconds: seconds / 2, peakRssMiB: rss }, astroSeconds: seconds / 3, pagefindSeconds: seconds / 6, totalSeconds: seconds, cpuSeconds: seconds * 1.5, peakRssMiB: rss };
}

function site(size: number, seconds: number, distBytes: number, bare?: Partial<BareResult>): SiteResult {
  const pages = size + 421;
  return {
    size,
    pages,
    full: build(seconds, 2000),
    rebuild: build(1, 100),
    distMiB: distBytes / 2 ** 20,
    distBytes,
    indexMiB: 1,
    mdxMiB: 1,
    bare: bare && { pages, seconds: 50, cpuSeconds: 60, astroSeconds: 35, pagefindSeconds: 15, peakRssMiB: 1000, distBytes: pages * 20 * 1024, words: 1, ...bare },
  };
}

describe('formatRatio', () => {
  it('divides and prints two decimals with a times sign', () => {
    expect(formatRatio(144.6, 76.6)).toBe('1.89×');
    expect(formatRatio(55, 50)).toBe('1.10×');
    expect(formatRatio(1, 3)).toBe('0.33×');
  });

  it('says n/a instead of dividing by zero or by a missing figure', () => {
    expect(formatRatio(10, 0)).toBe('n/a');
    expect(formatRatio(10, Number.NaN)).toBe('n/a');
    expect(formatRatio(Number.POSITIVE_INFINITY, 2)).toBe('n/a');
  });
});

describe('formatYardstickTable', () => {
  it('prints both builds, wall and CPU ratios with their target at 5,000 articles, and page weight and memory ratios', () => {
    const text = formatYardstickTable([site(1000, 75, 1421 * 30 * 1024, {}), site(5000, 54, 5421 * 50 * 1024, {})])!;
    const rows = text.split('\n');
    const small = rows.find((row) => row.startsWith('1000 '))!;
    expect(small).toContain('1421/1421');
    expect(small).toMatch(/ 75\.0\/50\.0 +1\.50× +112\.5\/60\.0 +1\.88× /); // no target mark below 5,000 articles
    expect(small).toMatch(/30\.0\/20\.0 +1\.50× ok/);
    expect(small).toMatch(/2000\/1000 +2\.00×$/);
    const large = rows.find((row) => row.startsWith('5000 '))!;
    expect(large).toMatch(/ 1\.08× ok +81\.0\/60\.0 +1\.35× MISS /);
    expect(large).toMatch(/50\.0\/20\.0 +2\.50× MISS/);
  });

  it('prints a dash where a CPU time could not be read', () => {
    const result = site(200, 30, 1000, { cpuSeconds: undefined });
    expect(formatYardstickTable([result])).toMatch(/^200 .* 30\.0\/50\.0 +0\.60× +- +- /m);
  });

  it('marks a time ratio over 1.10 at 5,000 articles as a miss', () => {
    const text = formatYardstickTable([site(5000, 144.6, 5421 * 20 * 1024, { seconds: 76.6 })])!;
    expect(text).toMatch(/^5000 .* 144\.6\/76\.6 +1\.89× MISS /m);
  });

  it('leaves sizes without a bare build out, and prints nothing when none has one', () => {
    expect(formatYardstickTable([site(100, 10, 1000)])).toBeUndefined();
    const text = formatYardstickTable([site(100, 10, 1000), site(200, 20, 2000, {})])!;
    expect(text).not.toMatch(/^100 /m);
    expect(text).toMatch(/^200 /m);
  });
});

describe('pageKind', () => {
  it('names a page by its first folder, its folder index, the home page or other', () => {
    expect(pageKind('index.html')).toBe('home');
    expect(pageKind('404.html')).toBe('other');
    expect(pageKind('actors/index.html')).toBe('actors index');
    expect(pageKind('actors/vladimir-putin/index.html')).toBe('actors');
    expect(pageKind('/sources/000_abc/index.html')).toBe('sources');
  });
});

describe('figuresByKind', () => {
  const passage = 'the minister said the convoy would cross the river at dawn on monday';
  const html = [
    { path: 'sources/a/index.html', bytes: 1000 },
    { path: 'sources/b/index.html', bytes: 3000 },
    { path: 'actors/x/index.html', bytes: 500 },
    { path: 'index.html', bytes: 200 },
  ];
  const indexed = [
    { url: '/sources/a/', content: `Opening words here. ${passage}. Closing words.` },
    { url: '/sources/b/', content: 'Entirely different text about grain prices and ships in the harbour' },
    // The actor page quotes the passage (with other case and punctuation) and adds four words of its own.
    { url: '/actors/x/', content: `Quoted: “${passage.toUpperCase()}” — Source A` },
    { url: '/', content: 'three words only' },
  ];

  it('adds pages, bytes and indexed words per kind, largest first', () => {
    const figures = figuresByKind(html, indexed);
    expect(figures.map((f) => f.kind)).toEqual(['sources', 'actors', 'home']);
    expect(figures[0]).toMatchObject({ pages: 2, htmlBytes: 4000, repeatedWords: 0 });
    expect(figures[2]).toMatchObject({ pages: 1, htmlBytes: 200, indexedWords: 3, repeatedWords: 0 });
  });

  it('counts the words of another page that a source page already holds as indexed twice', () => {
    const actor = figuresByKind(html, indexed).find((f) => f.kind === 'actors')!;
    const passageWords = passage.split(' ').length;
    expect(passageWords).toBeGreaterThan(REPEAT_SHINGLE);
    expect(actor.indexedWords).toBe(passageWords + 3); // "Quoted", "Source", "A"
    expect(actor.repeatedWords).toBe(passageWords);
  });

  it('does not count a shared phrase shorter than a shingle', () => {
    const short = [indexed[0]!, { url: '/actors/x/', content: 'the convoy would cross the river today' }];
    expect(figuresByKind([], short).find((f) => f.kind === 'actors')!.repeatedWords).toBe(0);
  });

  it('prints a table with a total row and the twice share', () => {
    const text = formatKindTable(figuresByKind(html, indexed));
    expect(text).toMatch(/^actors +1 .* 81 %$/m); // 13 of 16 words
    expect(text).toMatch(/^all +4 /m);
  });
});

describe('childCpuSeconds', () => {
  it('reads cutime + cstime after the command name, whatever the name holds', () => {
    // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime …
    const stat = '4242 (sh (x) y) S 1 4242 4242 0 -1 4194560 100 2000 0 0 3 4 1234 567 20 0 1 0 99 1 1';
    expect(childCpuSeconds(stat)).toBeCloseTo(18.01, 5);
    expect(childCpuSeconds(stat, 1000)).toBeCloseTo(1.801, 5);
    expect(childCpuSeconds('garbage')).toBeUndefined();
    expect(ownCpuSeconds(stat)).toBeCloseTo(0.07, 5);
    expect(ownCpuSeconds('garbage')).toBeUndefined();
  });
});

describe('runMeasured', () => {
  it('counts the CPU of a child its parent never waited for', async () => {
    // The child burns 0.6 s of CPU by its own measure. The parent blocks its event loop (so it never
    // reaps the child) until the child has exited, then exits itself: the child's CPU is in no
    // waited-for total, as with a build that leaves its Pagefind binary unreaped.
    const child = 'const t = process.cpuUsage(); while (process.cpuUsage(t).user + process.cpuUsage(t).system < 600000);';
    const parent = `
      const { spawn } = require('node:child_process');
      const { readFileSync } = require('node:fs');
      const busy = spawn(process.execPath, ['-e', ${JSON.stringify(child)}]);
      const state = () => { try { return readFileSync('/proc/' + busy.pid + '/stat', 'utf8').split(') ')[1][0]; } catch { return 'X'; } };
      const pause = new Int32Array(new SharedArrayBuffer(4));
      for (let waited = 0; state() !== 'Z' && state() !== 'X' && waited < 60000; waited += 50) Atomics.wait(pause, 0, 0, 50);
      // Long enough for a sample of the exited child.
      Atomics.wait(pause, 0, 0, 300);
      process.exit(0);`;
    const step = await runMeasured(['-e', parent], process.cwd());
    expect(step.exitCode).toBe(0);
    expect(step.cpuSeconds).toBeGreaterThanOrEqual(0.6);
  }, 90_000);
});

describe('build logs', () => {
  const astroLog = [
    '21:44:18 [types] Generated 7.89s',
    '21:44:18 [build] ✓ Completed in 9.31s.',
    '21:44:26 [vite] ✓ built in 7.49s',
    '21:44:26 [vite] ✓ built in 277ms',
    ' generating static routes ',
    '21:44:40 ✓ Completed in 13.04s.',
    '21:44:40 [build] ✓ Completed in 21.74s.',
    '21:44:40 [build] 521 page(s) built in 31.24s',
  ].join('\n');

  it('reads Astro’s setup, bundle and render times, in seconds or milliseconds', () => {
    const phases = astroPhases(astroLog);
    expect(phases.setup).toBe(9.31);
    expect(phases.bundle).toBeCloseTo(7.767, 5);
    expect(phases.render).toBe(13.04);
    expect(phases.total).toBe(31.24);
    expect(astroPhases('nothing built')).toEqual({});
  });

  it('reads durations over a minute as Astro writes them', () => {
    const long = astroLog.replace('✓ Completed in 13.04s.', '✓ Completed in 1m 7s.').replace('built in 31.24s', 'built in 2m');
    expect(astroPhases(long).render).toBe(67);
    expect(astroPhases(long).total).toBe(120);
    expect(astroPhases(astroLog.replace('Completed in 9.31s', 'Completed in 1m 2.5s')).setup).toBe(62.5);
  });

  it('reads the briefing build’s progress lines', () => {
    const log = 'briefing: pipeline done at 23.5 s, RSS 500 MiB\nbriefing: pages built and written at 27.8 s, RSS\nbriefing: written at 27.9 s, RSS';
    expect(briefingPhases(log)).toEqual({ pipelineDone: 23.5, pagesDone: 27.8, writtenDone: 27.9 });
  });

  it('tabulates each phase with its share of its build, the bare build beside the project', () => {
    const result = site(500, 100, 1000, {});
    result.full.pipeline.seconds = 30;
    result.full.briefingPhases = { pipelineDone: 20, pagesDone: 27, writtenDone: 28 };
    result.full.astroPhases = astroPhases(astroLog);
    result.full.astroSeconds = 40;
    result.full.pagefindSeconds = 30;
    result.bare!.astroPhases = { setup: 5, bundle: 5, render: 20 };
    const text = formatPhaseTable([result])!;
    expect(text).toMatch(/^briefing: read, load, pipeline, cache +20\.0 \(20 %\) +- *$/m);
    expect(text).toMatch(/^briefing: page models, MDX\/HTML, page writes +7\.0 \(7 %\)/m);
    expect(text).toMatch(/^briefing: start-up, report, stamp +2\.0 \(2 %\)/m);
    expect(text).toMatch(/^Astro: render pages +13\.0 \(13 %\) +20\.0 \(40 %\)$/m);
    expect(text).toMatch(/^Astro: start-up, build stamp, rest +9\.9 \(10 %\) +5\.0 \(10 %\)$/m);
    expect(text).toMatch(/^Pagefind +30\.0 \(30 %\) +15\.0 \(30 %\)$/m);
    expect(formatPhaseTable([site(100, 10, 10)])).toBeUndefined();
  });
});

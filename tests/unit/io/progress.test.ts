import { describe, expect, it } from 'vitest';
import { createProgress, isInteractive } from '../../../scripts/io/progress.ts';

const capture = (interactive: boolean) => {
  let out = '';
  const progress = createProgress({ prefix: 'briefing', interactive, write: (text) => void (out += text) });
  return { progress, output: () => out };
};

describe('build progress', () => {
  it('in CI: one plain line per phase start and end, no control characters', () => {
    const { progress, output } = capture(false);
    progress.start('pipeline');
    for (let i = 1; i <= 500; i++) progress.tick(i, 500);
    progress.end('500 articles');
    progress.start('pages');
    progress.end();
    const lines = output().trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('briefing: pipeline…');
    expect(lines[1]).toMatch(/^briefing: pipeline: 500 articles, done in \d+\.\d s$/);
    expect(lines[3]).toMatch(/^briefing: pages: done in \d+\.\d s$/);
    expect(output()).not.toMatch(/[\r\x1b]/);
  });

  it('on a terminal: one line rewritten in place, left with the result', () => {
    const { progress, output } = capture(true);
    progress.start('pages');
    progress.tick(1, 3);
    progress.end('3 pages');
    const text = output();
    expect(text.split('\n').filter(Boolean)).toHaveLength(1);
    expect(text).toContain('\r\x1b[2K');
    expect(text.endsWith('\n')).toBe(true);
    expect(text.slice(text.lastIndexOf('\r\x1b[2K') + 5)).toMatch(/^briefing: pages: 3 pages, done in \d+\.\d s\n$/);
  });

  it('prints each warning once', () => {
    const { progress, output } = capture(false);
    expect(progress.warn('warning content/articles/a.html:3: no date')).toBe(true);
    expect(progress.warn('warning content/articles/a.html:3: no date')).toBe(false);
    progress.warn('warning content/articles/b.html:1: empty');
    expect(output().trimEnd().split('\n')).toEqual(['warning content/articles/a.html:3: no date', 'warning content/articles/b.html:1: empty']);
  });

  it('is plain when CI is set or stdout is not a terminal', () => {
    expect(isInteractive({ isTTY: true }, {})).toBe(true);
    expect(isInteractive({ isTTY: true }, { CI: 'true' })).toBe(false);
    expect(isInteractive({ isTTY: true }, { CI: 'false' })).toBe(true);
    expect(isInteractive({ isTTY: false }, {})).toBe(false);
    expect(isInteractive({}, {})).toBe(false);
  });
});

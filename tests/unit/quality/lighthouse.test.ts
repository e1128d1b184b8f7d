import { describe, expect, it } from 'vitest';
import { misses, scoreTable, type PageScores } from '../../../scripts/quality/lighthouse.ts';

const page = (kind: string, performance: number | null, accessibility = 100): PageScores => ({
  kind,
  path: `${kind}s/x/`,
  scores: { performance, accessibility, 'best-practices': 100, seo: 100 },
  failing: {},
});

describe('Lighthouse targets', () => {
  it('passes performance 95 and 100 elsewhere', () => {
    expect(misses([page('actor', 95)])).toEqual([]);
  });

  it('names each page and category below target, and an unscored category', () => {
    expect(misses([page('actor', 94), page('base', 100, 98), page('event', null)])).toEqual([
      'actor performance 94 < 95',
      'base accessibility 98 < 100',
      'event performance n/a < 95',
    ]);
  });

  it('prints one aligned row per page', () => {
    const table = scoreTable([page('home', 99), page('source', 100)]).split('\n');
    expect(table).toHaveLength(4);
    expect(table[0]).toMatch(/^\| page +\| path +\| performance \| accessibility \| best practices \| SEO \|$/);
    expect(table[2]).toContain('| home ');
    expect(new Set(table.map((line) => line.length)).size).toBe(1);
  });
});

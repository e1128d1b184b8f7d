import { describe, expect, it } from 'vitest';
import { figuresByKind, pageKind, REPEAT_SHINGLE, type BareResult, type SiteResult } from '../../../scripts/bench/site-figures.ts';
import { formatKindTable, formatRatio, formatYardstickTable } from '../../../scripts/bench/table.ts';

function build(seconds: number, rss: number) {
  return { pipeline: { seconds: seconds / 2, peakRssMiB: rss }, astroSeconds: seconds / 3, pagefindSeconds: seconds / 6, totalSeconds: seconds, peakRssMiB: rss };
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
    bare: bare && { pages, seconds: 50, astroSeconds: 35, pagefindSeconds: 15, peakRssMiB: 1000, distBytes: pages * 20 * 1024, words: 1, ...bare },
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
  it('prints both builds, the time ratio with its target at 5,000 articles, and page weight and memory ratios', () => {
    const text = formatYardstickTable([site(1000, 75, 1421 * 30 * 1024, {}), site(5000, 54, 5421 * 50 * 1024, {})])!;
    const rows = text.split('\n');
    const small = rows.find((row) => row.startsWith('1000 '))!;
    expect(small).toContain('1421/1421');
    expect(small).toContain('50.0 (35.0 + 15.0)');
    expect(small).toMatch(/ 1\.50× /); // no target mark below 5,000 articles
    expect(small).toMatch(/30\.0 +20\.0 +1\.50× ok/);
    expect(small).toMatch(/2000\/1000 +2\.00×$/);
    const large = rows.find((row) => row.startsWith('5000 '))!;
    expect(large).toMatch(/ 1\.08× ok /);
    expect(large).toMatch(/50\.0 +20\.0 +2\.50× MISS/);
  });

  it('marks a time ratio over 1.10 at 5,000 articles as a miss', () => {
    const text = formatYardstickTable([site(5000, 144.6, 5421 * 20 * 1024, { seconds: 76.6 })])!;
    expect(text).toMatch(/^5000 .* 1\.89× MISS /m);
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

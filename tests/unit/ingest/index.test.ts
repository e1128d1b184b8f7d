import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articleHash, dedupeSlugs, ingestArticle, parseSources } from '../../../scripts/pipeline/ingest/index.ts';
import { SEED_FILES, encode, seedBytes } from './seeds.ts';

const ingestSeed = (name: string, withSources = false) => {
  const sources = withSources
    ? parseSources(readFileSync(new URL('../../fixtures/seed-story/sources.yaml', import.meta.url), 'utf8'), 'content/sources.yaml').entries
    : {};
  const source = sources[name];
  return ingestArticle({ file: `content/articles/${name}`, bytes: seedBytes(name), ...(source ? { source } : {}) });
};

describe('ingestArticle on the seeds', () => {
  it('ingests every seed with zero errors, with and without sources.yaml', () => {
    for (const name of SEED_FILES) {
      for (const withSources of [false, true]) {
        const { article, diagnostics } = ingestSeed(name, withSources);
        expect(article, name).not.toBeNull();
        expect(diagnostics.filter((d) => d.severity === 'error'), name).toEqual([]);
        expect(article!.blocks.length).toBeGreaterThan(5);
      }
    }
  });

  it('002 without a sources entry: slug, headline title and dateline date', () => {
    const { article } = ingestSeed('002_e060aad4f616cf48.txt');
    expect(article!.slug).toBe('002-e060aad4f616cf48');
    expect(article!.file).toBe('content/articles/002_e060aad4f616cf48.txt');
    expect(article!.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(article!.meta).toMatchObject({
      title: 'Putin to host Syria’s self-proclaimed president as Russia quietly withdraws troops',
      published: { precision: 'day', start: '2026-01-27', end: '2026-01-27', label: '27 January 2026' },
      provenance: { title: 'headline', published: 'dateline' },
    });
    expect(article!.diagnostics).toEqual([]);
  });

  it('warns about a missing date when neither sources.yaml nor the text gives one', () => {
    const { diagnostics } = ingestSeed('003_dbdebd384bef066e.txt');
    expect(diagnostics.map((d) => d.code)).toEqual(['article/no-date']);
  });

  it('uses sources.yaml metadata when given', () => {
    const { article } = ingestSeed('004_bee40c1e7e62989b.txt', true);
    expect(article!.meta).toMatchObject({
      title: 'Al‑Sharaa’s Moscow Visit Shows Russia Adapting to Assad’s Fall',
      author: 'Global Geopolitics',
      published: { precision: 'month', start: '2025-10-01', end: '2025-10-31' },
      provenance: { title: 'headline', author: 'sources.yaml', published: 'sources.yaml' },
    });
    expect(ingestSeed('001_61cb9f6024de31c1.txt', true).article!.meta.published?.start).toBe('2026-01-28');
  });

  it('is deterministic, and the hash changes with the metadata', () => {
    const a = ingestSeed('000_414b01a22b4b9160.txt');
    const b = ingestSeed('000_414b01a22b4b9160.txt');
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const bytes = seedBytes('000_414b01a22b4b9160.txt');
    expect(articleHash(bytes, undefined)).not.toBe(articleHash(bytes, { published: '2026-01-29' }));
    expect(articleHash(bytes, { published: '2026-01-29', outlet: 'X' })).toBe(articleHash(bytes, { outlet: 'X', published: '2026-01-29' }));
  });
});

describe('ingestArticle on unreadable or empty input', () => {
  it('returns null with an article/binary error for binary input', () => {
    const { article, diagnostics } = ingestArticle({ file: 'content/articles/x.txt', bytes: new Uint8Array([0, 1, 2, 0]) });
    expect(article).toBeNull();
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'article/binary', severity: 'error' })]);
  });

  it('returns null with article/empty at line 1 for an empty file', () => {
    const { article, diagnostics } = ingestArticle({ file: 'content/articles/e.txt', bytes: encode('\n\n  \n') });
    expect(article).toBeNull();
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'article/empty', severity: 'error', file: 'content/articles/e.txt', line: 1 })]);
  });

  it('returns null with article/empty for boilerplate only, naming what was removed', () => {
    const { article, diagnostics } = ingestArticle({ file: 'b.txt', bytes: encode('Photo: TASS\nShare on social media\nLeave a comment\n') });
    expect(article).toBeNull();
    expect(diagnostics[0]).toMatchObject({ code: 'article/empty', line: 1 });
    expect(diagnostics[0]!.message).toContain('photo-credit');
  });

  it('ingests CRLF + BOM text with the same result as LF text', () => {
    const lf = 'A Headline Here\n\nFirst paragraph of the story.\nSecond paragraph.\n';
    const crlf = new Uint8Array([0xef, 0xbb, 0xbf, ...encode(lf.replace(/\n/g, '\r\n'))]);
    const a = ingestArticle({ file: 'a.txt', bytes: encode(lf) }).article!;
    const b = ingestArticle({ file: 'a.txt', bytes: crlf }).article!;
    expect(b.blocks).toEqual(a.blocks);
    expect(b.meta.title).toBe('A Headline Here');
  });

  it('keeps the article but reports invalid UTF-8 with its line', () => {
    const bytes = new Uint8Array([...encode('Title Of Story\nGood line.\nBad '), 0xc3, 0x28, ...encode(' line.\n')]);
    const { article, diagnostics } = ingestArticle({ file: 'u.txt', bytes });
    expect(article!.blocks.map((b) => b.text)).toEqual(['Good line.', 'Bad \uFFFD( line.']);
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'article/invalid-utf8', line: 3 }));
  });

  it('reads .md frontmatter, reports a broken one with its line, and keeps body line numbers', () => {
    const good = ingestArticle({ file: 'g.md', bytes: encode('---\ntitle: From Front\ndate: 2026-01-28\n---\nBody paragraph here.\n') }).article!;
    expect(good.meta).toMatchObject({ title: 'From Front', published: { start: '2026-01-28' }, provenance: { title: 'frontmatter' } });
    expect(good.blocks).toEqual([{ kind: 'paragraph', text: 'Body paragraph here.', line: 5 }]);

    const { article, diagnostics } = ingestArticle({ file: 'content/articles/b.md', bytes: encode('---\ntitle: ok\ndate: [2026\n---\nThe body still ingests.\n') });
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'article/frontmatter', file: 'content/articles/b.md', line: 3 }));
    expect(article!.blocks).toEqual([{ kind: 'paragraph', text: 'The body still ingests.', line: 5 }]);
  });
});

describe('dedupeSlugs', () => {
  it('suffixes later duplicates by file order, with a warning', () => {
    const md = ingestArticle({ file: 'content/articles/x.md', bytes: encode('Some text here.') }).article!;
    const txt = ingestArticle({ file: 'content/articles/x.txt', bytes: encode('Some text here.') }).article!;
    const other = { ...txt, file: 'content/articles/x-2.txt', slug: 'x-2' };
    const result = dedupeSlugs([txt, md, other]);
    expect(result.map((a) => a.slug)).toEqual(['x-3', 'x', 'x-2']);
    expect(result[0]!.diagnostics).toContainEqual(expect.objectContaining({ code: 'article/duplicate-slug', severity: 'warning', file: 'content/articles/x.txt' }));
    expect(result[1]).toBe(md);
  });
});

/** Issue 12, "messages": repaired input is kept and named by line; one bad YAML entry costs only itself. */
import { describe, expect, it } from 'vitest';
import { decodeArticleBytes, sniffUtf16 } from '../../../scripts/pipeline/ingest/decode.ts';
import { splitFrontmatter } from '../../../scripts/pipeline/ingest/frontmatter.ts';
import { articleSlug, dedupeSlugs, ingestArticle } from '../../../scripts/pipeline/ingest/index.ts';
import { parseSources } from '../../../scripts/pipeline/ingest/sources.ts';
import { runPipeline } from '../../../scripts/pipeline/run.ts';
import { encode } from './seeds.ts';

const utf16 = (text: string, order: 'le' | 'be', bom: boolean): Uint8Array => {
  const units = [...(bom ? '\uFEFF' : ''), ...text].join('');
  const bytes = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const code = units.charCodeAt(i);
    bytes[2 * i + (order === 'le' ? 0 : 1)] = code & 0xff;
    bytes[2 * i + (order === 'le' ? 1 : 0)] = code >> 8;
  }
  return bytes;
};

const ARTICLE = 'Headline here\n\nJAN 27, 2026\n\nPutin met Sharaa in Moscow, officials said. Türkiye watched.\n';

describe('control characters in article text', () => {
  it('keeps an article with a NUL byte on line 5, removes the byte and names the line', () => {
    const bytes = encode('one\ntwo\nthree\nfour\nfi\u0000ve\nsix\n');
    const { text, diagnostics } = decodeArticleBytes(bytes, 'content/articles/a.txt');
    expect(text).toBe('one\ntwo\nthree\nfour\nfive\nsix\n');
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'article/control-characters', severity: 'warning', line: 5 })]);
    expect(diagnostics[0]!.message).toContain('content/articles/a.txt:5');
    expect(diagnostics[0]!.message).toContain('NUL');
  });

  it('names every line that held a control character (bell, escape, DEL, C1, U+FFFE), across CRLF line ends', () => {
    const { text, diagnostics } = decodeArticleBytes(encode('a\u0007\r\nb\r\nc\u001b[0m\r\nd\u007f \u0085 \uFFFE\n'), 'x.txt');
    expect(text).toBe('a\nb\nc[0m\nd  \n');
    expect(diagnostics[0]).toMatchObject({ line: 1 });
    expect(diagnostics[0]!.message).toMatch(/5 control character\(s\) .* on line\(s\) 1, 3, 4;/);
  });

  it('builds the article: ingest keeps it and reports the line', () => {
    const result = ingestArticle({ file: 'content/articles/nul.txt', bytes: encode(ARTICLE.replace('officials', 'offi\u0000cials')) });
    expect(result.article?.blocks.map((block) => block.text).join(' ')).toContain('officials said');
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'article/control-characters', line: 5 })]);
  });

  it('still refuses a file that is mostly control bytes, or random bytes', () => {
    const random = new Uint8Array(4096).map((_, index) => (index * 7919) % 256);
    for (const bytes of [random, new Uint8Array(64).fill(1), new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0])]) {
      expect(decodeArticleBytes(bytes, 'b.txt').diagnostics.map((d) => d.code)).toEqual(['article/binary']);
    }
  });
});

describe('UTF-16', () => {
  for (const order of ['le', 'be'] as const) {
    it(`decodes UTF-16${order.toUpperCase()} with a BOM silently`, () => {
      expect(decodeArticleBytes(utf16(ARTICLE, order, true), 'u.txt')).toEqual({ text: ARTICLE, diagnostics: [] });
    });
    it(`decodes UTF-16${order.toUpperCase()} without a BOM and names the encoding`, () => {
      const { text, diagnostics } = decodeArticleBytes(utf16(ARTICLE, order, false), 'u.txt');
      expect(text).toBe(ARTICLE);
      expect(diagnostics).toEqual([expect.objectContaining({ code: 'article/utf-16', severity: 'warning' })]);
      expect(diagnostics[0]!.message).toContain(`UTF-16${order.toUpperCase()}`);
    });
  }
  it('does not mistake UTF-8 text for UTF-16', () => {
    expect(sniffUtf16(encode(ARTICLE))).toBeUndefined();
    expect(sniffUtf16(encode('دمشق '.repeat(50)))).toBeUndefined();
  });
});

describe('one bad YAML entry in sources.yaml', () => {
  const bomb = [
    'good.txt:\n  outlet: Good Outlet\n',
    'bomb.txt:\n  note: &a ["x","x","x","x","x","x","x","x","x","x"]\n  title: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\n  author: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\n  stance: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n',
    'typed.txt:\n  published: [1, 2]\n',
    'after.txt:\n  outlet: After Outlet\n',
  ].join('');

  it('an alias bomb and a wrong type discard only their own entries, each named with its line', () => {
    const { entries, diagnostics } = parseSources(bomb, 'content/sources.yaml');
    expect(Object.keys(entries).sort()).toEqual(['after.txt', 'good.txt']);
    const bombError = diagnostics.find((d) => d.message.includes('"bomb.txt"'));
    expect(bombError).toMatchObject({ severity: 'error', line: 3 });
    expect(bombError!.message).toContain('too many aliases');
    expect(diagnostics.find((d) => d.message.includes('"typed.txt"'))).toMatchObject({ severity: 'error', line: 9 });
  });

  it('keys nested articles by their path below articles/, so a nested file never takes a top-level entry', () => {
    const { entries, diagnostics } = parseSources('a.txt:\n  outlet: Top\nsub/a.txt:\n  outlet: Nested\n../x.txt:\n  outlet: Escape\n', 's.yaml');
    expect(entries).toEqual({ 'a.txt': { outlet: 'Top' }, 'sub/a.txt': { outlet: 'Nested' } });
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'sources/entry', line: 5 })]);
    const model = runPipeline({
      settings: { title: 't', description: 'd' },
      sources: { file: 's.yaml', text: 'a.txt:\n  outlet: Top Outlet\n  stance: Top stance\n' },
      articles: [
        { file: 'c/articles/a.txt', name: 'a.txt', bytes: encode(ARTICLE) },
        { file: 'c/articles/sub/a.txt', name: 'sub/a.txt', bytes: encode(ARTICLE) },
      ],
      registryFiles: [],
    });
    const byFile = new Map(model.articles.map((article) => [article.file, article]));
    expect(byFile.get('c/articles/a.txt')?.meta.outlet).toBe('Top Outlet');
    expect(byFile.get('c/articles/sub/a.txt')?.meta.outlet).not.toBe('Top Outlet');
    expect(byFile.get('c/articles/sub/a.txt')?.slug).toBe('sub-a');
  });
});

describe('URLs', () => {
  it('refuses javascript:, data:, file: and other non-http(s) urls in frontmatter, with file and line', () => {
    for (const url of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,<b>x</b>', 'file:///etc/passwd', 'ftp://example.org/x', 'vbscript:msgbox', '//evil.example/x', 'https://', 'mailto:a@b.example']) {
      const result = splitFrontmatter(`---\ntitle: T\nurl: "${url}"\n---\nBody\n`, 'a.md');
      expect(result.meta.url, url).toBeUndefined();
      expect(result.diagnostics, url).toEqual([expect.objectContaining({ code: 'article/url', severity: 'error', file: 'a.md', line: 3 })]);
    }
    expect(splitFrontmatter('---\nurl: https://example.org/a?b=1#c\n---\n', 'a.md').meta.url).toBe('https://example.org/a?b=1#c');
  });

  it('refuses them in sources.yaml too', () => {
    const { entries, diagnostics } = parseSources('a.txt:\n  url: data:text/html,x\nb.txt:\n  url: https://example.org/\n', 's.yaml');
    expect(Object.keys(entries)).toEqual(['b.txt']);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'sources/field', line: 2 })]);
  });
});

describe('slugs', () => {
  it('makes a safe slug from any file name, and a hashed one when nothing is left', () => {
    expect(articleSlug('a #1? 100% "quoted".txt')).toBe('a-1-100-quoted');
    expect(articleSlug('Türkiye ü.md')).toBe('turkiye-u');
    expect(articleSlug('#?%.txt')).toMatch(/^article-[0-9a-f]+$/);
    expect(articleSlug('sub/dir/000_x.txt')).toBe('sub-dir-000-x');
  });

  it('never gives a source page the slug of the sources index', () => {
    const index = ingestArticle({ file: 'c/articles/index.txt', name: 'index.txt', bytes: encode(ARTICLE) }).article!;
    const [renamed] = dedupeSlugs([index]);
    expect(renamed!.slug).toBe('index-2');
    expect(renamed!.diagnostics).toEqual([expect.objectContaining({ code: 'article/reserved-slug', file: 'c/articles/index.txt', line: 1 })]);
  });
});

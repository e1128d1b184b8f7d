import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../../scripts/pipeline/ingest/frontmatter.ts';

describe('splitFrontmatter', () => {
  it('reads the metadata fields and blanks the frontmatter lines', () => {
    const text = '---\ntitle: Putin meets Sharaa\noutlet: Example News\nauthor: Jane Doe\ndate: 2026-01-28\nurl: https://example.org/a\nstance: Neutral.\ntags: [x]\n---\nFirst paragraph.\n';
    const { meta, body, diagnostics } = splitFrontmatter(text, 'a.md');
    expect(diagnostics).toEqual([]);
    expect(meta).toEqual({
      title: 'Putin meets Sharaa',
      outlet: 'Example News',
      author: 'Jane Doe',
      published: { precision: 'day', start: '2026-01-28', end: '2026-01-28', label: '28 January 2026' },
      url: 'https://example.org/a',
      stance: 'Neutral.',
    });
    // Body line 10 is still line 10: the frontmatter is blanked, not cut.
    expect(body.split('\n')[9]).toBe('First paragraph.');
    expect(body.split('\n').length).toBe(text.split('\n').length);
  });

  it('prefers published over date, and accepts month precision', () => {
    const { meta } = splitFrontmatter('---\ndate: 2026-01-28\npublished: 2025-10\n---\nx', 'a.md');
    expect(meta.published).toMatchObject({ precision: 'month', start: '2025-10-01', end: '2025-10-31' });
  });

  it('reports broken YAML with the file line (offset by the fence) and keeps the body', () => {
    const text = '---\ntitle: ok\nauthor: [unclosed\n---\nBody text.';
    const { meta, body, diagnostics } = splitFrontmatter(text, 'content/articles/b.md');
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics[0]).toMatchObject({ code: 'article/frontmatter', severity: 'error', file: 'content/articles/b.md' });
    expect(diagnostics[0]!.line).toBe(3);
    expect(body.split('\n')[4]).toBe('Body text.');
    expect(meta.author).toBeUndefined();
  });

  it('reports a field of the wrong type at its line', () => {
    const { meta, diagnostics } = splitFrontmatter('---\ntitle: T\ndate: someday\n---\nx', 'c.md');
    expect(meta.title).toBe('T');
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'article/frontmatter', line: 3 })]);
    expect(diagnostics[0]!.message).toContain('"date"');
  });

  it('reports an unclosed fence and reads everything as body', () => {
    const { body, diagnostics } = splitFrontmatter('---\ntitle: x\nno end', 'd.md');
    expect(body).toBe('---\ntitle: x\nno end');
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'article/frontmatter', line: 1 })]);
  });

  it('leaves text without frontmatter alone', () => {
    expect(splitFrontmatter('Just text\n---\n', 'e.md')).toEqual({ meta: {}, body: 'Just text\n---\n', diagnostics: [] });
  });
});

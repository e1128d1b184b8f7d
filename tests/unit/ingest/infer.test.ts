import { describe, expect, it } from 'vitest';
import { firstSentenceTitle, inferMeta, truncateAtWord } from '../../../scripts/pipeline/ingest/infer.ts';

const cleaned = {
  blocks: [{ kind: 'paragraph' as const, text: 'Russia’s strategic pivot in Syria exposes the fragility of foreign entanglements as Vladimir Putin courts the new leadership. More.', line: 1 }],
  title: { text: 'Headline From The Page', line: 1 },
  dateline: { text: 'JAN 27, 2026', line: 3 },
  byline: 'Global Geopolitics',
};

describe('inferMeta', () => {
  it('prefers sources.yaml over frontmatter over the text, and records provenance', () => {
    const { meta, diagnostics } = inferMeta({
      file: 'a.md',
      source: { title: 'Editor Title', published: '2025-10' },
      frontmatter: { title: 'Front Title', author: 'Jane Doe', outlet: 'Example News' },
      cleaned,
    });
    expect(diagnostics).toEqual([]);
    expect(meta.title).toBe('Editor Title');
    expect(meta.published).toMatchObject({ precision: 'month', start: '2025-10-01', end: '2025-10-31', label: 'October 2025' });
    expect(meta.author).toBe('Jane Doe');
    expect(meta.outlet).toBe('Example News');
    expect(meta.provenance).toEqual({ title: 'sources.yaml', published: 'sources.yaml', author: 'frontmatter', outlet: 'frontmatter' });
  });

  it('falls back to headline, dateline and byline', () => {
    const { meta } = inferMeta({ file: 'a.txt', cleaned });
    expect(meta).toMatchObject({
      title: 'Headline From The Page',
      author: 'Global Geopolitics',
      published: { precision: 'day', start: '2026-01-27', label: '27 January 2026' },
      provenance: { title: 'headline', published: 'dateline', author: 'byline' },
    });
    expect(meta.outlet).toBeUndefined();
  });

  it('says a long first sentence is no title (never cuts it), and warns when there is no date', () => {
    const { meta, diagnostics } = inferMeta({ file: 'content/articles/x.txt', cleaned: { blocks: cleaned.blocks } });
    expect(meta.title).toBe('Untitled article (outlet not named, undated)');
    expect(meta.provenance.title).toBe('untitled');
    expect(meta.published).toBeUndefined();
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'article/no-date', severity: 'warning', file: 'content/articles/x.txt', line: 1 })]);
  });

  it('uses the file name when there is no text at all', () => {
    expect(inferMeta({ file: 'content/articles/007_abc.txt', cleaned: { blocks: [] } }).meta).toMatchObject({
      title: '007_abc',
      provenance: { title: 'file-name' },
    });
  });
});

describe('title helpers', () => {
  it('keeps short first sentences whole', () => {
    expect(firstSentenceTitle([{ kind: 'paragraph', text: 'Putin met Sharaa. Then more.' }])).toBe('Putin met Sharaa');
  });
  it('never splits an emoji when truncating', () => {
    expect(truncateAtWord('😀'.repeat(100), 10)).toBe(`${'😀'.repeat(10)}…`);
  });
});

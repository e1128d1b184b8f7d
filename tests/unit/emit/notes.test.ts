import { describe, expect, it } from 'vitest';
import { firstLinks, Notes, noteLetter } from '../../../scripts/pipeline/emit/statements.ts';
import type { Citation } from '../../../scripts/pipeline/assemble/citations.ts';

const citation = (articleSlug: string, paragraph: string): Citation => ({
  path: `/sources/${articleSlug}/#${paragraph}`,
  outlet: `Outlet ${articleSlug}`,
  passage: 'A passage.',
  sourceTitle: `Title ${articleSlug}`,
  articleSlug,
});

describe('Notes', () => {
  it('gives each source one note and each cited paragraph a letter, Wikipedia-style', () => {
    const notes = new Notes();
    const first = notes.cite(citation('a', 'p1'));
    const second = notes.cite(citation('b', 'p4'));
    const third = notes.cite(citation('a', 'p2'));
    const again = notes.cite(citation('a', 'p1'));
    expect([first, second, third, again].map((c) => `${c.note}${c.letter}`)).toEqual(['1a', '2a', '1b', '1a']);
    expect(notes.items).toEqual([
      { note: 1, outlet: 'Outlet a', sourceTitle: 'Title a', sourcePath: '/sources/a/', paragraphs: [{ letter: 'a', path: '/sources/a/#p1' }, { letter: 'b', path: '/sources/a/#p2' }] },
      { note: 2, outlet: 'Outlet b', sourceTitle: 'Title b', sourcePath: '/sources/b/', paragraphs: [{ letter: 'a', path: '/sources/b/#p4' }] },
    ]);
  });

  it('letters past z continue as aa, ab', () => {
    expect([0, 1, 25, 26, 27, 51, 52].map(noteLetter)).toEqual(['a', 'b', 'z', 'aa', 'ab', 'az', 'ba']);
  });
});

describe('firstLinks', () => {
  it('links each entity once per section, and never the page itself', () => {
    const linked = new Set(['/actors/self/']);
    const line = (name: string, path: string) => [{ type: 'link' as const, value: name, path }, { type: 'text' as const, value: ' spoke.' }];
    const first = firstLinks([...line('Ana', '/actors/ana/'), ...line('Self', '/actors/self/')], linked);
    const second = firstLinks(line('Ana', '/actors/ana/'), linked);
    expect(first.filter((part) => part.type === 'link').map((part) => part.value)).toEqual(['Ana']);
    expect(second.map((part) => part.type)).toEqual(['text', 'text']);
    expect(second.map((part) => part.value).join('')).toBe('Ana spoke.');
  });
});

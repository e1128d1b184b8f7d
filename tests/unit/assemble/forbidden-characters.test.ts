import { describe, expect, it } from 'vitest';
import type { Entity, SegmentedArticle } from '../../../scripts/pipeline/model.ts';
import { assembleFeed } from '../../../scripts/pipeline/assemble/feed.ts';
import { previewOf } from '../../../scripts/pipeline/assemble/previews.ts';
import { forbiddenCharacterDiagnostics } from '../../../scripts/pipeline/assemble/forbidden-characters.ts';
import type { EntityPage } from '../../../scripts/pipeline/assemble/entity-page.ts';
import { hasXmlForbidden } from '../../../scripts/pipeline/shared/escape.ts';

const bad = 'bad\ufffe\uffff\u0001\ud800';
const day = (iso: string) => ({ precision: 'day' as const, start: iso, end: iso, label: iso });
const article = {
  file: 'content/articles/a.txt',
  slug: 'a',
  meta: { title: `Title ${bad}`, outlet: `Outlet ${bad}`, published: day('2026-01-27'), provenance: { title: 'headline', outlet: 'sources.yaml' } },
  paragraphs: [
    { kind: 'paragraph', text: 'Clean paragraph.', line: 3, sentences: [{ text: 'Clean paragraph.' }] },
    { kind: 'paragraph', text: `Paragraph ${bad}.`, line: 5, sentences: [{ text: `Paragraph ${bad}.` }] },
  ],
} as unknown as SegmentedArticle;
const event = {
  id: 'meeting',
  kind: 'event',
  subtype: 'meeting',
  name: `Meeting ${bad}`,
  aliases: [`alias ${bad}`],
  demonyms: [],
  metonyms: [],
  description: `About ${bad}`,
  date: day('2026-01-28'),
  file: 'content/entities/events.yaml',
  line: 12,
} as unknown as Entity;
const settings = { title: `Site ${bad}`, description: 'Clean.' };

describe('characters XML forbids, in the feed and the published data', () => {
  it('leaves none in any feed string', () => {
    const feed = assembleFeed(settings, [article], [event]);
    expect(hasXmlForbidden(JSON.stringify(feed))).toBe(false);
    expect(feed.title).toBe('Site bad');
    expect(feed.entries.map((entry) => entry.title)).toEqual(['Meeting bad', 'Title bad']);
    expect(feed.entries[1]!.author).toBe('Outlet bad');
  });

  it('leaves none in a link preview', () => {
    const page = { entity: event, participants: [], affiliation: [], stats: { mentions: 0, sources: 0, independent: 0 } } as unknown as EntityPage;
    const preview = previewOf(page);
    expect(hasXmlForbidden(JSON.stringify(preview))).toBe(false);
    expect(preview.name).toBe('Meeting bad');
  });

  it('reports each place that held one, by file and line where known', () => {
    const diagnostics = forbiddenCharacterDiagnostics([article], [event], settings);
    expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.file, diagnostic.line])).toEqual([
      ['output/xml-forbidden-character', 'content/articles/a.txt', undefined],
      ['output/xml-forbidden-character', 'content/articles/a.txt', undefined],
      ['output/xml-forbidden-character', 'content/articles/a.txt', 5],
      ['output/xml-forbidden-character', 'content/entities/events.yaml', 12],
      ['output/xml-forbidden-character', 'content/entities/events.yaml', 12],
      ['output/xml-forbidden-character', 'content/entities/events.yaml', 12],
      ['output/xml-forbidden-character', 'site.yaml', undefined],
    ]);
    expect(diagnostics[1]!.message).toBe(
      'content/articles/a.txt outlet (from sources.yaml) holds U+FFFE, U+FFFF, U+0001, U+D800, which XML forbids: removed from the feed and the published data.',
    );
    expect(diagnostics[5]!.message).toContain('entry "meeting" field "aliases[0]"');
  });

  it('reports nothing for clean input', () => {
    expect(forbiddenCharacterDiagnostics([], [{ ...event, name: 'Meeting', aliases: [], description: 'About.' }], { title: 'Site', description: 'Clean.' })).toEqual([]);
  });
});

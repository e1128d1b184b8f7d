import { describe, expect, it } from 'vitest';
import type { Entity, SegmentedArticle } from '../../../scripts/pipeline/model.ts';
import { assembleFeed } from '../../../scripts/pipeline/assemble/feed.ts';
import { previewOf } from '../../../scripts/pipeline/assemble/previews.ts';
import type { EntityPage } from '../../../scripts/pipeline/assemble/entity-page.ts';

const day = (iso: string) => ({ precision: 'day' as const, start: iso, end: iso, label: iso });
const article = (slug: string, published?: string, outlet?: string) =>
  ({
    slug,
    meta: { title: `Title ${slug}`, ...(outlet && { outlet }), ...(published && { published: day(published) }) },
    paragraphs: [{ kind: 'paragraph', text: 'Body.', sentences: [{ text: `First sentence of ${slug}.` }] }],
  }) as unknown as SegmentedArticle;
const event = (id: string, date?: string) => ({ id, kind: 'event', name: `Event ${id}`, description: `About ${id}.`, ...(date && { date: day(date) }) }) as unknown as Entity;

describe('Atom feed entries', () => {
  it('lists dated sources and events newest first and leaves undated ones out', () => {
    const feed = assembleFeed(
      { title: 'Briefing', description: 'What it covers' },
      [article('a', '2026-01-27', 'The Cradle'), article('b', '2026-01-29'), article('undated')],
      [event('meeting', '2026-01-28'), event('someday'), { ...event('hmeimim'), kind: 'base' } as Entity],
    );
    expect(feed.entries.map((entry) => [entry.kind, entry.path, entry.date])).toEqual([
      ['source', '/sources/b/', '2026-01-29'],
      ['event', '/events/meeting/', '2026-01-28'],
      ['source', '/sources/a/', '2026-01-27'],
    ]);
    expect(feed.updated).toBe('2026-01-29');
    expect(feed.entries[2]!.author).toBe('The Cradle');
    expect(feed.entries[0]!.author).toBeUndefined();
    expect(feed.entries[0]!.summary).toBe('First sentence of b.');
  });
});

describe('link previews', () => {
  const page = (overrides: Partial<EntityPage>) =>
    ({
      entity: { id: 'x', kind: 'actor', subtype: 'armed-group', name: 'X', description: 'A group. '.repeat(60) },
      place: undefined,
      operator: undefined,
      participants: [],
      affiliation: [],
      stats: { mentions: 7, sources: 3, independent: 2 },
      ...overrides,
    }) as unknown as EntityPage;

  it('gives kind, a shortened lead and the key facts', () => {
    const preview = previewOf(page({}));
    expect(preview.kind).toBe('Actor · armed group');
    expect(preview.lead.length).toBeLessThanOrEqual(220);
    expect(preview.lead.endsWith('…')).toBe(true);
    expect(preview.facts).toEqual(['7 mentions in 3 sources (2 independent)']);
  });

  it('describes an event by date, place, participants and reporting sources', () => {
    const ref = (name: string) => ({ path: `/x/${name}/`, name, kind: 'actor' as const, subtype: 'person' });
    const preview = previewOf(
      page({
        entity: { id: 'm', kind: 'event', subtype: 'meeting', name: 'Meeting', description: 'Talks.', date: day('2026-01-28') } as Entity,
        place: { ...ref('Moscow'), kind: 'place' },
        participants: ['A', 'B', 'C', 'D'].map(ref),
        stats: { mentions: 1, sources: 4, independent: 4 },
      }),
    );
    expect(preview.facts).toEqual(['2026-01-28', 'Place: Moscow', 'Participants: A, B, C and 1 more', 'Reported by 4 sources']);
  });
});

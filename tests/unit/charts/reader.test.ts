/** Issue 16's chart steps: rows in date order, the story's period, flags drawn as SVG. */
import { describe, expect, it } from 'vitest';
import { packInOrder } from '../../../scripts/pipeline/charts/lanes.ts';
import { storyPeriod, timelineData, layoutTimeline, TIMELINE_ARTBOARDS } from '../../../scripts/pipeline/charts/timeline.ts';
import { isoTime } from '../../../scripts/pipeline/charts/time-axis.ts';
import type { DateValue, Entity, SegmentedArticle, Statement } from '../../../scripts/pipeline/model.ts';
import { hasFlags, splitFlags } from '../../../src/lib/flags.ts';
import { flagsInHtml } from '../../../src/lib/flags-html.ts';

const day = (iso: string): DateValue => ({ precision: 'day', start: iso, end: iso, label: iso });

function event(id: string, iso: string): Entity {
  return { id, kind: 'event', subtype: 'meeting', name: `Event ${id}`, aliases: [], demonyms: [], metonyms: [], description: '', affiliation: [], participants: [], file: 'x.yaml', line: 1, date: day(iso) };
}

function statement(id: string, iso: string): Statement {
  return { id, articleSlug: 'a', paragraphId: `p-${id}`, sentenceId: id, text: `Sentence ${id}.`, entityIds: [], dates: [{ text: iso, start: 0, end: 1, value: day(iso) }], basis: 'assertion' };
}

const outlets = new Map<string, Pick<SegmentedArticle, 'meta' | 'file'>>([['a', { file: 'content/articles/a.txt', meta: { title: 'A', outlet: 'Outlet A', provenance: {} } }]]);

describe('packInOrder', () => {
  it('fills rows in input order: a later extent never goes above an earlier one', () => {
    const lanes = packInOrder([
      { start: 0, end: 50 },
      { start: 60, end: 200 },
      { start: 70, end: 90 },
      { start: 100, end: 120 },
      { start: 210, end: 230 },
    ]);
    expect(lanes).toEqual([0, 0, 1, 1, 1]);
  });

  it('leaves out the oldest extents, not the newest, when the rows run out', () => {
    const overlapping = Array.from({ length: 5 }, (_, index) => ({ start: index, end: index + 10 }));
    expect(packInOrder(overlapping, 0, 3)).toEqual([-1, -1, 0, 1, 2]);
  });
});

describe('timeline layout in date order', () => {
  it('reads its events top to bottom and left to right in date order, and labels each date stack with its count', () => {
    const events = ['2025-01-05', '2025-01-06', '2025-01-07', '2025-06-01', '2025-12-20'].map((iso, index) => event(`e${index}`, iso));
    const statements = [statement('s1', '2025-06-01'), statement('s2', '2025-06-01'), statement('s3', '2025-12-20')];
    const layout = layoutTimeline(timelineData(events, statements, outlets), TIMELINE_ARTBOARDS.narrow);
    const marks = layout.marks.filter((mark) => mark.kind === 'event').sort((a, b) => a.y - b.y || a.x0 - b.x0);
    expect(marks.map((mark) => mark.id)).toEqual(['e0', 'e1', 'e2', 'e3', 'e4']);
    const labels = layout.marks.filter((mark) => mark.kind === 'statement' && mark.label).map((mark) => mark.label!.text);
    expect(labels).toContain('2025-06-01 (2)');
    expect(layout.marks.filter((mark) => mark.kind === 'statement' && mark.label)).toHaveLength(labels.length);
  });
});

describe('storyPeriod', () => {
  it("is the stretch of whole months holding most of the dated marks, not the long tail before them", () => {
    const events = [event('old', '2015-09-30'), event('a', '2025-10-15'), event('b', '2026-01-28')];
    const statements = ['2025-11-02', '2025-12-01', '2026-01-10', '2026-01-26', '2026-01-27', '2026-01-28'].map((iso, index) => statement(`s${index}`, iso));
    const period = storyPeriod(timelineData(events, statements, outlets))!;
    expect(period.t0).toBe(isoTime('2025-10-01'));
    expect(period.t1).toBe(isoTime('2026-02-01'));
    expect(period.label).toBe('October 2025 to January 2026');
  });

  it('is undefined when the marks are too few or already spread over the whole range', () => {
    expect(storyPeriod(timelineData([event('a', '2025-01-01'), event('b', '2025-06-01')], [], outlets))).toBeUndefined();
    const even = ['2020-01-01', '2021-01-01', '2022-01-01', '2023-01-01', '2024-01-01', '2025-01-01'].map((iso, index) => event(`e${index}`, iso));
    expect(storyPeriod(timelineData(even, [], outlets))).toBeUndefined();
  });
});

describe('flags', () => {
  it('splits text into text and flags, the first flag included, with the country named', () => {
    expect(hasFlags('no flag here')).toBe(false);
    const parts = splitFlags('🇷🇺 🇸🇾 Russian President');
    expect(parts.map((part) => ('text' in part ? part.text : part.flag.code))).toEqual(['RU', ' ', 'SY', ' Russian President']);
    const russia = parts[0]!;
    expect('flag' in russia && russia.flag.name).toBe('flag of Russia');
    expect('flag' in russia && russia.flag.src).toMatch(/^data:image\/svg\+xml,/);
  });

  it('shows a flag with a heavy SVG (a coat of arms) as its code, and an unknown pair as its letters', () => {
    const mexico = splitFlags('🇲🇽')[0]!;
    expect('flag' in mexico && mexico.flag.src).toBeUndefined();
    const unknown = splitFlags('🇿🇿')[0]!;
    expect('flag' in unknown && unknown.flag).toEqual({ code: 'ZZ', name: 'flag ZZ' });
  });

  it('rewrites only text nodes of prebuilt HTML, leaving markup and other text as it was', () => {
    const html = '<p id="p-1">🇺🇦 Kyiv &amp; <a href="/x/">link</a></p>';
    const out = flagsInHtml(html);
    expect(out).toMatch(/^<p id="p-1"><img class="flag" src="data:image\/svg\+xml,[^"]+" alt="flag of Ukraine" title="flag of Ukraine" width="18" height="12"> Kyiv &#x26; <a href="\/x\/">link<\/a><\/p>$/);
    expect(flagsInHtml('<p>plain</p>')).toBe('<p>plain</p>');
  });
});

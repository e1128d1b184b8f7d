import { describe, expect, it } from 'vitest';
import { readInputs } from '../../../scripts/io/read-inputs.ts';
import { runPipeline } from '../../../scripts/pipeline/run.ts';
import { createContext, statementsFor } from '../../../scripts/pipeline/assemble/entity-page.ts';
import type { DateValue, Entity, SegmentedArticle, Statement } from '../../../scripts/pipeline/model.ts';
import {
  describeTimeline,
  eventsFor,
  layoutTimeline,
  timelineData,
  TIMELINE_ARTBOARDS,
  type TimelineData,
  type TimelineLayout,
  type TimelineMark,
} from '../../../scripts/pipeline/charts/timeline.ts';
import { DAY_MS, isoTime, timeExtent } from '../../../scripts/pipeline/charts/time-axis.ts';
import { widthOf } from '../../../scripts/pipeline/charts/text.ts';

const model = runPipeline(readInputs(new URL('../../../', import.meta.url), 'tests/fixtures/seed-story'));
const context = createContext(model);
const articles = new Map(model.articles.map((article) => [article.slug, article]));

function entityTimeline(id: string): TimelineData {
  const entity = context.index.entities.get(id)!;
  const statements = statementsFor(context, entity);
  return timelineData(eventsFor(entity, context.events, statements), statements, context.index.articles);
}

const date = (precision: DateValue['precision'], start: string, end: string, label: string, approximate = false): DateValue => ({
  precision,
  start,
  end,
  label,
  ...(approximate && { approximate }),
});

function event(id: string, value: DateValue, extra: Partial<Entity> = {}): Entity {
  return { id, kind: 'event', subtype: 'meeting', name: id, aliases: [], demonyms: [], metonyms: [], description: '', affiliation: [], participants: [], file: 'x.yaml', line: 1, date: value, ...extra };
}

function statement(id: string, value: DateValue | undefined, entityIds: string[] = []): Statement {
  return {
    id,
    articleSlug: 'a',
    paragraphId: `p-${id}`,
    sentenceId: id,
    text: `Sentence ${id}.`,
    entityIds,
    dates: value ? [{ text: value.label, start: 0, end: 1, value }] : [],
    basis: 'assertion',
  };
}

const outlets = new Map<string, Pick<SegmentedArticle, 'meta' | 'file'>>([['a', { file: 'content/articles/a.txt', meta: { title: 'A', outlet: 'Outlet A', provenance: {} } }]]);

/** Every pair of marks drawn in one row: their marks and labels must not overlap. */
function overlaps(layout: TimelineLayout): string[] {
  const extent = (mark: TimelineMark) => {
    if (!mark.label) return { start: mark.x0, end: mark.x1 };
    const type = TIMELINE_ARTBOARDS.wide.type;
    const width = widthOf(mark.label.text, mark.kind === 'event' ? type.label : type.dateLabel);
    return mark.label.anchor === 'start' ? { start: mark.x0, end: mark.label.x + width } : { start: mark.label.x - width, end: mark.x1 };
  };
  const found: string[] = [];
  for (const a of layout.marks) {
    for (const b of layout.marks) {
      if (a === b || a.kind !== b.kind || a.y !== b.y) continue;
      const left = extent(a);
      const right = extent(b);
      if (left.start < right.end && right.start < left.end) found.push(`${a.id} × ${b.id}`);
    }
  }
  return found;
}

describe('date precision', () => {
  it('draws a day as a point and a month, a year or a range as a span covering every day of it', () => {
    expect(timeExtent(date('day', '2026-01-28', '2026-01-28', '28 January 2026'))).toEqual({ t0: isoTime('2026-01-28'), t1: isoTime('2026-01-29'), point: true });
    const month = timeExtent(date('month', '2026-01-01', '2026-01-31', 'January 2026'));
    expect(month.point).toBe(false);
    expect((month.t1 - month.t0) / DAY_MS).toBe(31);
    expect((timeExtent(date('year', '2024-01-01', '2024-12-31', '2024')).t1 - isoTime('2024-01-01')) / DAY_MS).toBe(366);
    expect(timeExtent(date('range', '2026-01-19', '2026-01-25', '19–25 January 2026')).point).toBe(false);
  });

  it('lays out day statements as points and month statements as bars as wide as the month, approximate ones flagged', () => {
    const data = timelineData(
      [],
      [
        statement('s1', date('day', '2025-06-10', '2025-06-10', '10 June 2025')),
        statement('s2', date('month', '2025-03-01', '2025-03-31', 'March 2025', true)),
        statement('s3', date('day', '2025-09-01', '2025-09-01', '1 September 2025')),
      ],
      outlets,
    );
    const layout = layoutTimeline(data, TIMELINE_ARTBOARDS.wide);
    const byId = new Map(layout.marks.map((mark) => [mark.id, mark]));
    expect(byId.get('s1')).toMatchObject({ shape: 'point', approximate: false });
    expect(byId.get('s1')!.x1 - byId.get('s1')!.x0).toBe(2 * byId.get('s1')!.size);
    const march = byId.get('s2')!;
    expect(march).toMatchObject({ shape: 'span', approximate: true });
    // June 10 to September 1 is 83 days; March is 31 days: widths keep that ratio on a linear axis.
    const pxPerDay = (byId.get('s3')!.cx - byId.get('s1')!.cx) / 83;
    expect((march.x1 - march.x0) / pxPerDay).toBeCloseTo(31, 5);
    expect(march.title).toBe('March 2025, Outlet A: Sentence s2.');
    expect(march.path).toBe('/sources/a/#p-s2');
  });

  it("names an event's date once in its title, whether or not the name already ends with it", () => {
    const day = date('day', '2025-02-26', '2025-02-26', '26 February 2025');
    const data = timelineData([event('Talks in Moscow, 26 February 2025', day), event('Registry summit', day)], [], outlets);
    const titles = layoutTimeline(data, TIMELINE_ARTBOARDS.wide).marks.map((mark) => mark.title).sort();
    expect(titles).toEqual(['Registry summit, 26 February 2025', 'Talks in Moscow, 26 February 2025']);
  });
});

describe('timelineData', () => {
  it('takes every dated event and dated statement of the seed corpus for the home page', () => {
    const data = timelineData(model.entities, model.statements, articles);
    expect(data.events.map((item) => item.id)).toEqual([
      'russian-intervention-in-syria',
      'assad-ouster',
      'assad-asylum-in-russia',
      'arab-russia-summit-postponement',
      'cradle-report-southern-posts',
      'putin-sharaa-meeting-october-2025',
      'russian-withdrawal-qamishli',
      'kremlin-announcement-sharaa-visit',
      'putin-sharaa-meeting-january-2026',
      'trump-sharaa-call-january-2026',
    ]);
    expect(data.statements).toHaveLength(model.statements.filter((item) => item.dates.length > 0).length);
    // Four give the date; in 000 "Trump spoke with Sharaa the same day" takes it from the line before and
    // "hours before the Kremlin meeting" from the meeting the article reports.
    expect(data.statements.filter((item) => item.date.label === '28 January 2026')).toHaveLength(6);
    const late = data.statements.find((item) => item.date.label === 'late 2025')!;
    expect(late).toMatchObject({ outlet: 'The Cradle', date: { precision: 'range', approximate: true } });
    expect(late.path).toMatch(/^\/sources\/002-e060aad4f616cf48\/#p-/);
    expect(data.omitted).toEqual({ events: 0, statements: 0 });
    expect(describeTimeline(data)).toMatch(/^10 events and \d+ dated statements, from 2015 to January 2026\./);
  });

  it('filters on one actor: the events it takes part in or is named with, and the statements naming it', () => {
    const putin = entityTimeline('vladimir-putin');
    expect(putin.events.map((item) => item.id)).toEqual(['assad-ouster', 'assad-asylum-in-russia', 'putin-sharaa-meeting-october-2025', 'putin-sharaa-meeting-january-2026']);
    expect(putin.events.map((item) => item.path)).toContain('/events/putin-sharaa-meeting-january-2026/');
    const named = new Set(model.statements.filter((item) => item.entityIds.includes('vladimir-putin')).map((item) => item.id));
    expect(putin.statements.length).toBeGreaterThan(0);
    for (const item of putin.statements) expect(named.has(item.id)).toBe(true);
    // Trump's call is al-Sharaa's, not Putin's.
    expect(entityTimeline('ahmed-al-sharaa').events.map((item) => item.id)).toContain('trump-sharaa-call-january-2026');
    expect(putin.events.map((item) => item.id)).not.toContain('trump-sharaa-call-january-2026');
  });

  it('filters on one base: the withdrawal from Qamishli is on the Qamishli Airport timeline, with its month and range statements', () => {
    const qamishli = entityTimeline('qamishli-airport');
    expect(qamishli.events.map((item) => item.id)).toEqual(['russian-withdrawal-qamishli']);
    expect(qamishli.statements.map((item) => item.date.precision)).toEqual(['month', 'range', 'range']);
  });

  it('finds events by participant, by place, by co-mention, and for a base by the place it is at', () => {
    const base: Entity = { ...event('b', date('day', '2020-01-01', '2020-01-01', 'x')), kind: 'base', place: 'town' };
    const events = [
      event('by-participant', date('day', '2025-01-01', '2025-01-01', 'a'), { participants: ['b'] }),
      event('at-base', date('day', '2025-01-02', '2025-01-02', 'b'), { place: 'b' }),
      event('in-town', date('day', '2025-01-03', '2025-01-03', 'c'), { place: 'town' }),
      event('named-with', date('day', '2025-01-04', '2025-01-04', 'd')),
      event('unrelated', date('day', '2025-01-05', '2025-01-05', 'e')),
    ];
    const found = eventsFor(base, events, [statement('s', undefined, ['b', 'named-with'])]);
    expect(found.map((item) => item.id)).toEqual(['by-participant', 'at-base', 'in-town', 'named-with']);
    // In the list's order whatever the reason each is found for, each once; an event never lists itself.
    const reversed = [...events].reverse();
    expect(eventsFor(base, reversed, [statement('s', undefined, ['named-with', 'by-participant'])]).map((item) => item.id)).toEqual(['named-with', 'in-town', 'at-base', 'by-participant']);
    const named = events.find((item) => item.id === 'named-with')!;
    expect(eventsFor(named, events, [statement('s', undefined, ['named-with', 'unrelated'])]).map((item) => item.id)).toEqual(['unrelated']);
  });

  it('caps events (newest kept) and statements (most shared dates kept), and counts what it left out', () => {
    const events = ['2020-01-01', '2021-01-01', '2022-01-01'].map((iso, index) => event(`e${index}`, date('day', iso, iso, iso)));
    const shared = date('day', '2024-05-01', '2024-05-01', '1 May 2024');
    const statements = [
      statement('lone-old', date('day', '2023-01-01', '2023-01-01', 'x')),
      statement('shared-1', shared),
      statement('shared-2', shared),
      statement('lone-new', date('day', '2025-01-01', '2025-01-01', 'y')),
      statement('undated', undefined),
    ];
    const data = timelineData(events, statements, outlets, { maxEvents: 2, maxStatements: 3 });
    expect(data.events.map((item) => item.id)).toEqual(['e1', 'e2']);
    expect(data.statements.map((item) => item.id)).toEqual(['shared-1', 'shared-2', 'lone-new']);
    expect(data.omitted).toEqual({ events: 1, statements: 1 });
  });
});

describe('layoutTimeline', () => {
  const data = timelineData(model.entities, model.statements, articles);

  for (const name of ['wide', 'narrow'] as const) {
    it(`breaks the ${name} axis before 2015's long tail and keeps every mark and label apart`, () => {
      const layout = layoutTimeline(data, TIMELINE_ARTBOARDS[name]);
      expect(layout.segments.map((segment) => segment.kind)).toEqual(['earlier', 'main']);
      const [earlier, main] = layout.segments;
      expect(new Date(earlier!.t0).getUTCFullYear()).toBe(2015);
      expect(new Date(main!.t0).getUTCFullYear()).toBe(2023);
      expect(layout.breakNote).toContain('2015');
      // The dense months get most of the width.
      expect(main!.x1 - main!.x0).toBeGreaterThan(0.75 * (layout.plot.right - layout.plot.left));
      const intervention = layout.marks.find((mark) => mark.id === 'russian-intervention-in-syria')!;
      expect(intervention.segment).toBe('earlier');
      expect(intervention.shape).toBe('span');
      expect(layout.marks.find((mark) => mark.id === 'putin-sharaa-meeting-january-2026')).toMatchObject({ shape: 'point', segment: 'main' });
      expect(overlaps(layout)).toEqual([]);
      for (const mark of layout.marks) {
        expect(mark.x0).toBeGreaterThanOrEqual(0);
        expect(mark.x1).toBeLessThanOrEqual(layout.width);
        if (mark.label) {
          const width = widthOf(mark.label.text, TIMELINE_ARTBOARDS[name].type.label);
          const [from, to] = mark.label.anchor === 'start' ? [mark.label.x, mark.label.x + width] : [mark.label.x - width, mark.label.x];
          expect(from).toBeGreaterThanOrEqual(layout.plot.left);
          expect(to).toBeLessThanOrEqual(layout.plot.right);
        }
        expect(mark.y).toBeLessThan(layout.height);
      }
      expect(layout.hidden).toEqual({ events: 0, statements: 0 });
      expect(layout.marks.filter((mark) => mark.kind === 'event')).toHaveLength(10);
    });
  }

  it('gives each event a row of its own when the names would collide, and truncates a name only when no side has room', () => {
    const narrow = layoutTimeline(data, TIMELINE_ARTBOARDS.narrow);
    const rows = new Set(narrow.marks.filter((mark) => mark.kind === 'event').map((mark) => mark.y));
    expect(rows.size).toBeGreaterThan(3);
    const wide = layoutTimeline(data, TIMELINE_ARTBOARDS.wide);
    expect(wide.marks.filter((mark) => mark.label?.truncated)).toEqual([]);
    for (const mark of narrow.marks.filter((item) => item.label?.truncated)) expect(mark.label!.text.endsWith('…')).toBe(true);
  });

  it('stacks statements on one date in rows, like a dot plot', () => {
    const layout = layoutTimeline(data, TIMELINE_ARTBOARDS.wide);
    const sameDay = layout.marks.filter((mark) => mark.kind === 'statement' && mark.title.startsWith('28 January 2026'));
    expect(sameDay).toHaveLength(6);
    expect(new Set(sameDay.map((mark) => mark.cx)).size).toBe(1);
    expect(new Set(sameDay.map((mark) => mark.y)).size).toBe(6);
  });

  it('counts the marks that do not fit the rows it may use', () => {
    const pile = timelineData(
      [],
      Array.from({ length: 20 }, (_, index) => statement(`s${index}`, date('day', '2025-01-01', '2025-01-01', '1 January 2025'))),
      outlets,
    );
    const layout = layoutTimeline(pile, { ...TIMELINE_ARTBOARDS.wide, maxStatementLanes: 5 });
    expect(layout.marks).toHaveLength(5);
    expect(layout.hidden.statements).toBe(15);
  });

  it('is deterministic', () => {
    expect(layoutTimeline(data, TIMELINE_ARTBOARDS.wide)).toEqual(layoutTimeline(timelineData(model.entities, model.statements, articles), TIMELINE_ARTBOARDS.wide));
  });
});

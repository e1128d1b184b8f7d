import { describe, expect, it } from 'vitest';
import { utcDay, utcMonday, utcMonth, utcYear } from 'd3';
import { brokenTimeAxis, countBins, splitLongTail, type TimeSpan } from '../../../scripts/pipeline/charts/scales.ts';
import { axisLayout, DAY_MS, isoTime, segmentTime, segmentX, timeTicks } from '../../../scripts/pipeline/charts/time-axis.ts';
import { packLanes } from '../../../scripts/pipeline/charts/lanes.ts';
import { truncate, widthOf, wrap } from '../../../scripts/pipeline/charts/text.ts';

const span = (from: string, to: string): TimeSpan => ({ t0: isoTime(from), t1: isoTime(to) + DAY_MS });
const day = (iso: string): TimeSpan => span(iso, iso);
const year = (iso: string) => new Date(iso).getUTCFullYear();

describe('splitLongTail', () => {
  const dense = ['2025-10-15', '2025-12-03', '2026-01-20', '2026-01-23', '2026-01-27', '2026-01-28', '2026-01-28', '2026-01-28'].map(day);

  it('sets a few old dates apart from a dense recent story', () => {
    const split = splitLongTail([span('2015-01-01', '2015-12-31'), day('2015-09-30'), ...dense]);
    expect(split.earlier && year(new Date(split.earlier.t0).toISOString())).toBe(2015);
    expect(split.main.t0).toBe(isoTime('2025-10-15'));
    expect(split.later).toBeUndefined();
  });

  it('lets a long span cross the break ("since 2015") instead of filling the gap', () => {
    const split = splitLongTail([day('2015-03-01'), span('2015-01-01', '2025-10-31'), ...dense]);
    expect(split.earlier).toBeDefined();
    expect(split.main.t0).toBe(isoTime('2025-10-15'));
  });

  it('does not break where only a span starts: a month with days inside it is one cluster', () => {
    const qamishli = [span('2026-01-01', '2026-01-31'), span('2026-01-19', '2026-01-25'), span('2026-01-19', '2026-01-25'), span('2026-01-23', '2026-01-27')];
    expect(splitLongTail(qamishli)).toEqual({ main: { t0: isoTime('2026-01-01'), t1: isoTime('2026-02-01') } });
  });

  it('keeps a sparse but continuous story whole', () => {
    expect(splitLongTail(dense)).toEqual({ main: { t0: isoTime('2025-10-15'), t1: isoTime('2026-01-29') } });
  });

  it('sets a far future date apart on the right', () => {
    const split = splitLongTail([...dense, day('2035-01-01')]);
    expect(split.earlier).toBeUndefined();
    expect(split.later?.t0).toBe(isoTime('2035-01-01'));
  });

  it('never breaks evenly spread dates, or two clusters of similar weight', () => {
    const even = Array.from({ length: 12 }, (_, index) => day(`${2010 + index}-06-01`));
    expect(splitLongTail(even)).toEqual({ main: { t0: isoTime('2010-06-01'), t1: isoTime('2021-06-02') } });
    const halves = [...['2001-01-01', '2001-02-01', '2001-03-01'].map(day), ...['2020-01-01', '2020-02-01', '2020-03-01'].map(day)];
    expect(splitLongTail(halves).earlier).toBeUndefined();
    expect(splitLongTail(halves).later).toBeUndefined();
  });
});

describe('brokenTimeAxis and segments', () => {
  const split = { earlier: span('2015-01-01', '2015-12-31'), main: span('2025-10-01', '2026-01-31') };
  const segments = brokenTimeAxis(split, 10, 610, { tailWidth: 60, breakWidth: 20 });

  it('gives the tail a narrow segment, leaves room for the break, and pads the main one to whole days', () => {
    expect(segments.map((segment) => [segment.kind, segment.x0, segment.x1])).toEqual([
      ['earlier', 10, 70],
      ['main', 90, 610],
    ]);
    const main = segments[1]!;
    expect(main.t0).toBeLessThan(isoTime('2025-10-01'));
    expect(main.t1).toBeGreaterThan(isoTime('2026-02-01'));
    expect(main.t0 % DAY_MS).toBe(0);
    expect(main.t1 % DAY_MS).toBe(0);
  });

  it('maps time to x per segment and back', () => {
    expect(segmentX(segments, isoTime('2015-01-01'))).toBe(10);
    expect(segmentX(segments, isoTime('2016-01-01'))).toBe(70);
    const t = isoTime('2025-12-25');
    expect(segmentTime(segments, segmentX(segments, t))).toBeCloseTo(t, -3);
  });

  it('sets tick text flush with the tick at the artboard edges, centred elsewhere', () => {
    const axis = axisLayout([{ kind: 'main', t0: isoTime('2026-01-01'), t1: isoTime('2026-02-02'), x0: 12, x1: 328 }], 56);
    const ticks = axis.ticks;
    expect(ticks.at(-1)).toMatchObject({ label: '2', context: 'Feb 2026', anchor: 'end' });
    expect(ticks.slice(1, -1).every((tick) => tick.anchor === 'middle')).toBe(true);
  });

  it('widens a single-day story to a week so it reads as a date', () => {
    const [only] = brokenTimeAxis({ main: day('2026-01-28') }, 0, 300, { tailWidth: 50, breakWidth: 20 });
    expect((only!.t1 - only!.t0) / DAY_MS).toBeGreaterThanOrEqual(7);
  });

  it('draws one label for the tail segment, calendar ticks on the main one, and a break between them', () => {
    const axis = axisLayout(segments, 56);
    expect(axis.gutters).toEqual([{ x0: 10, x1: 70 }]);
    expect(axis.breaks).toEqual([80]);
    expect(axis.ticks[0]).toEqual({ x: 40, label: '2015', segment: 'earlier', anchor: 'middle' });
    const main = axis.ticks.filter((tick) => tick.segment === 'main');
    // 1 October would print over the break: it is left out, and its year moves to the next tick.
    expect(main.map((tick) => tick.label)).toEqual(['Nov', 'Dec', 'Jan', 'Feb']);
    expect(main.map((tick) => tick.context)).toEqual(['2025', undefined, '2026', undefined]);
    expect(Math.min(...main.map((tick) => tick.x))).toBeGreaterThan(axis.breaks[0]! + 56 / 3);
    const spanning = axisLayout([{ kind: 'earlier', t0: isoTime('2003-01-01'), t1: isoTime('2016-01-01'), x0: 0, x1: 50 }, { ...segments[1]!, x0: 70 }], 56);
    expect(spanning.ticks[0]!.label).toBe('2003–15');
  });
});

describe('timeTicks', () => {
  it('picks the finest calendar unit that fits: days, weeks, months, quarters, years', () => {
    const t0 = isoTime('2026-01-01');
    expect(timeTicks(t0, isoTime('2026-01-10'), 12).map((tick) => tick.label)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(timeTicks(t0, isoTime('2026-02-01'), 6).map((tick) => tick.label)).toEqual(['5', '12', '19', '26']);
    expect(timeTicks(t0, isoTime('2026-12-31'), 12).map((tick) => tick.label)).toHaveLength(12);
    expect(timeTicks(t0, isoTime('2027-12-31'), 9).map((tick) => tick.label)).toEqual(['Jan', 'Apr', 'Jul', 'Oct', 'Jan', 'Apr', 'Jul', 'Oct']);
    expect(timeTicks(isoTime('2000-01-01'), isoTime('2030-01-01'), 8).map((tick) => tick.label)).toEqual(['2000', '2005', '2010', '2015', '2020', '2025', '2030']);
  });

  it('picks what listing every interval\'s ticks would pick, for any span and count', () => {
    // The reference: the finest interval whose ticks, all listed, are few enough (what timeTicks skips listing).
    const intervals = [utcDay, utcDay.every(2)!, utcMonday, utcMonth, utcMonth.every(3)!, utcMonth.every(6)!, ...[1, 2, 5, 10, 20, 50, 100].map((step) => utcYear.every(step)!)];
    const reference = (t0: number, t1: number, count: number) => {
      const lists = intervals.map((interval) => interval.range(new Date(t0), new Date(t1 + 1)).map((date) => date.getTime()));
      return lists.find((times) => times.length <= count) ?? lists.at(-1)!;
    };
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const starts = ['2026-01-31', '2024-02-29', '1999-12-31', '2025-07-01'].map(isoTime);
    for (let trial = 0; trial < 400; trial++) {
      const t0 = starts[trial % starts.length]! + Math.floor(random() * 400) * DAY_MS;
      // Spans from a day to about three centuries, most of them short.
      const t1 = t0 + Math.floor(Math.exp(random() * Math.log(110_000))) * DAY_MS;
      const count = 1 + Math.floor(random() * 16);
      expect(timeTicks(t0, t1, count).map((tick) => tick.t), `${new Date(t0).toISOString()}–${new Date(t1).toISOString()}, ${count}`).toEqual(reference(t0, t1, count));
    }
  });

  it('names the larger unit of each tick', () => {
    expect(timeTicks(isoTime('2026-01-01'), isoTime('2026-02-01'), 6)[0]).toEqual({ t: isoTime('2026-01-05'), label: '5', context: 'Jan 2026' });
    expect(timeTicks(isoTime('2025-11-01'), isoTime('2026-02-01'), 6)[2]).toEqual({ t: isoTime('2026-01-01'), label: 'Jan', context: '2026' });
  });
});

describe('countBins', () => {
  it('bins counts on a square-root scale into five steps, with contiguous legend ranges', () => {
    const { binOf, legend } = countBins(100);
    expect([0, 1, 4, 16, 36, 64, 100].map(binOf)).toEqual([0, 1, 2, 3, 4, 5, 5]);
    expect(legend).toEqual([
      { bin: 1, from: 1, to: 3 },
      { bin: 2, from: 4, to: 15 },
      { bin: 3, from: 16, to: 35 },
      { bin: 4, from: 36, to: 63 },
      { bin: 5, from: 64, to: 100 },
    ]);
  });

  it('leaves out bins no whole count falls into', () => {
    expect(countBins(2).legend.map((bin) => bin.bin)).toEqual([4, 5]);
  });
});

describe('packLanes', () => {
  it('puts overlapping extents in separate lanes, reuses a lane once free, and respects the gap', () => {
    const lanes = packLanes(
      [
        { start: 0, end: 10 },
        { start: 5, end: 15 },
        { start: 12, end: 20 },
        { start: 13, end: 14 },
      ],
      2,
    );
    expect(lanes).toEqual([0, 1, 0, 2]);
  });

  it('returns -1 for what does not fit in maxLanes', () => {
    expect(packLanes([0, 0, 0].map(() => ({ start: 0, end: 1 })), 0, 2)).toEqual([0, 1, -1]);
  });
});

describe('text fitting', () => {
  const style = { size: 12 };

  it('truncates to the width, at a word where one is near, with an ellipsis', () => {
    const text = 'Putin–al-Sharaa meeting at the Kremlin, January 2026';
    expect(truncate(text, 1000, style)).toBe(text);
    const cut = truncate(text, 150, style);
    expect(cut.endsWith('…')).toBe(true);
    expect(widthOf(cut, style)).toBeLessThanOrEqual(150);
    // Cut after a whole word.
    expect(text.startsWith(cut.slice(0, -1))).toBe(true);
    expect(text[cut.length - 1]).toBe(' ');
    expect(truncate(text, 5, style)).toBe('');
  });

  it('wraps into lines and cuts the last with an ellipsis when text is left', () => {
    const text = 'Neutral-toned news report, republished with a disclaimer by another site.';
    const two = wrap(text, 260, { size: 11 }, 2);
    expect(two).toHaveLength(2);
    for (const line of two) expect(widthOf(line, { size: 11 })).toBeLessThanOrEqual(260);
    expect(two.join(' ')).toBe(text);
    const cut = wrap(text, 200, { size: 11 }, 2);
    expect(cut).toHaveLength(2);
    expect(cut[1]!.endsWith('…')).toBe(true);
    expect(widthOf(cut[1]!, { size: 11 })).toBeLessThanOrEqual(200);
    const one = wrap(text, 200, { size: 11 }, 1);
    expect(one).toHaveLength(1);
    expect(one[0]!.endsWith('…')).toBe(true);
  });
});


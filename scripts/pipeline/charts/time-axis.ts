/**
 * Time on a horizontal axis, possibly broken into segments: the build draws
 * the axis with it and the timeline's client script redraws it after a zoom,
 * so it stays small and imports nothing but d3-time (see Timeline.astro).
 */
import { utcDay, utcMonday, utcMonth, utcYear, type TimeInterval } from 'd3';

export const DAY_MS = 86_400_000;

/** "2026-01-28" → milliseconds at 00:00 UTC. */
export function isoTime(iso: string): number {
  const [year, month, day] = iso.split('-').map(Number);
  return Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1);
}

export interface TimeExtent {
  /** First instant covered. */
  t0: number;
  /** First instant after the period (exclusive). */
  t1: number;
  /** A single day: drawn as a point at its middle, not as a span. */
  point: boolean;
}

/**
 * What a date covers. A day is a point; a month, a year or a range covers
 * every day from its start to its end, so it is drawn as a span.
 */
export function timeExtent(date: { start: string; end: string; precision: string }): TimeExtent {
  const t0 = isoTime(date.start);
  const t1 = isoTime(date.end) + DAY_MS;
  return { t0, t1, point: date.precision === 'day' || t1 - t0 <= DAY_MS };
}

/** The middle of a point mark's day, where the point is drawn. */
export function pointTime(extent: TimeExtent): number {
  return (extent.t0 + extent.t1) / 2;
}

export type SegmentKind = 'main' | 'earlier' | 'later';

/** A piece of a broken axis: times t0..t1 drawn linearly over x0..x1. */
export interface Segment {
  kind: SegmentKind;
  t0: number;
  t1: number;
  x0: number;
  x1: number;
}

function segmentFor(segments: readonly Segment[], t: number): Segment {
  let best = segments[0]!;
  for (const segment of segments) {
    if (t >= segment.t0 && t <= segment.t1) return segment;
    const distance = Math.min(Math.abs(t - segment.t0), Math.abs(t - segment.t1));
    if (distance < Math.min(Math.abs(t - best.t0), Math.abs(t - best.t1))) best = segment;
  }
  return best;
}

/** x of time `t`: linear within its segment, extrapolated from the nearest one outside them all. */
export function segmentX(segments: readonly Segment[], t: number): number {
  const segment = segmentFor(segments, t);
  const span = segment.t1 - segment.t0 || 1;
  return segment.x0 + ((t - segment.t0) / span) * (segment.x1 - segment.x0);
}

/** The time at `x`, the inverse of `segmentX`. */
export function segmentTime(segments: readonly Segment[], x: number): number {
  let best = segments[0]!;
  for (const segment of segments) {
    if (x >= segment.x0 && x <= segment.x1) {
      best = segment;
      break;
    }
    if (Math.abs(x - (segment.x0 + segment.x1) / 2) < Math.abs(x - (best.x0 + best.x1) / 2)) best = segment;
  }
  const width = best.x1 - best.x0 || 1;
  return best.t0 + ((x - best.x0) / width) * (best.t1 - best.t0);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function monthName(t: number): string {
  return MONTHS[new Date(t).getUTCMonth()]!;
}

type TickUnit = 'day' | 'month' | 'year';

/**
 * Tick intervals from the finest to the coarsest; the first that fits is used.
 * `longest`: the longest gap between two of its ticks, in days (every other day
 * starts again on the 1st of each month, so it is at most 2).
 */
const INTERVALS: { interval: TimeInterval; unit: TickUnit; longest: number }[] = [
  { interval: utcDay, unit: 'day', longest: 1 },
  { interval: utcDay.every(2)!, unit: 'day', longest: 2 },
  { interval: utcMonday, unit: 'day', longest: 7 },
  { interval: utcMonth, unit: 'month', longest: 31 },
  { interval: utcMonth.every(3)!, unit: 'month', longest: 92 },
  { interval: utcMonth.every(6)!, unit: 'month', longest: 184 },
  ...[1, 2, 5, 10, 20, 50, 100].map((step) => ({ interval: utcYear.every(step)!, unit: 'year' as const, longest: 366 * step })),
];

export interface Tick {
  t: number;
  /** "28", "Jan" or "2025". */
  label: string;
  /** The next unit up: "Jan 2026" for a day, "2026" for a month; none for a year. */
  context?: string;
}

/**
 * Ticks at calendar boundaries between t0 and t1, at most `maxCount` of them:
 * days, every other day, weeks (Mondays), months, quarters, half-years or
 * years, whichever is the finest that fits.
 */
export function timeTicks(t0: number, t1: number, maxCount: number): Tick[] {
  const count = Math.max(1, Math.floor(maxCount));
  let chosen = INTERVALS.at(-1)!;
  let times: Date[] = [];
  for (const candidate of INTERVALS) {
    // A span holds at least span / longest − 1 ticks: skip the intervals that cannot fit without
    // listing their ticks (a chart over ten years would list 3,650 days to find they are too many).
    const fewest = Math.floor((t1 - t0) / (candidate.longest * DAY_MS)) - 1;
    if (fewest > count && candidate !== INTERVALS.at(-1)) continue;
    times = candidate.interval.range(new Date(t0), new Date(t1 + 1));
    chosen = candidate;
    if (times.length <= count) break;
  }
  return times.map((date) => {
    const t = date.getTime();
    const year = String(date.getUTCFullYear());
    if (chosen.unit === 'day') return { t, label: String(date.getUTCDate()), context: `${monthName(t)} ${year}` };
    if (chosen.unit === 'month') return { t, label: monthName(t), context: year };
    return { t, label: year };
  });
}

/** The context printed only under the first tick and wherever it changes, as newspapers do. */
function contextOnChange<T extends { context?: string }>(ticks: readonly T[]): T[] {
  let previous: string | undefined;
  return ticks.map((tick) => {
    const { context, ...rest } = tick;
    const shown = context !== undefined && context !== previous;
    previous = context;
    return (shown ? tick : rest) as T;
  });
}

export interface AxisTick {
  x: number;
  label: string;
  context?: string;
  /** Ticks of an "earlier"/"later" segment label the whole segment and draw no grid line. */
  segment: SegmentKind;
  /** Text anchor of both lines: centred on the tick, or flush with it at the artboard's edges. */
  anchor: 'start' | 'middle' | 'end';
}

/** Rough advance of 11px axis type, px per character (bold for the context line), rounded up. */
const TICK_CHAR = { label: 6.4, context: 7 };
/** How far tick text may reach beyond the outermost segments (the artboard's margin). */
const TICK_OVERHANG = 10;

function anchorWithin(x: number, texts: { label: string; context?: string }, left: number, right: number): AxisTick['anchor'] {
  const half = Math.max(texts.label.length * TICK_CHAR.label, (texts.context?.length ?? 0) * TICK_CHAR.context) / 2;
  if (x - half < left) return 'start';
  if (x + half > right) return 'end';
  return 'middle';
}

export interface AxisLayout {
  ticks: AxisTick[];
  /** Shaded backgrounds behind the compressed segments. */
  gutters: { x0: number; x1: number }[];
  /** x of each break in the axis, between two segments. */
  breaks: number[];
}

/** "2015", or "2003–15" for a segment spanning years. */
function yearSpan(t0: number, t1: number): string {
  const first = new Date(t0).getUTCFullYear();
  const last = new Date(Math.max(t0, t1 - 1)).getUTCFullYear();
  if (first === last) return String(first);
  const lastLabel = Math.floor(first / 100) === Math.floor(last / 100) ? String(last).slice(-2) : String(last);
  return `${first}–${lastLabel}`;
}

/**
 * Ticks, gutters and breaks for a (possibly broken) axis. The main segment
 * gets calendar ticks at least `minSpacing` px apart; a compressed segment
 * gets one label naming its years.
 */
export function axisLayout(segments: readonly Segment[], minSpacing: number): AxisLayout {
  const ticks: AxisTick[] = [];
  const gutters: AxisLayout['gutters'] = [];
  const breaks: number[] = [];
  const sorted = [...segments].sort((a, b) => a.x0 - b.x0);
  const left = sorted[0]!.x0 - TICK_OVERHANG;
  const right = sorted.at(-1)!.x1 + TICK_OVERHANG;
  sorted.forEach((segment, index) => {
    const next = sorted[index + 1];
    if (next) breaks.push((segment.x1 + next.x0) / 2);
    if (segment.kind !== 'main') {
      gutters.push({ x0: segment.x0, x1: segment.x1 });
      ticks.push({ x: (segment.x0 + segment.x1) / 2, label: yearSpan(segment.t0, segment.t1), segment: segment.kind, anchor: 'middle' });
      return;
    }
    const width = segment.x1 - segment.x0;
    // Keep tick labels clear of a neighbouring break.
    const startInset = index > 0 ? minSpacing / 3 : 0;
    const endInset = next ? minSpacing / 3 : 0;
    const inside = timeTicks(segment.t0, segment.t1, width / minSpacing + 1)
      .map((tick) => ({ ...tick, x: segmentX([segment], tick.t) }))
      .filter((tick) => tick.x >= segment.x0 + startInset && tick.x <= segment.x1 - endInset);
    for (const tick of contextOnChange(inside)) {
      ticks.push({ x: tick.x, label: tick.label, ...(tick.context && { context: tick.context }), segment: 'main', anchor: anchorWithin(tick.x, tick, left, right) });
    }
  });
  return { ticks, gutters, breaks };
}

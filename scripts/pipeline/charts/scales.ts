/**
 * Scales shared by the build-time charts: a time axis that breaks around a
 * long tail, and count bins for sequential shading.
 */
import { scaleQuantize, scaleUtc, utcDay } from 'd3';
import { DAY_MS, type Segment } from './time-axis.ts';

export interface TimeSpan {
  t0: number;
  t1: number;
}

export interface TailSplit {
  earlier?: TimeSpan;
  main: TimeSpan;
  later?: TimeSpan;
}

/** A gap is a break when it is at least this share of the whole span… */
const BREAK_GAP_SHARE = 0.4;
/** …and the marks it cuts off are at most this share of all marks. */
const TAIL_MARK_SHARE = 0.25;

/**
 * Where the dates cluster, and the long tail on either side of them.
 *
 * News about one story is dense in a few months and cites the odd date years
 * earlier ("Russia intervened in 2015"). One linear scale over the whole span
 * would squash the story into a sliver, and dropping the old dates would hide
 * them; so the axis breaks at the largest stretch of time in which no mark
 * starts or ends, when that stretch is at least 40% of the whole span and
 * longer than the cluster it leaves, and at most a quarter of the marks lie
 * beyond it: those get a narrow segment of their own, and a long span ("since
 * 2015") simply crosses the break. Applied at most once on each side. Evenly
 * spread dates, two clusters of similar weight, or a sparse but continuous
 * story are never broken.
 */
export function splitLongTail(extents: readonly TimeSpan[]): TailSplit {
  if (extents.length === 0) return { main: { t0: 0, t1: DAY_MS } };
  const times = extents.flatMap((extent) => [extent.t0, extent.t1]).sort((a, b) => a - b);
  const split: Partial<TailSplit> = {};
  let low = 0;
  let high = times.length - 1;
  for (let pass = 0; pass < 2; pass++) {
    let gap = 0;
    let at = -1;
    for (let index = low; index < high; index++) {
      if (times[index + 1]! - times[index]! > gap) {
        gap = times[index + 1]! - times[index]!;
        at = index;
      }
    }
    if (at === -1 || gap < BREAK_GAP_SHARE * (times[high]! - times[low]!)) break;
    const before = times[at]!;
    const after = times[at + 1]!;
    const tail = TAIL_MARK_SHARE * extents.length;
    // A tail is marks wholly beyond the gap: spans that only start there cross the break.
    if (!split.earlier && extents.some((extent) => extent.t1 <= before) && extents.filter((extent) => extent.t0 <= before).length <= tail && gap > times[high]! - after) {
      split.earlier = { t0: times[low]!, t1: before };
      low = at + 1;
    } else if (!split.later && extents.some((extent) => extent.t0 >= after) && extents.filter((extent) => extent.t1 >= after).length <= tail && gap > before - times[low]!) {
      split.later = { t0: after, t1: times[high]! };
      high = at;
    } else {
      break;
    }
  }
  return { ...split, main: { t0: times[low]!, t1: times[high]! } };
}

export interface BrokenAxisOptions {
  /** Width of a compressed (earlier/later) segment, px. */
  tailWidth: number;
  /** Room for the break symbol between two segments, px. */
  breakWidth: number;
}

/**
 * The segments of a time axis over [left, right]: the main cluster padded a
 * little and rounded to whole days (d3's nice), plus a narrow segment for each
 * tail. A main cluster of a single day is widened to a week so that it reads
 * as a date on a calendar, not as the whole axis.
 */
export function brokenTimeAxis(split: TailSplit, left: number, right: number, options: BrokenAxisOptions): Segment[] {
  const segments: Segment[] = [];
  let x0 = left;
  let x1 = right;
  if (split.earlier) {
    segments.push({ kind: 'earlier', ...split.earlier, x0: left, x1: left + options.tailWidth });
    x0 = left + options.tailWidth + options.breakWidth;
  }
  if (split.later) {
    segments.push({ kind: 'later', ...split.later, x0: right - options.tailWidth, x1: right });
    x1 = right - options.tailWidth - options.breakWidth;
  }
  const span = split.main.t1 - split.main.t0;
  const pad = Math.max(span * 0.03, span < 7 * DAY_MS ? (7 * DAY_MS - span) / 2 : DAY_MS);
  const [t0, t1] = scaleUtc()
    .domain([split.main.t0 - pad, split.main.t1 + pad])
    .nice(utcDay)
    .domain()
    .map((date) => date.getTime()) as [number, number];
  segments.push({ kind: 'main', t0, t1, x0, x1 });
  return segments.sort((a, b) => a.x0 - b.x0);
}

export interface CountBin {
  /** 1 = lightest … `steps` = darkest. */
  bin: number;
  /** Counts that fall in this bin, inclusive. */
  from: number;
  to: number;
}

/**
 * Shading steps for counts from 1 to `max`, on a square-root scale so that a
 * few very frequent names (Russia, Syria) do not wash out everything else.
 * Returns the bin of a count (0 for none) and each bin's count range, for the
 * legend; bins no whole count falls into are left out of it.
 */
export function countBins(max: number, steps = 5): { binOf: (count: number) => number; legend: CountBin[] } {
  const top = Math.max(1, max);
  const quantize = scaleQuantize<number>()
    .domain([0, Math.sqrt(top)])
    .range(Array.from({ length: steps }, (_, index) => index + 1));
  const binOf = (count: number) => (count <= 0 ? 0 : quantize(Math.sqrt(Math.min(count, top))));
  const legend: CountBin[] = [];
  for (let count = 1; count <= top; count++) {
    const bin = binOf(count);
    const last = legend.at(-1);
    if (last && last.bin === bin) last.to = count;
    else legend.push({ bin, from: count, to: count });
  }
  return { binOf, legend };
}

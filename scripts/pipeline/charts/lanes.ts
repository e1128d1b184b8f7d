/**
 * Interval partitioning: horizontal extents (a mark and its label) stacked
 * into as few rows ("lanes") as possible so that none overlap.
 */

export interface Extent {
  start: number;
  end: number;
}

/**
 * The lane of each extent (in input order), or -1 for the extents that do not
 * fit in `maxLanes`. Extents are taken by start (ties by input order) and each
 * goes into the lowest lane whose last extent ends at least `gap` before it:
 * greedy by start is optimal for intervals, and the lowest lane keeps stacks
 * of marks on one date compact from the top. Deterministic.
 */
export function packLanes(extents: readonly Extent[], gap = 0, maxLanes = Number.POSITIVE_INFINITY): number[] {
  const order = extents.map((_, index) => index).sort((a, b) => extents[a]!.start - extents[b]!.start || a - b);
  const laneEnds: number[] = [];
  const lanes = new Array<number>(extents.length).fill(-1);
  for (const index of order) {
    const extent = extents[index]!;
    let lane = laneEnds.findIndex((end) => end + gap <= extent.start);
    if (lane === -1) {
      if (laneEnds.length >= maxLanes) continue;
      lane = laneEnds.length;
      laneEnds.push(extent.end);
    } else {
      laneEnds[lane] = extent.end;
    }
    lanes[index] = lane;
  }
  return lanes;
}

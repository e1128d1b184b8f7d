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

/**
 * Like `packLanes`, but the lanes keep the input order: each extent goes into
 * the last lane opened if it starts at least `gap` after that lane's end,
 * else opens the next lane ("next fit"). Given extents sorted by date, the
 * chart then reads in date order from top to bottom and left to right, at
 * the cost of a few more lanes than `packLanes` needs. When they do not all
 * fit in `maxLanes`, the first extents (the oldest) are left out (-1), so
 * that the latest are shown.
 */
export function packInOrder(extents: readonly Extent[], gap = 0, maxLanes = Number.POSITIVE_INFINITY): number[] {
  for (let skip = 0; skip < extents.length; skip++) {
    const lanes = nextFit(extents.slice(skip), gap);
    if (Math.max(-1, ...lanes) < maxLanes) return [...new Array<number>(skip).fill(-1), ...lanes];
  }
  return new Array<number>(extents.length).fill(-1);
}

function nextFit(extents: readonly Extent[], gap: number): number[] {
  let lane = -1;
  let laneEnd = Number.NEGATIVE_INFINITY;
  return extents.map((extent) => {
    if (lane === -1 || laneEnd + gap > extent.start) {
      lane += 1;
      laneEnd = extent.end;
    } else {
      laneEnd = Math.max(laneEnd, extent.end);
    }
    return lane;
  });
}

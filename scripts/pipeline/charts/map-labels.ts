/**
 * Build-time label placement for point charts (the map and the network).
 *
 * There are no font metrics at build time, so label widths are estimated from
 * per-character advance classes of a sans-serif face, rounded up: a label is
 * laid out a little wider than it renders, never narrower. Placement is
 * greedy in priority order over a fixed list of candidate positions, first
 * beside the mark, then further out with a leader line; every step is
 * deterministic, so the same input always gives the same picture.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type TextAnchor = 'start' | 'middle' | 'end';

/** Advance widths in em for a typical UI sans-serif (system-ui, Helvetica, Arial, Roboto), by class. */
const ADVANCES: readonly number[] = [0.3, 0.37, 0.9, 0.7, 0.58, 0.56];
/** The class of a character outside every other: most letters, and every character beyond the BMP. */
const OTHER = 5;

/** `ADVANCES`' class of one character. */
function advanceClass(char: string): number {
  if (/[iIl.,:;|!'’]/.test(char)) return 0;
  if (/[fjrt()\-–—\s]/.test(char)) return 1;
  if (/[mwMW]/.test(char)) return 2;
  if (/[A-Z]/.test(char)) return 3;
  if (/[0-9]/.test(char)) return 4;
  return OTHER;
}

/**
 * Each BMP code unit's class, found the first time it is met (255: not yet).
 * Labels are measured again and again while they are fitted (a truncation
 * measures a label a dozen times), and five regular expressions a character
 * were most of a timeline's layout.
 */
const classOfUnit = new Uint8Array(0x10000).fill(255);

/** Estimated rendered width of `text` in px at `fontSize`, with optional letter spacing (px) and bold. */
export function textWidth(text: string, fontSize: number, options: { bold?: boolean; letterSpacing?: number } = {}): number {
  let em = 0;
  let characters = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    characters++;
    // A surrogate pair is one character, and no class but the last has any.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        em += ADVANCES[OTHER]!;
        i++;
        continue;
      }
    }
    let kind = classOfUnit[unit]!;
    if (kind === 255) kind = classOfUnit[unit] = advanceClass(String.fromCharCode(unit));
    em += ADVANCES[kind]!;
  }
  // Calibrated against DejaVu Sans, the widest common UI face (Linux's default), so labels fit on every platform.
  const width = em * fontSize * (options.bold ? 1.19 : 1.05) + (options.letterSpacing ?? 0) * characters;
  return Math.ceil(width);
}

export function overlaps(a: Box, b: Box, gap = 0): boolean {
  return a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;
}

function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function inside(box: Box, bounds: Box): boolean {
  return box.x >= bounds.x && box.y >= bounds.y && box.x + box.width <= bounds.x + bounds.width && box.y + box.height <= bounds.y + bounds.height;
}

/** Liang–Barsky: does the segment (x1,y1)–(x2,y2) cross the box? */
export function segmentHitsBox(x1: number, y1: number, x2: number, y2: number, box: Box): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = x2 - x1;
  const dy = y2 - y1;
  const edges: [number, number][] = [
    [-dx, x1 - box.x],
    [dx, box.x + box.width - x1],
    [-dy, y1 - box.y],
    [dy, box.y + box.height - y1],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

export interface LabelRequest {
  id: string;
  /** The mark's centre. */
  x: number;
  y: number;
  /** The mark's radius: labels start this far out. */
  radius: number;
  width: number;
  height: number;
  /** Without a free spot, optional labels are left out (the mark keeps its name for assistive tech and tooltips). */
  optional?: boolean;
  /** Try these positions only (e.g. area labels centred on their point). */
  modes?: ('beside' | 'leader' | 'centre')[];
}

export interface PlacedLabel {
  id: string;
  /** Text anchor point: `x` with `anchor`, `y` is the baseline. */
  x: number;
  y: number;
  anchor: TextAnchor;
  box: Box;
  /** From the mark's edge to the label, when the label sits away from its mark. */
  leader?: [number, number, number, number];
  /** True when no position was free and the least-bad one was taken. */
  forced?: boolean;
}

interface Candidate {
  box: Box;
  anchor: TextAnchor;
  cost: number;
  leader?: [number, number, number, number];
}

/** Baseline of a box's text: the box's height covers ascenders and descenders. */
function baseline(box: Box): number {
  return box.y + box.height * 0.78;
}

function anchorX(box: Box, anchor: TextAnchor): number {
  return anchor === 'start' ? box.x : anchor === 'end' ? box.x + box.width : box.x + box.width / 2;
}

/** Positions beside the mark, cheapest first: right, left, above, below, then the diagonals. */
function besideCandidates(request: LabelRequest, gap: number): Candidate[] {
  const { x, y, radius, width, height } = request;
  const d = radius + gap;
  const diagonal = (radius + gap) * 0.72;
  const list: [number, number, TextAnchor, number][] = [
    [x + d, y - height / 2, 'start', 0],
    [x - d - width, y - height / 2, 'end', 1],
    [x + diagonal, y - diagonal - height, 'start', 2],
    [x + diagonal, y + diagonal, 'start', 2.5],
    [x - diagonal - width, y - diagonal - height, 'end', 3],
    [x - diagonal - width, y + diagonal, 'end', 3.5],
    [x - width / 2, y - d - height, 'middle', 4],
    [x - width / 2, y + d, 'middle', 4.5],
  ];
  return list.map(([bx, by, anchor, cost]) => ({ box: { x: bx, y: by, width, height }, anchor, cost }));
}

/** Above the dearest position at the mark (centre 0–6, beside 0–4.5): placeLabels relies on it. */
const LEADER_COST = 10;

const byCost = (a: Candidate, b: Candidate) => a.cost - b.cost;

/**
 * Positions further out, joined to the mark by a leader: the label's near
 * side sits `distance` px from the mark along one of 16 directions.
 */
function leaderCandidates(request: LabelRequest, distances: readonly number[]): Candidate[] {
  const { x, y, radius, width, height } = request;
  const result: Candidate[] = [];
  for (const distance of distances) {
    for (let step = 0; step < 16; step++) {
      const angle = (step / 16) * Math.PI * 2;
      const cos = Math.cos(angle);
      const sin = Math.sin(angle);
      const px = x + cos * (radius + distance);
      const py = y + sin * (radius + distance);
      // Horizontal directions read best; near-vertical ones centre the label.
      const anchor: TextAnchor = cos > 0.35 ? 'start' : cos < -0.35 ? 'end' : 'middle';
      const bx = anchor === 'start' ? px + 2 : anchor === 'end' ? px - width - 2 : px - width / 2;
      const by = anchor === 'middle' ? (sin < 0 ? py - height : py) : py - height / 2;
      const box = { x: bx, y: by, width, height };
      // The leader ends at the label's nearest edge point.
      const ex = Math.max(box.x, Math.min(x, box.x + box.width));
      const ey = Math.max(box.y, Math.min(y, box.y + box.height));
      const lx = ex - x;
      const ly = ey - y;
      const length = Math.hypot(lx, ly) || 1;
      const sx = x + (lx / length) * (radius + 1);
      const sy = y + (ly / length) * (radius + 1);
      // Prefer short leaders, and horizontal over vertical directions.
      const cost = LEADER_COST + Math.max(0, distance) / 4 + Math.abs(sin) * 2 + (cos < 0 ? 0.5 : 0);
      result.push({ box, anchor, cost, leader: [round(sx), round(sy), round(ex), round(ey)] });
    }
  }
  return result;
}

function centreCandidates(request: LabelRequest): Candidate[] {
  const { x, y, width, height } = request;
  const offsets: [number, number][] = [
    [0, 0],
    [0, -height * 0.8],
    [0, height * 0.8],
    [-width * 0.25, 0],
    [width * 0.25, 0],
    [0, -height * 1.6],
    [0, height * 1.6],
  ];
  return offsets.map(([dx, dy], index) => ({ box: { x: x - width / 2 + dx, y: y - height / 2 + dy, width, height }, anchor: 'middle' as const, cost: index }));
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

export interface PlaceOptions {
  /** Everything labels must keep clear of (marks, fixed text). */
  obstacles?: readonly (Box & { id?: string })[];
  /** Labels must fit inside. */
  bounds: Box;
  /** Between a mark and a label beside it. */
  gap?: number;
  /** Leader lengths tried, in px. */
  leaderDistances?: readonly number[];
  /** Kept clear around each label. */
  padding?: number;
}

/**
 * Place labels in the order given (most important first). Each takes the
 * cheapest candidate that stays inside the bounds and clear of obstacles
 * (other than its own mark), of labels already placed and of their leaders.
 */
export function placeLabels(requests: readonly LabelRequest[], options: PlaceOptions): PlacedLabel[] {
  const gap = options.gap ?? 3;
  const padding = options.padding ?? 1;
  const distances = options.leaderDistances ?? [14, 26, 40, 56];
  const obstacles = options.obstacles ?? [];
  const placed: PlacedLabel[] = [];

  const blocked = (candidate: Candidate, request: LabelRequest): number => {
    if (!inside(candidate.box, options.bounds)) return Infinity;
    let penalty = 0;
    for (const obstacle of obstacles) {
      if (obstacle.id === request.id) continue;
      if (overlaps(candidate.box, obstacle, padding)) penalty += 1 + overlapArea(candidate.box, obstacle);
      const leader = candidate.leader;
      if (leader && segmentHitsBox(leader[0], leader[1], leader[2], leader[3], obstacle)) penalty += 1;
    }
    for (const other of placed) {
      if (overlaps(candidate.box, other.box, padding)) penalty += 1 + overlapArea(candidate.box, other.box);
      const leader = candidate.leader;
      if (leader && segmentHitsBox(leader[0], leader[1], leader[2], leader[3], other.box)) penalty += 1;
      if (other.leader && segmentHitsBox(other.leader[0], other.leader[1], other.leader[2], other.leader[3], candidate.box)) penalty += 1;
    }
    return penalty;
  };

  for (const request of requests) {
    const modes = request.modes ?? ['beside', 'leader'];
    // Every leader position costs more than every position at the mark (LEADER_COST), so they are
    // made only when no position at the mark is free: most labels are placed beside their mark,
    // and making and sorting the 64 leader positions was most of an ego network's labelling.
    const near = [...(modes.includes('centre') ? centreCandidates(request) : []), ...(modes.includes('beside') ? besideCandidates(request, gap) : [])].sort(byCost);
    const far = () => (modes.includes('leader') ? leaderCandidates(request, distances).sort(byCost) : []);
    let best: Candidate | undefined;
    let bestPenalty = Infinity;
    let first: Candidate | undefined = near[0];
    const tryAll = (candidates: readonly Candidate[]) => {
      for (const candidate of candidates) {
        const penalty = blocked(candidate, request);
        if (penalty === 0) {
          best = candidate;
          bestPenalty = 0;
          return;
        }
        if (penalty < bestPenalty) {
          best = candidate;
          bestPenalty = penalty;
        }
      }
    };
    tryAll(near);
    if (bestPenalty > 0) {
      const leaders = far();
      first ??= leaders[0];
      tryAll(leaders);
    }
    if (!best && !request.optional && first) {
      // Nothing fits inside the bounds: pull the first choice inside.
      const bx = Math.min(Math.max(first.box.x, options.bounds.x), options.bounds.x + options.bounds.width - first.box.width);
      const by = Math.min(Math.max(first.box.y, options.bounds.y), options.bounds.y + options.bounds.height - first.box.height);
      best = { box: { ...first.box, x: bx, y: by }, anchor: first.anchor, cost: first.cost };
    }
    if (!best || (bestPenalty > 0 && request.optional)) continue;
    const box = { x: round(best.box.x), y: round(best.box.y), width: best.box.width, height: best.box.height };
    placed.push({
      id: request.id,
      x: round(anchorX(box, best.anchor)),
      y: round(baseline(box)),
      anchor: best.anchor,
      box,
      ...(best.leader && { leader: best.leader }),
      ...(bestPenalty > 0 && { forced: true }),
    });
  }
  return placed;
}

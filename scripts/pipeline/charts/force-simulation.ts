/**
 * The force simulation the network charts run: d3-force's link, many-body,
 * collision and x/y forces, with d3's cooling and velocity decay, written
 * over flat arrays.
 *
 * Why not d3-force itself: it is what this reproduces, operation for
 * operation, so the layouts are the same to the last bit (the unit tests run
 * both on random graphs and compare every coordinate). What d3 does per tick
 * is general: three quadtrees of objects, a new object per quadrant visited,
 * and a closure call per visit. For the charts' graphs (a median of eight
 * nodes) that bookkeeping was most of the cost: ego-network layouts took
 * 37 s of CPU in a cold build at 5,000 articles, nearly all in d3-force's
 * ticks and d3-quadtree. Here the quadtree lives in reused typed arrays and is
 * walked in d3's order (pre-order, quadrants 0 to 3), so every sum is added in
 * the same order as d3 adds it.
 *
 * Only what the charts use is here: links with one iteration, a many-body
 * force with d3's defaults (θ = 0.9, no distance limit), collision with
 * strength 1, and constant x/y targets.
 */

export interface ForceNodeInput {
  x: number;
  y: number;
  /** A node held in place (d3's `fx`/`fy`): it keeps this position and no velocity. */
  fixed?: { x: number; y: number };
  /** The many-body strength (negative repels). */
  charge: number;
  /** The collision radius. */
  collide: number;
}

export interface ForceLinkInput {
  source: number;
  target: number;
  distance: number;
  strength: number;
}

export interface ForceSettings {
  /** The x and y forces' target and strength. */
  x: { target: number; strength: number };
  y: { target: number; strength: number };
  /** Passes of the collision force per tick. */
  collideIterations: number;
  alphaDecay: number;
  /** The source of jiggle when two points coincide (d3's `randomSource`). */
  random: () => number;
}

/** Which forces a tick applies; d3 applies them in the order they were added (this order). */
export interface ForceSet {
  link: boolean;
  charge: boolean;
  collide: boolean;
  x: boolean;
  y: boolean;
}

const THETA2 = 0.81;
const DISTANCE_MIN2 = 1;
const VELOCITY_DECAY = 0.6;
const EMPTY = -1;

/**
 * A point quadtree over n points, with d3-quadtree's shape: the same extent
 * (`cover`), the same splits (`add`) and coincident points chained in a
 * leaf, the newest first. Quadrants are numbered ≥ 0; a child slot holds a
 * quadrant's number, `EMPTY`, or a leaf as −(head point + 2).
 */
class PointQuadtree {
  x0 = 0;
  y0 = 0;
  x1 = 0;
  y1 = 0;
  root = EMPTY;
  quads = 0;
  children = new Int32Array(64);
  /** The next point in a leaf's chain of coincident points, or −1. */
  next: Int32Array;
  px: Float64Array;
  py: Float64Array;

  constructor(size: number) {
    this.next = new Int32Array(size);
    this.px = new Float64Array(size);
    this.py = new Float64Array(size);
  }

  /**
   * d3's `quadtree(points)`: the extent from the points, then each point added in order. A point
   * without a position (NaN: a pinned node between a rescale and the tick that puts it back) is left
   * out, as d3 leaves it out.
   */
  build(count: number): void {
    const { px, py } = this;
    this.root = EMPTY;
    this.quads = 0;
    let x0 = Infinity;
    let y0 = x0;
    let x1 = -x0;
    let y1 = x1;
    for (let i = 0; i < count; i++) {
      const x = px[i]!;
      const y = py[i]!;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
    if (x0 > x1 || y0 > y1) return;
    // d3's `cover(x0, y0).cover(x1, y1)` on an empty tree: an integer square from the lowest point,
    // doubled until it holds the highest. The highest point is never below or left of the lowest, so
    // the square only ever grows right and down (d3's other three cases cannot arise here).
    this.x0 = Math.floor(x0);
    this.y0 = Math.floor(y0);
    let z = 1;
    this.x1 = this.x0 + z;
    this.y1 = this.y0 + z;
    while (x1 >= this.x1 || y1 >= this.y1) {
      z *= 2;
      this.x1 = this.x0 + z;
      this.y1 = this.y0 + z;
    }
    for (let i = 0; i < count; i++) if (!Number.isNaN(px[i]!) && !Number.isNaN(py[i]!)) this.add(i);
  }

  private newQuad(): number {
    const quad = this.quads++;
    if (quad * 4 + 4 > this.children.length) {
      const grown = new Int32Array(this.children.length * 2);
      grown.set(this.children);
      this.children = grown;
    }
    this.children.fill(EMPTY, quad * 4, quad * 4 + 4);
    return quad;
  }

  /** The cell `add` is descending through, and the midpoints of its last halving. */
  private cell = { x0: 0, y0: 0, x1: 0, y1: 0, xm: 0, ym: 0 };

  /** Halves the cell towards (x, y), as d3 does on the way down; returns the quadrant taken. */
  private descend(x: number, y: number): number {
    const cell = this.cell;
    const xm = (cell.x0 + cell.x1) / 2;
    const right = x >= xm;
    if (right) cell.x0 = xm;
    else cell.x1 = xm;
    const ym = (cell.y0 + cell.y1) / 2;
    const bottom = y >= ym;
    if (bottom) cell.y0 = ym;
    else cell.y1 = ym;
    cell.xm = xm;
    cell.ym = ym;
    return (Number(bottom) << 1) | Number(right);
  }

  /** d3-quadtree's `add`. `slot` is the slot (4 × quadrant + child, or −1 for the root) that holds a node. */
  private add(point: number): void {
    const { px, py, children, cell } = this;
    const x = px[point]!;
    const y = py[point]!;
    const leaf = -(point + 2);
    this.next[point] = -1;
    if (this.root === EMPTY) {
      this.root = leaf;
      return;
    }
    cell.x0 = this.x0;
    cell.y0 = this.y0;
    cell.x1 = this.x1;
    cell.y1 = this.y1;
    let node = this.root;
    let slot = -1;
    while (node >= 0) {
      slot = node * 4 + this.descend(x, y);
      node = children[slot]!;
      if (node === EMPTY) {
        children[slot] = leaf;
        return;
      }
    }
    const existing = -node - 2;
    const xp = px[existing]!;
    const yp = py[existing]!;
    if (x === xp && y === yp) {
      this.next[point] = existing;
      this.setSlot(slot, leaf);
      return;
    }
    // Split until the old and the new point fall in different quadrants.
    let i: number;
    let j: number;
    do {
      const quad = this.newQuad();
      this.setSlot(slot, quad);
      i = this.descend(x, y);
      j = (Number(yp >= cell.ym) << 1) | Number(xp >= cell.xm);
      slot = quad * 4 + i;
      if (i !== j) {
        this.children[quad * 4 + j] = node;
        this.children[slot] = leaf;
      }
    } while (i === j);
  }

  private setSlot(slot: number, value: number): void {
    if (slot < 0) this.root = value;
    else this.children[slot] = value;
  }
}

/** A quadrant's aggregates, numbered like the tree's quadrants; leaves keep theirs by head point. */
interface Aggregates {
  value: Float64Array;
  cx: Float64Array;
  cy: Float64Array;
  r: Float64Array;
}

/** d3's `forceSimulation`, stopped, for the forces in `ForceSet`: positions and velocities are read and set directly. */
export class ForceSimulation {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly vx: Float64Array;
  readonly vy: Float64Array;
  alpha = 1;
  private readonly n: number;
  private readonly fixedX: Float64Array;
  private readonly fixedY: Float64Array;
  private readonly charges: Float64Array;
  private readonly radii: Float64Array;
  private readonly links: { source: Int32Array; target: Int32Array; distance: Float64Array; strength: Float64Array; bias: Float64Array };
  private readonly tree: PointQuadtree;
  private quadAggregates: Aggregates = { value: new Float64Array(16), cx: new Float64Array(16), cy: new Float64Array(16), r: new Float64Array(16) };
  private readonly leafAggregates: Aggregates;
  private readonly settings: ForceSettings;

  constructor(nodes: readonly ForceNodeInput[], links: readonly ForceLinkInput[], settings: ForceSettings) {
    this.settings = settings;
    const n = nodes.length;
    this.n = n;
    this.x = Float64Array.from(nodes, (node) => node.fixed?.x ?? node.x);
    this.y = Float64Array.from(nodes, (node) => node.fixed?.y ?? node.y);
    this.vx = new Float64Array(n);
    this.vy = new Float64Array(n);
    this.fixedX = Float64Array.from(nodes, (node) => node.fixed?.x ?? NaN);
    this.fixedY = Float64Array.from(nodes, (node) => node.fixed?.y ?? NaN);
    this.charges = Float64Array.from(nodes, (node) => node.charge);
    this.radii = Float64Array.from(nodes, (node) => node.collide);
    // d3's link bias: each end moves in proportion to the other end's share of the links.
    const count = new Float64Array(n);
    for (const link of links) {
      count[link.source]!++;
      count[link.target]!++;
    }
    this.links = {
      source: Int32Array.from(links, (link) => link.source),
      target: Int32Array.from(links, (link) => link.target),
      distance: Float64Array.from(links, (link) => link.distance),
      strength: Float64Array.from(links, (link) => link.strength),
      bias: Float64Array.from(links, (link) => count[link.source]! / (count[link.source]! + count[link.target]!)),
    };
    this.tree = new PointQuadtree(n);
    this.leafAggregates = { value: new Float64Array(n), cx: new Float64Array(n), cy: new Float64Array(n), r: new Float64Array(n) };
  }

  /** One tick of d3's `simulation.tick()`: cool, apply the forces in order, then move. */
  tick(forces: ForceSet): void {
    const { settings, n, x, y, vx, vy, fixedX, fixedY } = this;
    this.alpha += (0 - this.alpha) * settings.alphaDecay;
    const alpha = this.alpha;
    if (forces.link) this.applyLinks(alpha);
    if (forces.charge) this.applyCharge(alpha);
    if (forces.collide) for (let k = 0; k < settings.collideIterations; k++) this.applyCollide();
    if (forces.x) for (let i = 0; i < n; i++) vx[i]! += (settings.x.target - x[i]!) * settings.x.strength * alpha;
    if (forces.y) for (let i = 0; i < n; i++) vy[i]! += (settings.y.target - y[i]!) * settings.y.strength * alpha;
    for (let i = 0; i < n; i++) {
      if (Number.isNaN(fixedX[i])) x[i]! += vx[i]! *= VELOCITY_DECAY;
      else (x[i] = fixedX[i]!), (vx[i] = 0);
      if (Number.isNaN(fixedY[i])) y[i]! += vy[i]! *= VELOCITY_DECAY;
      else (y[i] = fixedY[i]!), (vy[i] = 0);
    }
  }

  private jiggle(): number {
    return (this.settings.random() - 0.5) * 1e-6;
  }

  private applyLinks(alpha: number): void {
    const { x, y, vx, vy } = this;
    const { source, target, distance, strength, bias } = this.links;
    for (let i = 0; i < source.length; i++) {
      const s = source[i]!;
      const t = target[i]!;
      let dx = x[t]! + vx[t]! - x[s]! - vx[s]! || this.jiggle();
      let dy = y[t]! + vy[t]! - y[s]! - vy[s]! || this.jiggle();
      let l = Math.sqrt(dx * dx + dy * dy);
      l = ((l - distance[i]!) / l) * alpha * strength[i]!;
      dx *= l;
      dy *= l;
      let b = bias[i]!;
      vx[t]! -= dx * b;
      vy[t]! -= dy * b;
      b = 1 - b;
      vx[s]! += dx * b;
      vy[s]! += dy * b;
    }
  }

  /** Room for one aggregate per quadrant of the tree just built. */
  private sizeQuadAggregates(): void {
    const quads = this.tree.quads;
    if (this.quadAggregates.value.length < quads) {
      const size = Math.max(quads, this.quadAggregates.value.length * 2);
      this.quadAggregates = { value: new Float64Array(size), cx: new Float64Array(size), cy: new Float64Array(size), r: new Float64Array(size) };
    }
  }

  // ── Many-body (Barnes–Hut) ─────────────────────────────────────────────

  private applyCharge(alpha: number): void {
    const { tree, n } = this;
    tree.px.set(this.x);
    tree.py.set(this.y);
    tree.build(n);
    if (tree.root === EMPTY) return;
    this.sizeQuadAggregates();
    this.accumulateCharge(tree.root);
    for (let i = 0; i < n; i++) this.visitCharge(i, tree.root, tree.x0, tree.x1, tree.y0, tree.y1, alpha);
  }

  /** d3's `accumulate`, children before parents: strength and its weighted centre per quadrant. */
  private accumulateCharge(node: number): void {
    const { tree } = this;
    if (node < 0) {
      const head = -node - 2;
      const leaves = this.leafAggregates;
      leaves.cx[head] = tree.px[head]!;
      leaves.cy[head] = tree.py[head]!;
      let strength = 0;
      for (let point = head; point !== -1; point = tree.next[point]!) strength += this.charges[point]!;
      leaves.value[head] = strength;
      return;
    }
    let strength = 0;
    let weight = 0;
    let x = 0;
    let y = 0;
    for (let i = 0; i < 4; i++) {
      const child = tree.children[node * 4 + i]!;
      if (child === EMPTY) continue;
      this.accumulateCharge(child);
      const value = this.valueOf(child);
      const c = Math.abs(value);
      if (c) {
        strength += value;
        weight += c;
        x += c * this.cxOf(child);
        y += c * this.cyOf(child);
      }
    }
    const quads = this.quadAggregates;
    quads.cx[node] = x / weight;
    quads.cy[node] = y / weight;
    quads.value[node] = strength;
  }

  private valueOf(node: number): number {
    return node < 0 ? this.leafAggregates.value[-node - 2]! : this.quadAggregates.value[node]!;
  }
  private cxOf(node: number): number {
    return node < 0 ? this.leafAggregates.cx[-node - 2]! : this.quadAggregates.cx[node]!;
  }
  private cyOf(node: number): number {
    return node < 0 ? this.leafAggregates.cy[-node - 2]! : this.quadAggregates.cy[node]!;
  }

  /** d3's many-body `apply` for point `i`, over the quadrants in d3's visiting order. */
  private visitCharge(i: number, node: number, x0: number, x1: number, y0: number, y1: number, alpha: number): void {
    const value = this.valueOf(node);
    if (!value) return;
    const { vx, vy } = this;
    let dx = this.cxOf(node) - this.x[i]!;
    let dy = this.cyOf(node) - this.y[i]!;
    let w = x1 - x0;
    let l = dx * dx + dy * dy;
    if ((w * w) / THETA2 < l) {
      // Far enough: the whole quadrant acts from its centre (no distance limit, so always applied).
      if (dx === 0) (dx = this.jiggle()), (l += dx * dx);
      if (dy === 0) (dy = this.jiggle()), (l += dy * dy);
      if (l < DISTANCE_MIN2) l = Math.sqrt(DISTANCE_MIN2 * l);
      vx[i]! += (dx * value * alpha) / l;
      vy[i]! += (dy * value * alpha) / l;
      return;
    }
    if (node >= 0) {
      const xm = (x0 + x1) / 2;
      const ym = (y0 + y1) / 2;
      const base = node * 4;
      const children = this.tree.children;
      let child = children[base]!;
      if (child !== EMPTY) this.visitCharge(i, child, x0, xm, y0, ym, alpha);
      child = children[base + 1]!;
      if (child !== EMPTY) this.visitCharge(i, child, xm, x1, y0, ym, alpha);
      child = children[base + 2]!;
      if (child !== EMPTY) this.visitCharge(i, child, x0, xm, ym, y1, alpha);
      child = children[base + 3]!;
      if (child !== EMPTY) this.visitCharge(i, child, xm, x1, ym, y1, alpha);
      return;
    }
    const head = -node - 2;
    const next = this.tree.next;
    if (head !== i || next[head] !== -1) {
      if (dx === 0) (dx = this.jiggle()), (l += dx * dx);
      if (dy === 0) (dy = this.jiggle()), (l += dy * dy);
      if (l < DISTANCE_MIN2) l = Math.sqrt(DISTANCE_MIN2 * l);
    }
    for (let point = head; point !== -1; point = next[point]!) {
      if (point === i) continue;
      w = (this.charges[point]! * alpha) / l;
      vx[i]! += dx * w;
      vy[i]! += dy * w;
    }
  }

  // ── Collision ──────────────────────────────────────────────────────────

  /** One pass of d3's collision force: over a tree of the points where they are heading. */
  private applyCollide(): void {
    const { tree, n, x, y, vx, vy } = this;
    for (let i = 0; i < n; i++) {
      tree.px[i] = x[i]! + vx[i]!;
      tree.py[i] = y[i]! + vy[i]!;
    }
    tree.build(n);
    if (tree.root === EMPTY) return;
    this.sizeQuadAggregates();
    this.prepareCollide(tree.root);
    const root = tree.root;
    for (let i = 0; i < n; i++) {
      const ri = this.radii[i]!;
      const xi = x[i]! + vx[i]!;
      const yi = y[i]! + vy[i]!;
      if (root < 0) {
        if (-root - 2 > i) this.collidePair(i, xi, yi, ri, ri * ri, -root - 2);
        continue;
      }
      const r = ri + this.quadAggregates.r[root]!;
      if (tree.x0 > xi + r || tree.x1 < xi - r || tree.y0 > yi + r || tree.y1 < yi - r) continue;
      this.visitCollide(i, xi, yi, ri, ri * ri, root, tree.x0, tree.x1, tree.y0, tree.y1);
    }
  }

  /** d3's `prepare`: each quadrant's largest radius (a leaf's is its head point's). */
  private prepareCollide(node: number): number {
    if (node < 0) {
      const head = -node - 2;
      return (this.leafAggregates.r[head] = this.radii[head]!);
    }
    let r = 0;
    for (let i = 0; i < 4; i++) {
      const child = this.tree.children[node * 4 + i]!;
      if (child === EMPTY) continue;
      const childR = this.prepareCollide(child);
      if (childR > r) r = childR;
    }
    return (this.quadAggregates.r[node] = r);
  }

  /**
   * d3's collision `apply` for point `i` (at xi, yi where it is heading) below an internal quadrant,
   * pruning quadrants out of reach. Children are tested here, before any call, because most of them
   * are leaves of points already done or out of reach.
   */
  private visitCollide(i: number, xi: number, yi: number, ri: number, ri2: number, node: number, x0: number, x1: number, y0: number, y1: number): void {
    const xm = (x0 + x1) / 2;
    const ym = (y0 + y1) / 2;
    const base = node * 4;
    const children = this.tree.children;
    const quadR = this.quadAggregates.r;
    for (let quadrant = 0; quadrant < 4; quadrant++) {
      const child = children[base + quadrant]!;
      if (child === EMPTY) continue;
      if (child < 0) {
        if (-child - 2 > i) this.collidePair(i, xi, yi, ri, ri2, -child - 2);
        continue;
      }
      const cx0 = quadrant & 1 ? xm : x0;
      const cx1 = quadrant & 1 ? x1 : xm;
      const cy0 = quadrant & 2 ? ym : y0;
      const cy1 = quadrant & 2 ? y1 : ym;
      const r = ri + quadR[child]!;
      if (cx0 > xi + r || cx1 < xi - r || cy0 > yi + r || cy1 < yi - r) continue;
      this.visitCollide(i, xi, yi, ri, ri2, child, cx0, cx1, cy0, cy1);
    }
  }

  /** Points i and j (j > i, the head of its leaf: d3 does not look down a chain of coincident points here) pushed apart if they overlap. */
  private collidePair(i: number, xi: number, yi: number, ri: number, ri2: number, j: number): void {
    let rj = this.leafAggregates.r[j]!;
    let r = ri + rj;
    const { vx, vy } = this;
    let dx = xi - this.x[j]! - vx[j]!;
    let dy = yi - this.y[j]! - vy[j]!;
    let l = dx * dx + dy * dy;
    // Not `l >= r * r`: a point without a position (NaN) must do nothing, as in d3.
    if (!(l < r * r)) return;
    if (dx === 0) (dx = this.jiggle()), (l += dx * dx);
    if (dy === 0) (dy = this.jiggle()), (l += dy * dy);
    const root = Math.sqrt(l);
    l = ((r - root) / root) * 1;
    dx *= l;
    dy *= l;
    rj *= rj;
    r = rj / (ri2 + rj);
    vx[i]! += dx * r;
    vy[i]! += dy * r;
    r = 1 - r;
    vx[j]! -= dx * r;
    vy[j]! -= dy * r;
  }
}

/**
 * Disjoint sets over the positions 0, 1, 2… in the order they were added
 * (path halving + union by size): the one implementation, for hot loops over
 * a list. `UnionFind` below keys the same sets by string.
 */
export class IndexUnionFind {
  private readonly parent: number[] = [];
  private readonly size: number[] = [];

  /** `size` positions, each a set of its own. */
  constructor(size = 0) {
    for (let position = 0; position < size; position++) this.add();
  }

  /** A new position, a set of its own; returns it. */
  add(): number {
    const position = this.parent.length;
    this.parent.push(position);
    this.size.push(1);
    return position;
  }

  find(position: number): number {
    let node = position;
    while (this.parent[node] !== node) {
      const grand = this.parent[this.parent[node]!]!;
      this.parent[node] = grand;
      node = grand;
    }
    return node;
  }

  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    const [big, small] = this.size[ra]! >= this.size[rb]! ? [ra, rb] : [rb, ra];
    this.parent[small] = big;
    this.size[big] = this.size[ra]! + this.size[rb]!;
  }

  /** Positions grouped by set, each group in ascending order, the groups by their first position. */
  groups(): number[][] {
    const byRoot = new Map<number, number[]>();
    for (let position = 0; position < this.parent.length; position++) {
      const root = this.find(position);
      const list = byRoot.get(root);
      if (list) list.push(position);
      else byRoot.set(root, [position]);
    }
    return [...byRoot.values()];
  }
}

/** Disjoint sets over string keys: `IndexUnionFind` over the keys' positions in first-seen order. */
export class UnionFind {
  private readonly positions = new Map<string, number>();
  private readonly keys: string[] = [];
  private readonly sets = new IndexUnionFind();

  add(key: string): void {
    this.position(key);
  }

  find(key: string): string {
    return this.keys[this.sets.find(this.position(key))]!;
  }

  union(a: string, b: string): void {
    this.sets.union(this.position(a), this.position(b));
  }

  /** Members grouped by set, in first-seen order. */
  groups(): string[][] {
    return this.sets.groups().map((group) => group.map((position) => this.keys[position]!));
  }

  private position(key: string): number {
    let position = this.positions.get(key);
    if (position === undefined) {
      position = this.sets.add();
      this.positions.set(key, position);
      this.keys.push(key);
    }
    return position;
  }
}

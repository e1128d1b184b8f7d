/** Disjoint sets over string keys (path halving + union by size). */
export class UnionFind {
  private readonly parent = new Map<string, string>();
  private readonly size = new Map<string, number>();

  add(key: string): void {
    if (!this.parent.has(key)) {
      this.parent.set(key, key);
      this.size.set(key, 1);
    }
  }

  find(key: string): string {
    this.add(key);
    let node = key;
    let parent = this.parent.get(node) ?? node;
    while (parent !== node) {
      const grand = this.parent.get(parent) ?? parent;
      this.parent.set(node, grand);
      node = grand;
      parent = this.parent.get(node) ?? node;
    }
    return node;
  }

  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    const sa = this.size.get(ra) ?? 1;
    const sb = this.size.get(rb) ?? 1;
    const [big, small] = sa >= sb ? [ra, rb] : [rb, ra];
    this.parent.set(small, big);
    this.size.set(big, sa + sb);
  }

  /** Members grouped by set, in first-seen order. */
  groups(): string[][] {
    const byRoot = new Map<string, string[]>();
    for (const key of this.parent.keys()) {
      const root = this.find(key);
      const list = byRoot.get(root);
      if (list) list.push(key);
      else byRoot.set(root, [key]);
    }
    return [...byRoot.values()];
  }
}

/**
 * Disjoint sets over the positions 0…size−1, for hot loops over a list:
 * the same answers as `UnionFind` keyed by position, without a string key
 * and a map lookup per step.
 */
export class IndexUnionFind {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;

  constructor(size: number) {
    this.parent = Int32Array.from({ length: size }, (_, position) => position);
    this.size = new Int32Array(size).fill(1);
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

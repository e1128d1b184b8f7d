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

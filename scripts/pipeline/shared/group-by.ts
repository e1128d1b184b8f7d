/**
 * Items grouped by a key, in first-seen order. `Map.groupBy` does the same,
 * but Node 20 (the machines' default `node`, which the profiling scripts run
 * on) lacks it.
 */
export function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** Items grouped under each of their keys (an item may have several, or none), keeping input order within a group. */
export function groupByEach<T>(items: Iterable<T>, keysOf: (item: T) => Iterable<string | undefined>): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const key of keysOf(item)) {
      if (key === undefined) continue;
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}

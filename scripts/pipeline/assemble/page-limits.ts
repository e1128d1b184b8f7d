/**
 * How long a list on one briefing page may get.
 *
 * Why: a page's lists grew with the corpus. At 1,000 articles the Russia page
 * listed every source, statement and mention (60 MB of MDX), and at 5,000 the
 * build could not finish. A reader cannot use a 3,000-row section either. So
 * each list shows its most telling items, says how many more there are, and
 * links to where all of them are: the sources index, search, and the
 * knowledge model as JSON (the model itself is never capped).
 *
 * Every limit is above what the seed corpus needs, so small sites show everything.
 */
export const PAGE_LIMITS = {
  /** Source columns ("What each source says"), "Mentioned in" rows and descriptor rows. */
  sources: 12,
  /** Statements in all source columns together, shared out by `shareOut`. */
  sourceStatements: 120,
  /** Paragraphs listed in "Mentioned in" together. */
  mentionedParagraphs: 80,
  timeline: 30,
  quotes: 20,
  /** Event pages: statements with their support. */
  supported: 25,
  conflicts: 20,
  /**
   * Source pages and the sources index: other sources this one shares text with
   * (those sharing the most paragraphs first), and shared paragraph pairs per source.
   * Wire copy makes these grow with the corpus: one agency story reprinted by
   * 300 outlets would list 300 sources on each of them.
   */
  sharedWith: 10,
  sharedPassages: 6,
} as const;

/** Lists that can be cut, and how many items each one left out (absent: nothing left out). */
export type OmittedCounts = Partial<
  Record<'descriptors' | 'quotesBy' | 'quotesAbout' | 'timeline' | 'mentionedIn' | 'mentionedParagraphs' | 'bySource' | 'bySourceStatements' | 'supported' | 'conflicts', number>
>;

/**
 * The `limit` items that rank first by `rank` (ties keep input order), returned
 * in input order, so a cut list reads like the full one with rows missing.
 */
export function keepBest<T>(items: readonly T[], limit: number, rank: (a: T, b: T) => number): T[] {
  if (items.length <= limit) return [...items];
  const chosen = firstOfSorted(
    items.map((item, position) => ({ item, position })),
    limit,
    (a, b) => rank(a.item, b.item) || a.position - b.position,
  );
  return chosen.sort((a, b) => a.position - b.position).map(({ item }) => item);
}

/*
 * A page shows a few items of lists that, for a state at 5,000 articles, hold
 * tens of thousands (claims, dated lines, sources). Sorting a whole list to
 * keep a dozen of it was about 2 s of the pages' assembly, comparators
 * included; these keep the few in one pass, most items turned away after one
 * comparison.
 */

/** `[...items].sort(compare).slice(0, count)`: the first `count` of a stable sort, ties in input order. */
export function firstOfSorted<T>(items: readonly T[], count: number, compare: (a: T, b: T) => number): T[] {
  const kept: T[] = [];
  if (count <= 0) return kept;
  for (const item of items) {
    // Each item comes after every kept one (input order), so it goes behind those that do not sort after it.
    if (kept.length === count && compare(kept[count - 1]!, item) <= 0) continue;
    let at = kept.length;
    while (at > 0 && compare(kept[at - 1]!, item) > 0) at--;
    kept.splice(at, 0, item);
    if (kept.length > count) kept.pop();
  }
  return kept;
}

/**
 * `[...items].sort(compare).slice(-count)`: the last `count` of a stable sort, ties in input order.
 * A stable sort read backwards is the stable sort of the items read backwards by the reversed order,
 * so this is `firstOfSorted` of those, turned round.
 */
export function lastOfSorted<T>(items: readonly T[], count: number, compare: (a: T, b: T) => number): T[] {
  return firstOfSorted([...items].reverse(), count, (a, b) => compare(b, a)).reverse();
}

/**
 * How many items each group may keep so that all groups together keep at most
 * `budget` (water-filling): small groups keep everything, large ones are cut
 * to the same level. `sizes` [3, 50, 80] with budget 60 gives [3, 28, 29].
 */
export function shareOut(sizes: readonly number[], budget: number): number[] {
  const order = sizes.map((size, position) => ({ size, position })).sort((a, b) => a.size - b.size || a.position - b.position);
  const kept = sizes.map(() => 0);
  let left = budget;
  order.forEach(({ size, position }, rank) => {
    const fair = Math.floor(left / (order.length - rank));
    kept[position] = Math.min(size, fair);
    left -= kept[position]!;
  });
  // Whatever the floors left over goes to the largest groups that were cut, in order.
  for (const { size, position } of [...order].reverse()) {
    if (left === 0) break;
    const extra = Math.min(left, size - kept[position]!);
    kept[position] = kept[position]! + extra;
    left -= extra;
  }
  return kept;
}

/** A list cut at a component's `visible` prop (a number, or its string form from MDX): the first items and the rest. */
export function splitVisible<T>(items: readonly T[], visible: number | string | undefined): [T[], T[]] {
  const count = visible === undefined || visible === '' ? items.length : Math.max(0, Number(visible));
  return Number.isFinite(count) ? [items.slice(0, count), items.slice(count)] : [[...items], []];
}

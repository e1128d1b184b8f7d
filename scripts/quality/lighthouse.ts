/**
 * Lighthouse scores of the audited pages against the project's targets, and
 * the table `npm run audit` prints. Pure: scripts/audit.ts runs Lighthouse.
 */

export const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof categories)[number];

/** Targets from issue 6: performance ≥ 95, the other three 100. */
export const targets: Record<Category, number> = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 };

export interface PageScores {
  kind: string;
  path: string;
  /** 0–100, or null when Lighthouse could not score the category. */
  scores: Record<Category, number | null>;
  /** Audits that lost points, by category: "color-contrast (0)". */
  failing: Partial<Record<Category, string[]>>;
}

export function misses(pages: readonly PageScores[]): string[] {
  return pages.flatMap((page) =>
    categories
      .filter((category) => (page.scores[category] ?? 0) < targets[category])
      .map((category) => `${page.kind} ${category} ${page.scores[category] ?? 'n/a'} < ${targets[category]}`),
  );
}

export function scoreTable(pages: readonly PageScores[]): string {
  const header = ['page', 'path', 'performance', 'accessibility', 'best practices', 'SEO'];
  const rows = pages.map((page) => [page.kind, `/${page.path}`, ...categories.map((category) => String(page.scores[category] ?? 'n/a'))]);
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join(' | ')} |`;
  return [line(header), `|${widths.map((width, column) => (column < 2 ? '-'.repeat(width + 2) : `${'-'.repeat(width + 1)}:`)).join('|')}|`, ...rows.map(line)].join('\n');
}

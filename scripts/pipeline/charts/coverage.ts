/**
 * The coverage matrix: which sources mention which entities, and how often.
 * `coverageData` counts mentions per source and entity from the knowledge
 * model; `layoutCoverage` places the grid on an artboard. Both pure;
 * CoverageMatrix.astro draws the layout as SVG at build time.
 */
import type { EntityKind, KnowledgeModel } from '../model.ts';
import { entityPath, paragraphPath, sourcePath } from '../shared/paths.ts';
import { outletLabel } from '../shared/outlet.ts';
import { countBins, type CountBin } from './scales.ts';
import { truncate, widthOf, wrap, type TextStyle } from './text.ts';

/* ------------------------------------------------------------------ */
/* Data                                                                */
/* ------------------------------------------------------------------ */

export interface CoverageEntity {
  id: string;
  name: string;
  kind: EntityKind;
  path: string;
  /** Mentions in the whole corpus. */
  mentions: number;
}

export interface CoverageSource {
  slug: string;
  path: string;
  title: string;
  outlet: string;
  stance?: string;
  /** Publication date label, to tell apart two articles of one outlet. */
  published?: string;
  /** ISO start of the publication date, for sorting. */
  publishedIso?: string;
}

export interface CoverageCell {
  count: number;
  /** The first paragraph of the source that mentions the entity. */
  path?: string;
}

export interface CoverageData {
  entities: CoverageEntity[];
  sources: CoverageSource[];
  /** cells[source][entity], in the order of `sources` and `entities`. */
  cells: CoverageCell[][];
  /** Highest count among the cells shown. */
  max: number;
  /** How many there are in all, to say what the caps left out. */
  totals: { entities: number; sources: number };
}

export interface CoverageLimits {
  maxEntities: number;
  maxSources: number;
}

/**
 * Ten columns fit a phone's width with a legible count in each cell; 25 rows
 * keep the home page short. At thousands of sources the matrix shows the most
 * recent ones and says so (the sources index lists them all); it never
 * paginates, because it is a summary, not an index.
 */
export const COVERAGE_LIMITS: CoverageLimits = { maxEntities: 10, maxSources: 25 };

/**
 * Mentions per source and entity: the most recent sources (newest first) as
 * rows, the most mentioned entities in the whole corpus as columns (ties by
 * name). Each non-empty cell links to the first paragraph of the source that
 * mentions the entity.
 */
export function coverageData(
  model: Pick<KnowledgeModel, 'articles' | 'entities' | 'mentions'>,
  limits: CoverageLimits = COVERAGE_LIMITS,
): CoverageData {
  const totals = new Map<string, number>();
  for (const mention of model.mentions) totals.set(mention.entityId, (totals.get(mention.entityId) ?? 0) + 1);
  const entities: CoverageEntity[] = model.entities
    .filter((entity) => (totals.get(entity.id) ?? 0) > 0)
    .map((entity) => ({ id: entity.id, name: entity.name, kind: entity.kind, path: entityPath(entity.kind, entity.id), mentions: totals.get(entity.id)! }))
    .sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const columns = entities.slice(0, limits.maxEntities);

  const sources: CoverageSource[] = model.articles
    .map((article) => ({
      slug: article.slug,
      path: sourcePath(article.slug),
      title: article.meta.title,
      outlet: outletLabel(article),
      ...(article.meta.stance && { stance: article.meta.stance }),
      ...(article.meta.published && { published: article.meta.published.label, publishedIso: article.meta.published.start }),
    }))
    // Newest first, undated last, as the home page lists them.
    .sort((a, b) => (b.publishedIso ?? '').localeCompare(a.publishedIso ?? '') || a.title.localeCompare(b.title) || a.slug.localeCompare(b.slug));
  const rows = sources.slice(0, limits.maxSources);

  // Count only what is shown, and find each cell's first mention in reading order.
  const rowIndex = new Map(rows.map((source, index) => [source.slug, index]));
  const columnIndex = new Map(columns.map((entity, index) => [entity.id, index]));
  const paragraphOrder = new Map<string, number>();
  for (const article of model.articles) {
    if (!rowIndex.has(article.slug)) continue;
    article.paragraphs.forEach((paragraph, index) => paragraphOrder.set(`${article.slug}#${paragraph.id}`, index));
  }
  const cells: CoverageCell[][] = rows.map(() => columns.map(() => ({ count: 0 })));
  const firstAt = rows.map(() => columns.map(() => Number.POSITIVE_INFINITY));
  for (const mention of model.mentions) {
    const row = rowIndex.get(mention.articleSlug);
    const column = columnIndex.get(mention.entityId);
    if (row === undefined || column === undefined) continue;
    const cell = cells[row]![column]!;
    cell.count++;
    const order = (paragraphOrder.get(`${mention.articleSlug}#${mention.paragraphId}`) ?? Number.MAX_SAFE_INTEGER) * 1e6 + mention.start;
    if (order < firstAt[row]![column]!) {
      firstAt[row]![column] = order;
      cell.path = paragraphPath(mention.articleSlug, mention.paragraphId);
    }
  }
  const max = Math.max(0, ...cells.flat().map((cell) => cell.count));
  return { entities: columns, sources: rows, cells, max, totals: { entities: entities.length, sources: sources.length } };
}

/** What the caps left out, as a note under the chart; undefined when nothing was. */
export function coverageCapNote(data: CoverageData): string | undefined {
  const parts: string[] = [];
  if (data.totals.entities > data.entities.length) {
    parts.push(`the ${data.entities.length} most mentioned of ${data.totals.entities.toLocaleString('en-GB')} names`);
  }
  if (data.totals.sources > data.sources.length) {
    parts.push(`the ${data.sources.length} most recent of ${data.totals.sources.toLocaleString('en-GB')} sources`);
  }
  return parts.length > 0 ? `Showing ${parts.join(' and ')}.` : undefined;
}

/* ------------------------------------------------------------------ */
/* Layout                                                              */
/* ------------------------------------------------------------------ */

export interface CoverageArtboard {
  width: number;
  /** Row labels beside the cells (wide) or above them (narrow). */
  labels: 'beside' | 'above';
  /** Width of the label column when beside. */
  labelWidth: number;
  /** Most lines of the stance note before it is cut with an ellipsis (the full note is in the tooltip and the table). */
  stanceLines: number;
  maxCell: number;
  minCell: number;
  type: { outlet: TextStyle; meta: TextStyle; stance: TextStyle; column: TextStyle; count: TextStyle };
}

export const COVERAGE_ARTBOARDS = {
  wide: {
    width: 640,
    labels: 'beside',
    labelWidth: 236,
    stanceLines: 3,
    maxCell: 38,
    minCell: 22,
    type: { outlet: { size: 12.5, bold: true }, meta: { size: 11 }, stance: { size: 11 }, column: { size: 11.5 }, count: { size: 11 } },
  },
  narrow: {
    width: 340,
    labels: 'above',
    labelWidth: 0,
    stanceLines: 2,
    maxCell: 34,
    minCell: 22,
    type: { outlet: { size: 12.5, bold: true }, meta: { size: 11 }, stance: { size: 11 }, column: { size: 11.5 }, count: { size: 11 } },
  },
} as const satisfies Record<string, CoverageArtboard>;

const LINE = { outlet: 16, stance: 14 };
const COLUMN_LABEL_MAX = 112;
/** Column labels are set at 45°: their horizontal and vertical reach is width × cos 45°. */
const DIAGONAL = Math.SQRT1_2;
const MARGIN = 4;
const ROW_GAP = 10;
const CELL_GAP = 2;

export interface CoverageColumnLayout {
  /** Centre of the column. */
  x: number;
  /** Where the 45° label starts (bottom left of the label). */
  labelX: number;
  labelY: number;
  label: string;
  name: string;
  path: string;
}

export interface CoverageCellLayout {
  x: number;
  y: number;
  size: number;
  count: number;
  /** 0 for no mention, else 1 (fewest) … 5 (most). */
  bin: number;
  path?: string;
  title: string;
}

export interface CoverageRowLayout {
  path: string;
  /** Outlet line: "Outlet", then the date in a lighter weight. */
  outlet: { x: number; y: number; text: string; meta?: string };
  /** The stance note, wrapped. */
  stance: { x: number; y: number; lines: string[] };
  /** Full outlet, date, title and stance, for the row's tooltip. */
  title: string;
  cells: CoverageCellLayout[];
  /** Hairline under the row. */
  rule: { y: number; x0: number; x1: number };
}

export interface CoverageLayout {
  width: number;
  height: number;
  cell: number;
  columns: CoverageColumnLayout[];
  rows: CoverageRowLayout[];
  legend: CountBin[];
}

/** "29 January 2026" → "29 Jan 2026": the row label's date, kept short. */
function shortDate(label: string): string {
  return label.replace(/\b(January|February|March|April|June|July|August|September|October|November|December)\b/g, (month) => month.slice(0, 3));
}

function cellTitle(source: CoverageSource, entity: CoverageEntity, count: number): string {
  const mentions = count === 0 ? 'no mentions' : count === 1 ? '1 mention' : `${count} mentions`;
  return `${entity.name} in ${source.outlet}${source.published ? ` (${source.published})` : ''}: ${mentions}`;
}

/**
 * The grid on an artboard. Cells are as large as fit (up to `maxCell`) once
 * the 45° column labels have room on the right; each row is labelled with its
 * outlet, date and stance note, beside the cells or, on a narrow artboard,
 * above them.
 */
export function layoutCoverage(data: CoverageData, artboard: CoverageArtboard): CoverageLayout {
  const { width, type } = artboard;
  const columnCount = Math.max(1, data.entities.length);
  const labels = data.entities.map((entity) => truncate(entity.name, COLUMN_LABEL_MAX, type.column));
  const labelWidths = labels.map((label) => widthOf(label, type.column));
  const gridLeft = artboard.labels === 'beside' ? MARGIN + artboard.labelWidth : MARGIN;

  // Largest cell whose column labels still end inside the artboard.
  let cell = artboard.maxCell;
  const reach = (size: number) =>
    Math.max(0, ...labelWidths.map((labelWidth, index) => gridLeft + (index + 0.5) * size + labelWidth * DIAGONAL + 4));
  while (cell > artboard.minCell && (gridLeft + columnCount * cell > width - MARGIN || reach(cell) > width - MARGIN)) cell--;

  const headerHeight = Math.ceil(Math.max(0, ...labelWidths) * DIAGONAL + type.column.size + 6);
  const columns: CoverageColumnLayout[] = data.entities.map((entity, index) => {
    const x = gridLeft + (index + 0.5) * cell;
    return { x, labelX: x - 2, labelY: headerHeight - 4, label: labels[index]!, name: entity.name, path: entity.path };
  });

  const { binOf, legend } = countBins(data.max);
  const rows: CoverageRowLayout[] = [];
  let y = headerHeight + 6;
  const gridRight = gridLeft + columnCount * cell;
  data.sources.forEach((source, rowIndex) => {
    const labelRoom = artboard.labels === 'beside' ? artboard.labelWidth - 12 : width - 2 * MARGIN;
    // The outlet comes first; the date follows when there is room for all of it.
    const meta = source.published ? ` · ${shortDate(source.published)}` : undefined;
    const metaWidth = meta ? widthOf(meta, type.meta) : 0;
    const outletText = truncate(source.outlet, Math.max(labelRoom - metaWidth, labelRoom * 0.6), type.outlet);
    const metaText = meta && widthOf(outletText, type.outlet) + metaWidth <= labelRoom ? meta : undefined;
    const stanceLines = source.stance ? wrap(source.stance, labelRoom, type.stance, artboard.stanceLines) : [];
    const labelHeight = LINE.outlet + stanceLines.length * LINE.stance;
    let cellsTop: number;
    let labelTop: number;
    let rowBottom: number;
    if (artboard.labels === 'beside') {
      const height = Math.max(cell, labelHeight);
      labelTop = y;
      cellsTop = y + (height - cell) / 2;
      rowBottom = y + height;
    } else {
      labelTop = y;
      cellsTop = y + labelHeight + 4;
      rowBottom = cellsTop + cell;
    }
    const cells = data.entities.map((entity, column) => {
      const { count, path } = data.cells[rowIndex]![column]!;
      return {
        x: gridLeft + column * cell + CELL_GAP / 2,
        y: cellsTop + CELL_GAP / 2,
        size: cell - CELL_GAP,
        count,
        bin: binOf(count),
        ...(path && { path }),
        title: cellTitle(source, entity, count),
      };
    });
    rows.push({
      path: source.path,
      outlet: { x: MARGIN, y: labelTop + 12, text: outletText, ...(metaText && { meta: metaText }) },
      stance: { x: MARGIN, y: labelTop + LINE.outlet + 11, lines: stanceLines },
      title: [source.outlet, source.published, source.title, source.stance].filter(Boolean).join(' — '),
      cells,
      rule: { y: rowBottom + ROW_GAP / 2, x0: MARGIN, x1: artboard.labels === 'beside' ? gridRight : width - MARGIN },
    });
    y = rowBottom + ROW_GAP;
  });

  return { width, height: Math.ceil(y - ROW_GAP / 2 + 1), cell, columns, rows, legend };
}

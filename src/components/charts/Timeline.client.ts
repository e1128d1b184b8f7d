/**
 * Client enhancement for the build-time timeline: zoom to a time range, by a
 * preset button or by dragging across the axis band. The marks keep the rows
 * the build gave them (zooming in only spreads marks apart, so rows that did
 * not overlap still do not); their x positions and the axis are redrawn with
 * the same axis code the build used (time-axis.ts, whose only dependency is
 * d3-time). Plain DOM otherwise: the chart is complete without this script.
 */
import { axisLayout, DAY_MS, segmentTime, segmentX, type Segment } from '../../../scripts/pipeline/charts/time-axis.ts';

const SVG = 'http://www.w3.org/2000/svg';
/** Same as the build's metrics (timeline.ts): label offset, shortest bar, tick label baselines. */
const LABEL_GAP = 5;
const MIN_BAR = 3;
const LABEL_Y = 28;
const CONTEXT_Y = 13;
/** A drag narrower than this is a click, not a range. */
const MIN_BRUSH = 8;

interface Board {
  svg: SVGSVGElement;
  initial: Segment[];
  segments: Segment[];
  left: number;
  right: number;
  axisY: number;
  bottom: number;
  spacing: number;
}

function element<K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

function readBoard(svg: SVGSVGElement): Board {
  const [left, right] = (svg.dataset.plot ?? '0 0').split(' ').map(Number) as [number, number];
  const initial = JSON.parse(svg.dataset.segments ?? '[]') as Segment[];
  return {
    svg,
    initial,
    segments: initial,
    left,
    right,
    axisY: Number(svg.dataset.axisY),
    bottom: Number(svg.dataset.bottom),
    spacing: Number(svg.dataset.tickSpacing),
  };
}

/** The axis layer, as Timeline.astro draws it at build time. */
function drawAxis(board: Board): void {
  const layer = board.svg.querySelector('[data-axis]');
  if (!layer) return;
  const { axisY, bottom, segments } = board;
  const axis = axisLayout(segments, board.spacing);
  const nodes: SVGElement[] = [];
  for (const gutter of axis.gutters) {
    nodes.push(element('rect', { class: 'chart-axis__gutter', x: gutter.x0, y: axisY, width: gutter.x1 - gutter.x0, height: bottom - axisY }));
  }
  for (const tick of axis.ticks) {
    if (tick.segment === 'main') nodes.push(element('line', { class: 'chart-axis__grid', x1: tick.x, x2: tick.x, y1: axisY, y2: bottom }));
  }
  for (const segment of segments) nodes.push(element('line', { class: 'chart-axis__line', x1: segment.x0, x2: segment.x1, y1: axisY, y2: axisY }));
  for (const tick of axis.ticks) {
    const group = element('g', {});
    if (tick.segment === 'main') group.append(element('line', { class: 'chart-axis__tick', x1: tick.x, x2: tick.x, y1: axisY - 4, y2: axisY }));
    group.append(element('text', { class: 'chart-axis__label', x: tick.x, y: LABEL_Y, 'text-anchor': tick.anchor }, tick.label));
    if (tick.context) group.append(element('text', { class: 'chart-axis__context', x: tick.x, y: CONTEXT_Y, 'text-anchor': tick.anchor }, tick.context));
    nodes.push(group);
  }
  for (const x of axis.breaks) {
    const group = element('g', {});
    group.append(
      element('rect', { class: 'chart-axis__break-gap', x: x - 6, y: axisY - 6, width: 12, height: 12 }),
      element('path', { class: 'chart-axis__break', d: `M${x - 5},${axisY + 5}L${x - 1},${axisY - 5}M${x + 1},${axisY + 5}L${x + 5},${axisY - 5}` }),
    );
    nodes.push(group);
  }
  layer.replaceChildren(...nodes);
}

interface Placed {
  mark: SVGAElement;
  /** Marks in one row share a y. */
  row: number;
  /** The mark's visible extent, within the plot. */
  x0: number;
  x1: number;
  label?: SVGTextElement;
}

/** Shortest room worth a cut name; below it the name is left to the tooltip. */
const MIN_LABEL_ROOM = 40;

/** Set `label` to as much of `full` as fits `room` px (with an ellipsis when cut); its width, or -1 if nothing fits. */
function fit(label: SVGTextElement, full: string, room: number): number {
  label.textContent = full;
  if (label.getComputedTextLength() <= room) return label.getComputedTextLength();
  const chars = [...full];
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    label.textContent = `${chars.slice(0, mid).join('').trimEnd()}…`;
    if (label.getComputedTextLength() <= room) low = mid;
    else high = mid - 1;
  }
  if (low === 0) return -1;
  label.textContent = `${chars.slice(0, low).join('').trimEnd()}…`;
  return label.getComputedTextLength();
}

/**
 * Names beside their marks after a zoom: on the side the build chose, cut to
 * the room left before the plot's edge or the next mark or name in the row;
 * where that side has too little room (a span cut by the edge), on the other
 * side; else hidden, the mark keeping its name as tooltip and accessible name.
 * Every name is placed within the room the marks and names already placed
 * leave it, so none overlaps another.
 */
function placeLabels(board: Board, placed: readonly Placed[]): void {
  const rows = new Map<number, { from: number; to: number }[]>();
  const taken = (row: number) => rows.get(row) ?? rows.set(row, []).get(row)!;
  for (const item of placed) taken(item.row).push({ from: item.x0, to: item.x1 });
  /** Where a label starts (its anchor) on each side, and how much room it has there. */
  const side = (item: Placed, anchor: 'start' | 'end') => {
    const x = anchor === 'start' ? item.x1 + LABEL_GAP : item.x0 - LABEL_GAP;
    let room = anchor === 'start' ? board.right - x : x - board.left;
    for (const box of taken(item.row)) {
      if (box.from === item.x0 && box.to === item.x1) continue;
      if (anchor === 'start' && box.from >= item.x1) room = Math.min(room, box.from - LABEL_GAP - x);
      if (anchor === 'end' && box.to <= item.x0) room = Math.min(room, x - box.to - LABEL_GAP);
    }
    return { anchor, x, room };
  };
  const place = (item: Placed, anchor: 'start' | 'end'): boolean => {
    const label = item.label!;
    const at = side(item, anchor);
    const width = at.room >= MIN_LABEL_ROOM ? fit(label, label.dataset.full ?? '', at.room) : -1;
    if (width < 0) return false;
    label.removeAttribute('visibility');
    label.setAttribute('x', String(at.x));
    label.setAttribute('text-anchor', anchor);
    taken(item.row).push(anchor === 'start' ? { from: at.x, to: at.x + width } : { from: at.x - width, to: at.x });
    return true;
  };
  const labelled = placed.filter((item) => item.label);
  for (const item of labelled) item.label!.dataset.full ??= item.label!.textContent ?? '';
  // The build's sides first, then the other side for those that did not fit.
  const own = (item: Placed) => (item.mark.dataset.side === 'end' ? 'end' : 'start');
  const moving = labelled.filter((item) => !place(item, own(item)));
  for (const item of moving) {
    if (!place(item, own(item) === 'end' ? 'start' : 'end')) item.label!.setAttribute('visibility', 'hidden');
  }
}

/** Move every mark to its place on the board's current segments; hide those outside them. */
function drawMarks(board: Board): void {
  const first = board.segments[0]!;
  const last = board.segments.at(-1)!;
  const placed: Placed[] = [];
  for (const mark of board.svg.querySelectorAll<SVGAElement>('.timeline__mark')) {
    const t0 = Number(mark.dataset.t0);
    const t1 = Number(mark.dataset.t1);
    const size = Number(mark.dataset.size);
    const outside = t1 <= first.t0 || t0 >= last.t1;
    mark.toggleAttribute('hidden', outside);
    if (outside) continue;
    const shape = mark.querySelector('.timeline__shape');
    let x0: number;
    let x1: number;
    if (mark.dataset.shape === 'point') {
      const cx = segmentX(board.segments, (t0 + t1) / 2);
      shape?.setAttribute('cx', String(cx));
      x0 = cx - size;
      x1 = cx + size;
    } else {
      x0 = segmentX(board.segments, t0);
      x1 = segmentX(board.segments, t1);
      if (x1 - x0 < MIN_BAR) {
        const middle = (x0 + x1) / 2;
        x0 = middle - MIN_BAR / 2;
        x1 = middle + MIN_BAR / 2;
      }
      shape?.setAttribute('x', String(x0));
      shape?.setAttribute('width', String(x1 - x0));
    }
    const label = mark.querySelector('text') ?? undefined;
    placed.push({ mark, row: Number(mark.dataset.row), x0: Math.max(x0, board.left), x1: Math.min(x1, board.right), ...(label && { label }) });
  }
  placeLabels(board, placed);
}

function formatDay(t: number): string {
  return new Date(t).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** Zoom buttons and a brush on every artboard of a timeline figure. */
export function enhanceTimeline(figure: HTMLElement): void {
  const controls = figure.querySelector<HTMLElement>('[data-timeline-controls]');
  const status = figure.querySelector<HTMLElement>('[data-timeline-status]');
  const boards = [...figure.querySelectorAll<SVGSVGElement>('svg[data-segments]')].map(readBoard);
  if (!controls || boards.length === 0) return;
  const buttons = [...controls.querySelectorAll<HTMLButtonElement>('button[data-range]')];
  const marks = [...boards[0]!.svg.querySelectorAll<SVGAElement>('.timeline__mark')];
  const latest = Math.max(...marks.map((mark) => Number(mark.dataset.t1)));
  const hint = status?.textContent ?? '';

  const show = (range: [number, number] | undefined, pressed: string | undefined) => {
    for (const board of boards) {
      board.segments = range ? [{ kind: 'main', t0: range[0], t1: range[1], x0: board.left, x1: board.right }] : board.initial;
      drawAxis(board);
      drawMarks(board);
    }
    for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset.range === pressed));
    if (status) status.textContent = range ? `Showing ${formatDay(range[0])} to ${formatDay(range[1] - 1)}` : hint;
  };

  const period = buttons.find((button) => button.dataset.range === 'period');
  const periodRange = (): [number, number] => [Number(period?.dataset.t0), Number(period?.dataset.t1)];
  for (const button of buttons) {
    button.addEventListener('click', () => {
      if (button === period) return show(periodRange(), 'period');
      const days = Number(button.dataset.range);
      if (!Number.isFinite(days)) return show(undefined, 'all');
      // A little room after the latest mark so that it is not cut at the edge.
      const end = latest + Math.max(DAY_MS, days * DAY_MS * 0.03);
      show([end - days * DAY_MS, end], button.dataset.range);
    });
  }

  for (const board of boards) addBrush(board, (range) => show(range, undefined));
  controls.hidden = false;
  // Open on the story's period (see storyPeriod in timeline.ts); "All" is the range drawn without script.
  if (period) show(periodRange(), 'period');
}

/** Drag across the axis band to zoom to the dragged range. */
function addBrush(board: Board, zoom: (range: [number, number]) => void): void {
  const { svg } = board;
  const band = element('rect', { class: 'timeline__brush', x: board.left, y: 0, width: board.right - board.left, height: board.axisY + 6 });
  const selection = element('rect', { class: 'timeline__selection', x: 0, y: 0, width: 0, height: board.bottom, visibility: 'hidden' });
  band.append(element('title', {}, 'Drag across the dates to zoom'));
  svg.append(selection, band);

  const toX = (event: PointerEvent) => {
    const matrix = svg.getScreenCTM();
    if (!matrix) return 0;
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    return Math.min(board.right, Math.max(board.left, point.x));
  };
  let start: number | undefined;
  band.addEventListener('pointerdown', (event) => {
    start = toX(event);
    band.setPointerCapture(event.pointerId);
    selection.setAttribute('x', String(start));
    selection.setAttribute('width', '0');
    selection.setAttribute('visibility', 'visible');
  });
  band.addEventListener('pointermove', (event) => {
    if (start === undefined) return;
    const x = toX(event);
    selection.setAttribute('x', String(Math.min(start, x)));
    selection.setAttribute('width', String(Math.abs(x - start)));
  });
  const end = (event: PointerEvent) => {
    if (start === undefined) return;
    const x = toX(event);
    const [a, b] = [Math.min(start, x), Math.max(start, x)];
    start = undefined;
    selection.setAttribute('visibility', 'hidden');
    if (b - a < MIN_BRUSH) return;
    zoom([segmentTime(board.segments, a), segmentTime(board.segments, b)]);
  };
  band.addEventListener('pointerup', end);
  band.addEventListener('pointercancel', () => {
    start = undefined;
    selection.setAttribute('visibility', 'hidden');
  });
}

/**
 * The timeline: registry events and the dates the sources give, on one time
 * axis. `timelineData` picks the marks from the knowledge model (the whole
 * story, or what concerns one actor or base); `layoutTimeline` places them on
 * an artboard of a given width. Both pure; Timeline.astro draws the layout as
 * SVG at build time.
 */
import type { DatePrecision, Entity, SegmentedArticle, Statement } from '../model.ts';
import { excerpt } from '../shared/excerpt.ts';
import { statementDate } from '../shared/statement-date.ts';
import { entityPath, paragraphPath } from '../shared/paths.ts';
import { outletLabel } from '../shared/outlet.ts';
import { packInOrder, packLanes } from './lanes.ts';
import { plural } from '../shared/text.ts';
import { brokenTimeAxis, splitLongTail } from './scales.ts';
import { truncate, widthOf, type TextStyle } from './text.ts';
import { axisLayout, DAY_MS, pointTime, segmentX, timeExtent, type AxisLayout, type Segment, type SegmentKind } from './time-axis.ts';

/* ------------------------------------------------------------------ */
/* Data                                                                */
/* ------------------------------------------------------------------ */

/** A date as the chart needs it (a DateValue without the parts it does not use). */
export interface ChartDate {
  start: string;
  end: string;
  precision: DatePrecision;
  label: string;
  approximate?: boolean;
}

export interface TimelineEvent {
  id: string;
  name: string;
  /** Site-relative path of the event page. */
  path: string;
  date: ChartDate;
}

export interface TimelineStatement {
  /** The statement (sentence) id. */
  id: string;
  /** The sentence, cut to a readable length. */
  text: string;
  outlet: string;
  /** Site-relative path of the cited paragraph: /sources/<slug>/#<paragraph-id>. */
  path: string;
  date: ChartDate;
}

export interface TimelineData {
  events: TimelineEvent[];
  statements: TimelineStatement[];
  /** Dated marks left out by the caps, so that the chart can say so. */
  omitted: { events: number; statements: number };
}

export interface TimelineLimits {
  maxEvents: number;
  maxStatements: number;
}

/**
 * Caps that keep a page light at any corpus size: the table alternative lists
 * every mark the chart holds, so these bound the page's HTML as well.
 */
export const TIMELINE_LIMITS: TimelineLimits = { maxEvents: 40, maxStatements: 120 };

const STATEMENT_TEXT_CHARS = 240;

function chartDate(date: ChartDate): ChartDate {
  return {
    start: date.start,
    end: date.end,
    precision: date.precision,
    label: date.label,
    ...(date.approximate && { approximate: true }),
  };
}

function compareDates(a: ChartDate, b: ChartDate): number {
  return a.start < b.start ? -1 : a.start > b.start ? 1 : a.end < b.end ? -1 : a.end > b.end ? 1 : 0;
}

/**
 * The events that concern `focus`: those it takes part in or that happen at
 * it, those named in the same sentence as it (`statements` are the ones naming
 * it), and for a base, those at the place where the base is.
 */
export function eventsFor(focus: Entity, events: readonly Entity[], statements: readonly Statement[]): Entity[] {
  const index = eventIndexOf(events);
  const found = new Set<number>();
  const add = (positions: readonly number[] | undefined) => {
    if (positions) for (const position of positions) found.add(position);
  };
  add(index.byParticipant.get(focus.id));
  add(index.byPlace.get(focus.id));
  if (focus.kind === 'base' && focus.place !== undefined) add(index.byPlace.get(focus.place));
  for (const statement of statements) for (const id of statement.entityIds) add(index.byId.get(id));
  // In the order of `events`, as a filter of it would give them.
  return [...found]
    .sort((a, b) => a - b)
    .map((position) => events[position]!)
    .filter((event) => event.id !== focus.id);
}

/** Positions in a list of events, by id, by participant and by place. */
interface EventIndex {
  byId: Map<string, number[]>;
  byParticipant: Map<string, number[]>;
  byPlace: Map<string, number[]>;
}

/**
 * Made once per list: every entity page asks which of the story's events
 * concern it, and testing every event for every page was over a second of a
 * 5,000-article build (3,800 entities, 870 events).
 */
const eventIndexes = new WeakMap<readonly Entity[], EventIndex>();

function eventIndexOf(events: readonly Entity[]): EventIndex {
  let index = eventIndexes.get(events);
  if (index) return index;
  index = { byId: new Map(), byParticipant: new Map(), byPlace: new Map() };
  const put = (map: Map<string, number[]>, key: string, position: number) => {
    const list = map.get(key);
    if (list) list.push(position);
    else map.set(key, [position]);
  };
  events.forEach((event, position) => {
    put(index.byId, event.id, position);
    for (const participant of event.participants) put(index.byParticipant, participant, position);
    if (event.place !== undefined) put(index.byPlace, event.place, position);
  });
  eventIndexes.set(events, index);
  return index;
}

/**
 * The marks of a timeline: dated events, and each dated statement at the
 * earliest date it gives, linking to its paragraph. Over the caps, the newest
 * events are kept, and the statements whose date most other statements share
 * (the dates the story turns on), newest first on a tie.
 */
export function timelineData(
  events: readonly Entity[],
  statements: readonly Statement[],
  articles: ReadonlyMap<string, Pick<SegmentedArticle, 'meta' | 'file'>>,
  limits: TimelineLimits = TIMELINE_LIMITS,
): TimelineData {
  const datedEvents: TimelineEvent[] = events.flatMap((event) =>
    event.kind === 'event' && event.date ? [{ id: event.id, name: event.name, path: entityPath('event', event.id), date: chartDate(event.date) }] : [],
  );
  const datedStatements: TimelineStatement[] = statements.flatMap((statement) => {
    const date = statementDate(statement);
    if (!date) return [];
    const article = articles.get(statement.articleSlug);
    return [
      {
        id: statement.id,
        text: excerpt(statement.text, undefined, STATEMENT_TEXT_CHARS),
        outlet: article ? outletLabel(article) : statement.articleSlug,
        path: paragraphPath(statement.articleSlug, statement.paragraphId),
        date: chartDate(date),
      },
    ];
  });

  const keptEvents = [...datedEvents]
    .sort((a, b) => compareDates(b.date, a.date) || a.name.localeCompare(b.name))
    .slice(0, limits.maxEvents)
    .sort((a, b) => compareDates(a.date, b.date) || a.name.localeCompare(b.name));

  const sharing = new Map<string, number>();
  const key = (date: ChartDate) => `${date.start}/${date.end}`;
  for (const statement of datedStatements) sharing.set(key(statement.date), (sharing.get(key(statement.date)) ?? 0) + 1);
  const keptStatements = [...datedStatements]
    .sort((a, b) => sharing.get(key(b.date))! - sharing.get(key(a.date))! || compareDates(b.date, a.date) || a.id.localeCompare(b.id))
    .slice(0, limits.maxStatements)
    .sort((a, b) => compareDates(a.date, b.date) || a.outlet.localeCompare(b.outlet) || a.id.localeCompare(b.id));

  return {
    events: keptEvents,
    statements: keptStatements,
    omitted: { events: datedEvents.length - keptEvents.length, statements: datedStatements.length - keptStatements.length },
  };
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A date to the month ("January 2026"), or to the year for a year-precision date: enough for a summary. */
function roughly(date: ChartDate): string {
  const [year, month] = date.start.split('-');
  return date.precision === 'year' ? `${year}` : `${MONTH_NAMES[Number(month) - 1]} ${year}`;
}

/** One sentence for the chart's description: what it shows, from the earliest to the latest date given. */
export function describeTimeline(data: TimelineData): string {
  const dates = [...data.events.map((event) => event.date), ...data.statements.map((statement) => statement.date)].sort(compareDates);
  const first = dates[0] && roughly(dates[0]);
  const last = dates.at(-1) && roughly(dates.at(-1)!);
  const parts = [plural(data.events.length, 'event'), plural(data.statements.length, 'dated statement')];
  const range = first && last ? (first === last ? `, in ${first}` : `, from ${first} to ${last}`) : '';
  return `${parts.join(' and ')}${range}. Single days are drawn as dots; months, years and ranges as bars.`;
}

export interface StoryPeriod {
  /** Times in ms (t1 exclusive). */
  t0: number;
  t1: number;
  /** "October 2025 to January 2026". */
  label: string;
}

/** Share of the dated marks the story's period must hold. */
const PERIOD_SHARE = 0.7;

/**
 * Where the story's dated marks cluster: the shortest stretch of time holding
 * 70 % of them (by each mark's middle), widened by a margin so that marks at
 * its ends are not cut, in whole months. Undefined with fewer than four marks
 * or when that stretch is most of the whole range anyway (nothing to zoom to).
 * The timeline opens on it when its script runs; "All" shows the whole range.
 */
export function storyPeriod(data: TimelineData): StoryPeriod | undefined {
  const extents = [...data.events, ...data.statements].map((mark) => timeExtent(mark.date));
  if (extents.length < 4) return undefined;
  const middles = extents.map((extent) => (extent.t0 + extent.t1) / 2).sort((a, b) => a - b);
  const count = Math.ceil(middles.length * PERIOD_SHARE);
  let best = { from: middles[0]!, to: middles.at(-1)! };
  for (let index = 0; index + count - 1 < middles.length; index++) {
    const from = middles[index]!;
    const to = middles[index + count - 1]!;
    if (to - from < best.to - best.from) best = { from, to };
  }
  const whole = { t0: Math.min(...extents.map((extent) => extent.t0)), t1: Math.max(...extents.map((extent) => extent.t1)) };
  const margin = Math.max(7 * DAY_MS, (best.to - best.from) * 0.08);
  const start = new Date(Math.max(whole.t0, best.from - margin));
  const end = new Date(Math.min(whole.t1, best.to + margin));
  const t0 = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1);
  const t1 = Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 1);
  if (t1 - t0 > (whole.t1 - whole.t0) * 0.6) return undefined;
  const month = (t: number) => `${MONTH_NAMES[new Date(t).getUTCMonth()]} ${new Date(t).getUTCFullYear()}`;
  const first = month(t0);
  const last = month(t1 - DAY_MS);
  return { t0, t1, label: first === last ? first : `${first} to ${last}` };
}

/* ------------------------------------------------------------------ */
/* Layout                                                              */
/* ------------------------------------------------------------------ */

export interface TimelineType {
  /** Event names. */
  label: TextStyle;
  /** Dates beside the stacks of dated statements. */
  dateLabel: TextStyle;
}

export interface TimelineArtboard {
  width: number;
  type: TimelineType;
  /** Most rows of events and of statements drawn; the rest are counted in the note. */
  maxEventLanes: number;
  maxStatementLanes: number;
}

/** A wide artboard for desktop columns and a narrow one for phones, each with type drawn at its own size. */
export const TIMELINE_ARTBOARDS = {
  wide: { width: 640, type: { label: { size: 12 }, dateLabel: { size: 11 } }, maxEventLanes: 14, maxStatementLanes: 12 },
  narrow: { width: 340, type: { label: { size: 12 }, dateLabel: { size: 11 } }, maxEventLanes: 14, maxStatementLanes: 12 },
} as const satisfies Record<string, TimelineArtboard>;

/** Vertical rhythm, px. */
const METRICS = {
  margin: 12,
  axisY: 38,
  firstPanel: 52,
  panelTitle: 18,
  panelGap: 14,
  eventLane: 22,
  /** Tall enough for an 11 px date label beside a mark, clear of the rows above and below. */
  statementLane: 15,
  bottom: 8,
  eventRadius: 5.5,
  statementRadius: 4,
  eventBar: 10,
  statementBar: 7,
  minBar: 3,
  labelGap: 5,
  markGap: 6,
  tickSpacing: 56,
  tailWidth: { min: 44, max: 64, share: 0.1 },
  breakWidth: 18,
};

export interface TimelineLabel {
  /** As drawn: the whole name, or its start and an ellipsis when cut to fit. */
  text: string;
  /** The whole name, for the client to fit again after a zoom. */
  full: string;
  x: number;
  anchor: 'start' | 'end';
  /** The label was cut to fit; the full name is in the mark's title. */
  truncated: boolean;
}

export interface TimelineMark {
  kind: 'event' | 'statement';
  id: string;
  path: string;
  shape: 'point' | 'span';
  approximate: boolean;
  /** Time extent in ms (t1 exclusive), for the client's zoom. */
  t0: number;
  t1: number;
  /** A point's centre is cx; a span runs from x0 to x1. */
  x0: number;
  x1: number;
  cx: number;
  /** Vertical centre of the mark. */
  y: number;
  /** Radius of a point, height of a span. */
  size: number;
  segment: SegmentKind;
  label?: TimelineLabel;
  /** Accessible name and tooltip. */
  title: string;
}

export interface TimelinePanel {
  key: 'events' | 'statements';
  title: string;
  /** Top of the panel (its title), and the band its marks occupy. */
  y: number;
  top: number;
  bottom: number;
}

export interface TimelineLayout {
  width: number;
  height: number;
  plot: { left: number; right: number };
  axisY: number;
  segments: Segment[];
  axis: AxisLayout;
  tickSpacing: number;
  panels: TimelinePanel[];
  marks: TimelineMark[];
  /** Marks that did not fit the lanes (shown in the table, counted in the note). */
  hidden: { events: number; statements: number };
  /** Set when the axis is broken: says which dates are drawn apart. */
  breakNote?: string;
}

function tailWidth(plotWidth: number): number {
  const { min, max, share } = METRICS.tailWidth;
  return Math.round(Math.min(max, Math.max(min, plotWidth * share)));
}

function describeBreak(segments: readonly Segment[], axis: AxisLayout): string | undefined {
  const parts = segments.flatMap((segment) => {
    if (segment.kind === 'main') return [];
    const tick = axis.ticks.find((candidate) => candidate.segment === segment.kind);
    return tick ? [`${tick.label} is drawn apart at the ${segment.kind === 'earlier' ? 'left' : 'right'}`] : [];
  });
  if (parts.length === 0) return undefined;
  return `The time axis is broken (//): ${parts.join(' and ')}, compressed, so that the months where the dates cluster get the width.`;
}

interface Placed {
  x0: number;
  x1: number;
  cx: number;
  point: boolean;
  t0: number;
  t1: number;
  segment: SegmentKind;
}

function place(segments: readonly Segment[], date: ChartDate, radius: number): Placed {
  const extent = timeExtent(date);
  const segment = segments.find((candidate) => extent.t0 >= candidate.t0 && extent.t0 <= candidate.t1)?.kind ?? 'main';
  if (extent.point) {
    const cx = segmentX(segments, pointTime(extent));
    return { x0: cx - radius, x1: cx + radius, cx, point: true, t0: extent.t0, t1: extent.t1, segment };
  }
  let x0 = segmentX(segments, extent.t0);
  let x1 = segmentX(segments, extent.t1);
  if (x1 - x0 < METRICS.minBar) {
    const middle = (x0 + x1) / 2;
    x0 = middle - METRICS.minBar / 2;
    x1 = middle + METRICS.minBar / 2;
  }
  return { x0, x1, cx: (x0 + x1) / 2, point: false, t0: extent.t0, t1: extent.t1, segment };
}

/**
 * An event's name beside its mark: after it when it fits before the right
 * edge, else before it when it fits after the left edge, else on the roomier
 * side, truncated.
 */
function eventLabel(name: string, placed: Placed, left: number, right: number, style: TextStyle): TimelineLabel {
  const width = widthOf(name, style);
  const after = right - (placed.x1 + METRICS.labelGap);
  const before = placed.x0 - METRICS.labelGap - left;
  if (width <= after) return { text: name, full: name, x: placed.x1 + METRICS.labelGap, anchor: 'start', truncated: false };
  if (width <= before) return { text: name, full: name, x: placed.x0 - METRICS.labelGap, anchor: 'end', truncated: false };
  const text = truncate(name, Math.max(after, before), style);
  return after >= before
    ? { text, full: name, x: placed.x1 + METRICS.labelGap, anchor: 'start', truncated: true }
    : { text, full: name, x: placed.x0 - METRICS.labelGap, anchor: 'end', truncated: true };
}

/** A date beside its stack, whole or not at all: a cut date ("28 Jan…") misleads; the table and tooltips carry every date. */
function dateLabel(text: string, placed: Placed, left: number, right: number, style: TextStyle): TimelineLabel | undefined {
  const label = eventLabel(text, placed, left, right, style);
  return label.truncated ? undefined : label;
}

function labelExtent(placed: Placed, label: TimelineLabel, style: TextStyle): { start: number; end: number } {
  const width = widthOf(label.text, style);
  return label.anchor === 'start' ? { start: placed.x0, end: label.x + width } : { start: label.x - width, end: placed.x1 };
}

/** Where a placed date is drawn in its row: a point of `radius` or a span `bar` high, centred on `y`. */
function markGeometry(
  placed: Placed,
  y: number,
  radius: number,
  bar: number,
): Pick<TimelineMark, 'shape' | 't0' | 't1' | 'x0' | 'x1' | 'cx' | 'y' | 'size' | 'segment'> {
  const { point, t0, t1, x0, x1, cx, segment } = placed;
  return { shape: point ? 'point' : 'span', t0, t1, x0, x1, cx, y, size: point ? radius : bar, segment };
}

/**
 * Marks on an artboard: the time axis (broken around a long tail, see
 * `splitLongTail`), then a band of events, each named beside its mark, and a
 * band of dated statements, each stacked in the first free row so that marks
 * on one date pile up like a dot plot. Rows are packed so that no mark or
 * label overlaps another.
 */
export function layoutTimeline(data: TimelineData, artboard: TimelineArtboard): TimelineLayout {
  const { width, type } = artboard;
  const left = METRICS.margin;
  const right = width - METRICS.margin;
  const extents = [...data.events, ...data.statements].map((mark) => timeExtent(mark.date));
  const segments = brokenTimeAxis(splitLongTail(extents), left, right, { tailWidth: tailWidth(right - left), breakWidth: METRICS.breakWidth });
  const axis = axisLayout(segments, METRICS.tickSpacing);

  const panels: TimelinePanel[] = [];
  const marks: TimelineMark[] = [];
  let y = METRICS.firstPanel;

  // Events, each with its name.
  const events = data.events.map((event) => {
    const placed = place(segments, event.date, METRICS.eventRadius);
    const label = eventLabel(event.name, placed, left, right, type.label);
    return { event, placed, label, extent: labelExtent(placed, label, type.label) };
  });
  // In date order (next fit): the eye reads the story down the rows, as it happened.
  const eventLanes = packInOrder(
    events.map((item) => item.extent),
    METRICS.markGap,
    artboard.maxEventLanes,
  );
  const eventRows = Math.max(0, ...eventLanes) + 1;
  if (events.length > 0) {
    const top = y + METRICS.panelTitle;
    panels.push({ key: 'events', title: 'Events', y, top, bottom: top + eventRows * METRICS.eventLane });
    events.forEach(({ event, placed, label }, index) => {
      const lane = eventLanes[index]!;
      if (lane === -1) return;
      marks.push({
        kind: 'event',
        id: event.id,
        path: event.path,
        approximate: event.date.approximate === true,
        ...markGeometry(placed, top + lane * METRICS.eventLane + METRICS.eventLane / 2, METRICS.eventRadius, METRICS.eventBar),
        label,
        // A discovered event's name already ends with its date ("… in Moscow, 26 February 2025").
        title: event.name.endsWith(event.date.label) ? event.name : `${event.name}, ${event.date.label}`,
      });
    });
    y = top + eventRows * METRICS.eventLane + METRICS.panelGap;
  }

  // Dated statements, stacked; the first (top) mark of each date carries the date, and how many statements give it.
  const statements = data.statements.map((statement) => ({ statement, placed: place(segments, statement.date, METRICS.statementRadius) }));
  const perDate = new Map<string, number>();
  const dateKey = (date: ChartDate) => `${date.start}/${date.end}/${date.label}`;
  for (const { statement } of statements) perDate.set(dateKey(statement.date), (perDate.get(dateKey(statement.date)) ?? 0) + 1);
  const labelled = new Set<string>();
  const withLabels = statements.map((item) => {
    const key = dateKey(item.statement.date);
    if (labelled.has(key)) return { ...item, extent: { start: item.placed.x0, end: item.placed.x1 } };
    labelled.add(key);
    const count = perDate.get(key)!;
    const text = count > 1 ? `${item.statement.date.label} (${count})` : item.statement.date.label;
    const label = dateLabel(text, item.placed, left, right, type.dateLabel);
    return { ...item, ...(label && { label }), extent: label ? labelExtent(item.placed, label, type.dateLabel) : { start: item.placed.x0, end: item.placed.x1 } };
  });
  const statementLanes = packLanes(
    withLabels.map(({ extent }) => extent),
    1.5,
    artboard.maxStatementLanes,
  );
  const statementRows = Math.max(0, ...statementLanes) + 1;
  if (statements.length > 0) {
    const top = y + METRICS.panelTitle;
    panels.push({ key: 'statements', title: 'Dates given in the sources', y, top, bottom: top + statementRows * METRICS.statementLane });
    withLabels.forEach(({ statement, placed, label }, index) => {
      const lane = statementLanes[index]!;
      if (lane === -1) return;
      marks.push({
        kind: 'statement',
        id: statement.id,
        path: statement.path,
        approximate: statement.date.approximate === true,
        ...markGeometry(placed, top + lane * METRICS.statementLane + METRICS.statementLane / 2, METRICS.statementRadius, METRICS.statementBar),
        ...(label && { label }),
        title: `${statement.date.label}, ${statement.outlet}: ${excerpt(statement.text, undefined, 160)}`,
      });
    });
    y = top + statementRows * METRICS.statementLane + METRICS.panelGap;
  }

  const breakNote = describeBreak(segments, axis);
  return {
    width,
    height: Math.ceil(y - METRICS.panelGap + METRICS.bottom),
    plot: { left, right },
    axisY: METRICS.axisY,
    segments,
    axis,
    tickSpacing: METRICS.tickSpacing,
    panels,
    marks,
    hidden: {
      events: eventLanes.filter((lane) => lane === -1).length,
      statements: statementLanes.filter((lane) => lane === -1).length,
    },
    ...(breakNote && { breakNote }),
  };
}

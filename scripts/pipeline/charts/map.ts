/**
 * The map of bases and places: which registry entries go on it and how, laid
 * out for two artboards (a wide one for desktop columns and a narrow one for
 * phones, each drawn at its own scale so that type stays legible), with
 * collision-free labels computed here at build time. Pure.
 */
import type { Diagnostic, Entity } from '../model.ts';
import { entityPath } from '../shared/paths.ts';
import { basemap, focusCountry, inExtent, mapFrame, projectFrame, type Extent, type LonLat } from './map-basemap.ts';
import { placeLabels, textWidth, type Box, type LabelRequest, type PlacedLabel, type TextAnchor } from './map-labels.ts';
import { geoDistance } from 'd3';

/** Place subtypes that name an area, not a point: drawn as a label over the area, without a marker. */
export const AREA_SUBTYPES: ReadonlySet<string> = new Set(['region', 'sea', 'country', 'ocean', 'gulf', 'desert', 'river']);

export type MapShown = 'marker' | 'area' | 'pointer' | 'outside' | 'no-coordinates';

/** One row of the data table: every base and place, including those the map cannot show. */
export interface MapEntityRow {
  id: string;
  name: string;
  kind: 'base' | 'place';
  subtype: string;
  path: string;
  /** [latitude, longitude], as in the registry. */
  coordinates?: [number, number];
  mentions: number;
  shown: MapShown;
}

export interface MapLabel {
  x: number;
  y: number;
  anchor: TextAnchor;
  /** Leader line from the mark to a label set apart from it. */
  leader?: [number, number, number, number];
  /** Names too wide for one line, as set: one line each, 1.25em apart. */
  lines?: string[];
}

export interface MapMarker {
  id: string;
  x: number;
  y: number;
  label: MapLabel;
}

export interface MapPointer {
  id: string;
  /** Tip of the arrow, at the frame's edge. */
  x: number;
  y: number;
  /** Direction the arrow points, in degrees clockwise from east (SVG rotation). */
  angle: number;
  label: MapLabel;
}

export interface MapCountryLabel {
  name: string;
  x: number;
  y: number;
  focus: boolean;
  /** The state's briefing page, when the registry has one under this name. */
  path?: string;
}

export interface MapArtboard {
  width: number;
  height: number;
  land: string;
  focus: string;
  borders: string;
  markers: MapMarker[];
  areas: MapMarker[];
  pointers: MapPointer[];
  countries: MapCountryLabel[];
  scale: { x: number; y: number; width: number; km: number };
  /** Type sizes the layout was computed for; the component draws with the same. */
  type: MapType;
}

export interface MapChart {
  /** The country the map centres on. */
  focus?: string;
  /** The frame, in degrees: [[west, south], [east, north]]. */
  extent: Extent;
  entities: MapEntityRow[];
  wide: MapArtboard;
  narrow: MapArtboard;
}

export interface MapType {
  label: number;
  area: number;
  country: number;
  focusCountry: number;
  /** Marker sizes: a base's diamond half-diagonal, a place's dot radius. */
  base: number;
  place: number;
}

export const ARTBOARDS = {
  wide: { width: 640, type: { label: 12, area: 11, country: 10.5, focusCountry: 15, base: 6, place: 3.5 } },
  narrow: { width: 340, type: { label: 12, area: 11, country: 11, focusCountry: 13, base: 5.5, place: 3.5 } },
} as const satisfies Record<string, { width: number; type: MapType }>;

/** Names wider than this share of the artboard are set on two lines. */
const MAX_LABEL_SHARE = 0.3;
const MAX_AREA_SHARE = 0.25;

/** Letter spacing of country names, in px (they are set in spaced capitals). */
const COUNTRY_TRACKING = 1.6;
const FOCUS_TRACKING = 4;

function toLonLat(coordinates: [number, number]): LonLat {
  return [coordinates[1], coordinates[0]];
}

/** A name wider than `maxWidth` goes on two lines, split at the space nearest its middle (as maps set seas, regions and long names). */
export function labelLines(name: string, fontSize: number, maxWidth: number): string[] {
  if (textWidth(name, fontSize, { bold: true }) <= maxWidth) return [name];
  let best = -1;
  for (let index = name.indexOf(' '); index !== -1; index = name.indexOf(' ', index + 1)) {
    if (best === -1 || Math.abs(index - name.length / 2) < Math.abs(best - name.length / 2)) best = index;
  }
  return best === -1 ? [name] : [name.slice(0, best), name.slice(best + 1)];
}

function isArea(entity: Entity): boolean {
  return entity.kind === 'place' && AREA_SUBTYPES.has(entity.subtype);
}

/** Bases and places without coordinates: the map cannot place them, and says so in the build report. */
export function mapDiagnostics(entities: readonly Entity[]): Diagnostic[] {
  return entities
    .filter((entity) => (entity.kind === 'base' || entity.kind === 'place') && !entity.coordinates)
    .map((entity) => ({
      severity: 'warning' as const,
      code: 'map/no-coordinates',
      file: entity.file,
      line: entity.line,
      message: `${entity.kind} "${entity.name}" (${entity.id}) has no coordinates, so the map leaves it out; add \`coordinates: [lat, lon]\``,
    }));
}

/**
 * Nudges marks that would overlap apart (cartographic displacement): at map
 * scale a base and the town it is named after can be a pixel apart. Pinned
 * marks (the bases, the map's subject) stay on their coordinates and the
 * others make room, so a base is never pushed across a border or into the
 * sea. Fixed iteration count, pairs in input order: deterministic.
 */
export function separateMarks(marks: { id: string; x: number; y: number; radius: number; pinned?: boolean }[], gap = 2, iterations = 40): { id: string; x: number; y: number }[] {
  const points = marks.map((mark) => ({ ...mark }));
  for (let round = 0; round < iterations; round++) {
    let moved = false;
    for (let i = 0; i < points.length; i++) {
      for (let j = i + 1; j < points.length; j++) {
        const a = points[i]!;
        const b = points[j]!;
        const need = a.radius + b.radius + gap;
        let dx = b.x - a.x;
        let dy = b.y - a.y;
        let distance = Math.hypot(dx, dy);
        if (distance >= need) continue;
        if (distance < 1e-6) {
          // Same spot: split along the diagonal, in input order.
          dx = 1;
          dy = -1;
          distance = Math.SQRT2;
        }
        // Each side moves its share: nothing for a pinned mark (unless both are pinned).
        const moveA = a.pinned && !b.pinned ? 0 : !a.pinned && b.pinned ? 1 : 0.5;
        const push = need - distance + 0.02;
        a.x -= (dx / distance) * push * moveA;
        a.y -= (dy / distance) * push * moveA;
        b.x += (dx / distance) * push * (1 - moveA);
        b.y += (dy / distance) * push * (1 - moveA);
        moved = true;
      }
    }
    if (!moved) break;
  }
  return points.map(({ id, x, y }) => ({ id, x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 }));
}

/** Where the segment from the frame's centre to (x, y) leaves the frame, inset by `inset`. */
function edgePoint(width: number, height: number, x: number, y: number, inset: number): { x: number; y: number; angle: number } {
  const cx = width / 2;
  const cy = height / 2;
  const dx = x - cx;
  const dy = y - cy;
  const tx = dx === 0 ? Infinity : (dx > 0 ? width - inset - cx : inset - cx) / dx;
  const ty = dy === 0 ? Infinity : (dy > 0 ? height - inset - cy : inset - cy) / dy;
  const t = Math.min(tx, ty);
  return { x: Math.round((cx + dx * t) * 10) / 10, y: Math.round((cy + dy * t) * 10) / 10, angle: Math.round((Math.atan2(dy, dx) * 180) / Math.PI) };
}

/** A scale bar of a round length near a sixth of the map's width, at the map's centre. */
function scaleBar(width: number, height: number, projection: ReturnType<typeof projectFrame>['projection']): MapArtboard['scale'] {
  const cy = height / 2;
  const left = projection.invert?.([width / 2 - 50, cy]);
  const right = projection.invert?.([width / 2 + 50, cy]);
  const kmPer100px = left && right ? geoDistance(left, right) * 6371 : 100;
  const target = (width / 6) * (kmPer100px / 100);
  const steps = [10, 20, 25, 50, 100, 150, 200, 250, 500, 1000, 2000];
  const km = steps.reduce((best, step) => (Math.abs(step - target) < Math.abs(best - target) ? step : best), steps[0]!);
  const barWidth = Math.round((km / kmPer100px) * 100);
  return { x: width - barWidth - 12, y: height - 12, width: barWidth, km };
}

/** Several lines: the first baseline sits one line's ascent below the box's top. */
function withLines(label: MapLabel, placed: PlacedLabel, lines: string[], lineHeight: number): MapLabel {
  if (lines.length < 2) return label;
  return { ...label, y: Math.round((placed.box.y + lineHeight * 0.78) * 10) / 10, lines };
}

function labelOf(placed: PlacedLabel | undefined, fallback: { x: number; y: number }): MapLabel {
  if (!placed) return { x: fallback.x, y: fallback.y, anchor: 'middle' };
  return { x: placed.x, y: placed.y, anchor: placed.anchor, ...(placed.leader && { leader: placed.leader }) };
}

function layoutArtboard(
  artboard: (typeof ARTBOARDS)[keyof typeof ARTBOARDS],
  extent: Extent,
  rows: readonly (MapEntityRow & { entity: Entity })[],
  focus: ReturnType<typeof focusCountry>,
  states: ReadonlyMap<string, { name: string; path: string }>,
): MapArtboard {
  const { type } = artboard;
  const base = basemap(extent, artboard.width, focus);
  const { projection, width, height } = projectFrame(extent, artboard.width);
  const lineHeight = (size: number) => Math.ceil(size * 1.25);

  const project = (row: MapEntityRow) => {
    const point = projection(toLonLat(row.coordinates!));
    return point ? { x: point[0], y: point[1] } : { x: NaN, y: NaN };
  };

  const markerRows = rows.filter((row) => row.shown === 'marker');
  const radius = (row: MapEntityRow) => (row.kind === 'base' ? type.base : type.place + 1);
  const separated = separateMarks(markerRows.map((row) => ({ id: row.id, ...project(row), radius: radius(row), pinned: row.kind === 'base' })));
  const position = new Map(separated.map((point) => [point.id, point]));

  const pointerRows = rows.filter((row) => row.shown === 'pointer');
  const pointerPositions = new Map(
    pointerRows.map((row) => {
      const { x, y } = project(row);
      return [row.id, edgePoint(width, height, x, y, 10)];
    }),
  );
  const areaRows = rows.filter((row) => row.shown === 'area');

  const scale = scaleBar(width, height, projection);
  const obstacles: (Box & { id?: string })[] = [
    // The scale bar and its figure.
    { x: scale.x - 2, y: scale.y - 16, width: scale.width + 4, height: 20 },
  ];
  for (const row of markerRows) {
    const point = position.get(row.id)!;
    const r = radius(row);
    obstacles.push({ id: row.id, x: point.x - r, y: point.y - r, width: 2 * r, height: 2 * r });
  }
  for (const row of pointerRows) {
    const point = pointerPositions.get(row.id)!;
    obstacles.push({ id: row.id, x: point.x - 7, y: point.y - 7, width: 14, height: 14 });
  }

  // Bases first, then places, each most-mentioned first; area names after marks, which they must not hide.
  const byImportance = (a: MapEntityRow, b: MapEntityRow) => (a.kind === b.kind ? 0 : a.kind === 'base' ? -1 : 1) || b.mentions - a.mentions || a.id.localeCompare(b.id);
  const requests: LabelRequest[] = [
    ...[...markerRows].sort(byImportance).map((row) => {
      const point = position.get(row.id)!;
      // Laid out bold: the highlighted label (bold) then fits wherever any label fits.
      const lines = labelLines(row.name, type.label, width * MAX_LABEL_SHARE);
      return {
        id: row.id,
        x: point.x,
        y: point.y,
        radius: radius(row),
        width: Math.max(...lines.map((line) => textWidth(line, type.label, { bold: true }))),
        height: lineHeight(type.label) * lines.length,
      };
    }),
    ...pointerRows.map((row) => ({
      id: row.id,
      ...pointerPositions.get(row.id)!,
      radius: 8,
      width: textWidth(row.name, type.label, { bold: true }),
      height: lineHeight(type.label),
      modes: ['beside'] as LabelRequest['modes'],
    })),
    ...[...areaRows].sort(byImportance).map((row) => {
      const lines = labelLines(row.name, type.area, width * MAX_AREA_SHARE);
      return {
        id: row.id,
        ...project(row),
        radius: 0,
        width: Math.max(...lines.map((line) => textWidth(line, type.area, { bold: true }))),
        height: lineHeight(type.area) * lines.length,
        // Where the map is too busy for an area's name, the table still lists it.
        optional: true,
        modes: ['centre', 'beside'] as LabelRequest['modes'],
      };
    }),
  ];
  // Country names go last and may be left out where the map is busy; the focus country's name is tried first.
  const countryCandidates = base.countryLabels
    .filter((label) => label.focus || label.area > 2500)
    .sort((a, b) => Number(b.focus) - Number(a.focus) || b.area - a.area);
  for (const label of countryCandidates) {
    const size = label.focus ? type.focusCountry : type.country;
    const name = (states.get(label.name)?.name ?? label.name).toUpperCase();
    requests.push({
      id: `country:${label.name}`,
      x: label.x,
      y: label.y,
      radius: 0,
      width: textWidth(name, size, { letterSpacing: label.focus ? FOCUS_TRACKING : COUNTRY_TRACKING }),
      height: lineHeight(size),
      optional: true,
      modes: ['centre'],
    });
  }

  const placed = placeLabels(requests, { obstacles, bounds: { x: 2, y: 2, width: width - 4, height: height - 4 }, padding: 2 });
  const placedById = new Map(placed.map((label) => [label.id, label]));

  return {
    width,
    height,
    land: base.land,
    focus: base.focus,
    borders: base.borders,
    markers: markerRows.map((row) => {
      const point = position.get(row.id)!;
      const placedLabel = placedById.get(row.id);
      const label = labelOf(placedLabel, point);
      return { id: row.id, x: point.x, y: point.y, label: placedLabel ? withLines(label, placedLabel, labelLines(row.name, type.label, width * MAX_LABEL_SHARE), lineHeight(type.label)) : label };
    }),
    areas: areaRows.flatMap((row) => {
      const placedLabel = placedById.get(row.id);
      if (!placedLabel) return [];
      const label = withLines(labelOf(placedLabel, project(row)), placedLabel, labelLines(row.name, type.area, width * MAX_AREA_SHARE), lineHeight(type.area));
      return [{ id: row.id, x: label.x, y: label.y, label }];
    }),
    pointers: pointerRows.map((row) => {
      const point = pointerPositions.get(row.id)!;
      return { id: row.id, ...point, label: labelOf(placedById.get(row.id), point) };
    }),
    countries: countryCandidates.flatMap((label) => {
      const placedLabel = placedById.get(`country:${label.name}`);
      if (!placedLabel) return [];
      const state = states.get(label.name);
      return [{ name: state?.name ?? label.name, x: placedLabel.x, y: placedLabel.y, focus: label.focus, ...(state && { path: state.path }) }];
    }),
    scale,
    type,
  };
}

/**
 * The map for the whole registry, or undefined when no base or place has
 * coordinates. `mentionCounts` orders labels (most-mentioned placed first).
 */
export function buildMapChart(entities: readonly Entity[], mentionCounts: ReadonlyMap<string, number>): MapChart | undefined {
  const mapped = entities
    .filter((entity): entity is Entity & { kind: 'base' | 'place' } => entity.kind === 'base' || entity.kind === 'place')
    .sort((a, b) => a.id.localeCompare(b.id));
  const pointEntities = mapped.filter((entity) => entity.coordinates && !isArea(entity));
  if (pointEntities.length === 0) return undefined;

  const points = pointEntities.map((entity) => toLonLat(entity.coordinates!));
  const focus = focusCountry(points);
  // Areas near the focus country (a sea off its coast, a neighbouring strip) widen the frame too; points decide the focus.
  const areaPoints = mapped.filter((entity) => entity.coordinates && isArea(entity)).map((entity) => toLonLat(entity.coordinates!));
  const extent = mapFrame(focus, [...points, ...areaPoints]);

  const rows = mapped.map((entity) => {
    let shown: MapShown;
    if (!entity.coordinates) shown = 'no-coordinates';
    else if (inExtent(extent, toLonLat(entity.coordinates))) shown = isArea(entity) ? 'area' : 'marker';
    else shown = isArea(entity) ? 'outside' : 'pointer';
    return {
      entity,
      id: entity.id,
      name: entity.name,
      kind: entity.kind,
      subtype: entity.subtype,
      path: entityPath(entity.kind, entity.id),
      ...(entity.coordinates && { coordinates: entity.coordinates }),
      mentions: mentionCounts.get(entity.id) ?? 0,
      shown,
    };
  });

  // Country names link to the state's page when the registry knows the state by that name.
  const states = new Map<string, { name: string; path: string }>();
  for (const entity of entities) {
    if (entity.kind !== 'actor' || entity.subtype !== 'state') continue;
    for (const name of [entity.name, ...entity.aliases]) states.set(name, { name: entity.name, path: entityPath(entity.kind, entity.id) });
  }

  return {
    ...(focus && { focus: states.get(focus.name)?.name ?? focus.name }),
    extent,
    entities: rows.map(({ entity: _entity, ...row }) => row),
    wide: layoutArtboard(ARTBOARDS.wide, extent, rows, focus, states),
    narrow: layoutArtboard(ARTBOARDS.narrow, extent, rows, focus, states),
  };
}

/** Can the map show this entity (as a marker, an area name or an edge pointer)? */
export function onMap(chart: MapChart, id: string): boolean {
  const row = chart.entities.find((entity) => entity.id === id);
  return row !== undefined && (row.shown === 'marker' || row.shown === 'area' || row.shown === 'pointer');
}

/**
 * The map's base layer: land, borders and country names from Natural Earth
 * (the `world-atlas` 1:50m TopoJSON, public domain via ISC), projected with
 * d3-geo for one artboard width.
 *
 * Which country the map centres on is read from the data, never configured:
 * the country holding most of the markers. The frame is that country plus a
 * margin, widened to take in markers close to it; anything further away is
 * shown as a pointer at the map's edge.
 *
 * Geometry is the expensive part and identical on every page, so it is
 * computed once per frame and artboard and cached at module level.
 */
import { geoBounds, geoConicConformal, geoContains, geoPath, type GeoPermissibleObjects, type GeoProjection, type GeoStream, type GeoStreamWrapper } from 'd3';
import { feature, merge, mesh } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry, MultiPoint } from 'geojson';
import type { GeometryCollection, MultiPolygon, Polygon, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-50m.json' with { type: 'json' };

/** [longitude, latitude], as GeoJSON and d3-geo take them (the registry stores [lat, lon]). */
export type LonLat = [number, number];

/** West, south, east, north in degrees. */
export type Extent = [[number, number], [number, number]];

interface CountryProperties {
  name: string;
}

const topology = world as unknown as Topology<{ countries: GeometryCollection<CountryProperties> }>;

export interface Country {
  id: string;
  name: string;
  feature: Feature<Geometry, CountryProperties>;
  /** geoBounds of the feature: a cheap test before the exact one. */
  bounds: Extent;
}

/** Decoded on first use, once per process: importing this module stays cheap. */
let countries: readonly Country[] | undefined;
export function allCountries(): readonly Country[] {
  countries ??= (feature(topology, topology.objects.countries) as FeatureCollection<Geometry, CountryProperties>).features.map((item, index) => ({
    id: String(item.id ?? `c${index}`),
    name: item.properties.name,
    feature: item,
    bounds: geoBounds(item) as Extent,
  }));
  return countries;
}

function mayContain(bounds: Extent, [lon, lat]: LonLat): boolean {
  const [[west, south], [east, north]] = bounds;
  // Bounds that cross the antimeridian have west > east.
  const inLon = west <= east ? lon >= west && lon <= east : lon >= west || lon <= east;
  return inLon && lat >= south && lat <= north;
}

/** The country containing most of `points`; ties go to the first name in alphabetical order. */
export function focusCountry(points: readonly LonLat[]): Country | undefined {
  let best: Country | undefined;
  let bestCount = 0;
  for (const country of [...allCountries()].sort((a, b) => a.name.localeCompare(b.name))) {
    const count = points.filter((point) => mayContain(country.bounds, point) && geoContains(country.feature, point)).length;
    if (count > bestCount) {
      best = country;
      bestCount = count;
    }
  }
  return best;
}

/**
 * The focus country's bounds, widened to markers within `reach` (a share of
 * the country's larger span) of them, then padded by `pad` of the span.
 */
export function mapFrame(focus: Country | undefined, points: readonly LonLat[], reach = 0.35, pad = 0.06): Extent {
  let [[west, south], [east, north]] = focus
    ? focus.bounds
    : [
        [Math.min(...points.map((p) => p[0])), Math.min(...points.map((p) => p[1]))],
        [Math.max(...points.map((p) => p[0])), Math.max(...points.map((p) => p[1]))],
      ];
  const span = Math.max(east - west, north - south, 1);
  const limit = span * reach;
  for (const [lon, lat] of points) {
    if (lon >= west - limit && lon <= east + limit && lat >= south - limit && lat <= north + limit) {
      west = Math.min(west, lon);
      east = Math.max(east, lon);
      south = Math.min(south, lat);
      north = Math.max(north, lat);
    }
  }
  // A lone marker (or a tiny country) still gets a frame about two degrees across.
  const padding = Math.max(Math.max(east - west, north - south) * pad, (2 - Math.min(east - west, north - south)) / 2);
  return [
    [west - padding, south - padding],
    [east + padding, north + padding],
  ];
}

export function inExtent(extent: Extent, [lon, lat]: LonLat): boolean {
  return lon >= extent[0][0] && lon <= extent[1][0] && lat >= extent[0][1] && lat <= extent[1][1];
}

function extentOutline(extent: Extent): Feature<MultiPoint> {
  const [[west, south], [east, north]] = extent;
  const coordinates: LonLat[] = [];
  // Edge midpoints too: a conic projection bows the frame's edges.
  for (const t of [0, 0.25, 0.5, 0.75, 1]) {
    coordinates.push([west + (east - west) * t, south], [west + (east - west) * t, north], [west, south + (north - south) * t], [east, south + (north - south) * t]);
  }
  return { type: 'Feature', properties: {}, geometry: { type: 'MultiPoint', coordinates } };
}

export interface Projected {
  projection: GeoProjection;
  width: number;
  height: number;
}

/**
 * A conformal conic projection centred on the frame, with standard parallels
 * at a sixth of the way in from its north and south edges (the usual choice
 * for a mid-latitude country), scaled to `width`.
 */
export function projectFrame(extent: Extent, width: number): Projected {
  const [[west, south], [east, north]] = extent;
  const span = north - south;
  const projection = geoConicConformal()
    .parallels([south + span / 6, north - span / 6])
    .rotate([-(west + east) / 2, 0])
    .fitWidth(width, extentOutline(extent));
  const [, [, bottom]] = geoPath(projection).bounds(extentOutline(extent));
  const height = Math.ceil(bottom);
  projection.clipExtent([
    [0, 0],
    [width, height],
  ]);
  return { projection, width, height };
}

/**
 * Drops points closer than `tolerance` px to the last one kept, and rings
 * left with fewer than four points: at map scale they are invisible, and the
 * page carries a fraction of the bytes.
 */
export function simplifyStream(tolerance: number): (output: GeoStream) => GeoStream {
  return (output) => {
    let buffer: [number, number][] | undefined;
    let inPolygon = false;
    return {
      point(x, y) {
        if (!buffer) {
          output.point(x, y);
          return;
        }
        const last = buffer.at(-1);
        if (!last || Math.hypot(x - last[0], y - last[1]) >= tolerance) buffer.push([x, y]);
      },
      lineStart() {
        buffer = [];
      },
      lineEnd() {
        const points = buffer ?? [];
        buffer = undefined;
        if (inPolygon && points.length < 4) return;
        output.lineStart();
        for (const [x, y] of points) output.point(x, y);
        output.lineEnd();
      },
      polygonStart() {
        inPolygon = true;
        output.polygonStart();
      },
      polygonEnd() {
        inPolygon = false;
        output.polygonEnd();
      },
      sphere() {
        output.sphere?.();
      },
    };
  };
}

export function simplifiedPath(projection: GeoProjection, tolerance: number) {
  const simplify = simplifyStream(tolerance);
  const wrapper: GeoStreamWrapper = { stream: (output) => projection.stream(simplify(output)) };
  return geoPath(wrapper).digits(1);
}

export interface CountryLabel {
  /** Country name as in the atlas. */
  name: string;
  x: number;
  y: number;
  /** Projected area inside the frame, px². */
  area: number;
  focus: boolean;
}

export interface Basemap {
  width: number;
  height: number;
  /** All land, as one path. */
  land: string;
  /** The focus country, drawn on top in a lighter tone. */
  focus: string;
  /** Land borders between countries. */
  borders: string;
  /** Candidates for country names, largest visible area first. */
  countryLabels: CountryLabel[];
}

/**
 * The longitudes and latitudes the artboard shows: its edge run back through
 * the projection, with half a degree to spare. Undefined when the edge does
 * not invert cleanly (a pole in view), and then the whole world is drawn.
 */
export function visibleExtent({ projection, width, height }: Projected): Extent | undefined {
  const edge: [number, number][] = [];
  for (let step = 0; step <= 32; step++) {
    const t = step / 32;
    edge.push([t * width, 0], [t * width, height], [0, t * height], [width, t * height]);
  }
  const lonLats = edge.map((point) => projection.invert?.(point));
  if (lonLats.some((lonLat) => !lonLat || !lonLat.every(Number.isFinite))) return undefined;
  const lons = lonLats.map((lonLat) => lonLat![0]);
  const lats = lonLats.map((lonLat) => lonLat![1]);
  const [west, east] = [Math.min(...lons) - 0.5, Math.max(...lons) + 0.5];
  if (east - west > 180) return undefined;
  return [
    [west, Math.min(...lats) - 0.5],
    [east, Math.max(...lats) + 0.5],
  ];
}

/** Whether a country's bounds may reach into `extent` (bounds across the antimeridian always may). */
function mayReach(bounds: Extent, extent: Extent): boolean {
  const [[west, south], [east, north]] = bounds;
  return west > east || !(east < extent[0][0] || west > extent[1][0] || north < extent[0][1] || south > extent[1][1]);
}

/**
 * Land and borders of the countries that can show in `visible`. Projecting
 * only those, not the whole world, is most of the basemap's cost; a country
 * wholly outside the artboard adds nothing to it, and a border it shares lies
 * inside its bounds, so outside the artboard too.
 */
export function countryOutlines(visible: Extent | undefined) {
  const geometries = topology.objects.countries.geometries.filter((_, index) => !visible || mayReach(allCountries()[index]!.bounds, visible));
  return {
    land: merge(topology, geometries as (Polygon | MultiPolygon)[]),
    borders: mesh(topology, { type: 'GeometryCollection', geometries }, (a, b) => a !== b),
  };
}
const cache = new Map<string, Basemap>();

/** Base layer for `extent` at `width` px; computed once per build for each frame and width. */
export function basemap(extent: Extent, width: number, focus: Country | undefined): Basemap {
  const key = JSON.stringify([extent, width, focus?.id]);
  const cached = cache.get(key);
  if (cached) return cached;
  const projected = projectFrame(extent, width);
  const { projection, height } = projected;
  const path = simplifiedPath(projection, width / 500);
  const plain = geoPath(projection);
  const countryLabels: CountryLabel[] = [];
  for (const country of allCountries()) {
    if (!mayReach(country.bounds, extent)) continue;
    const area = plain.area(country.feature as GeoPermissibleObjects);
    if (!(area > 0)) continue;
    const [x, y] = plain.centroid(country.feature as GeoPermissibleObjects);
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    countryLabels.push({ name: country.name, x: Math.round(x), y: Math.round(y), area: Math.round(area), focus: country.id === focus?.id });
  }
  countryLabels.sort((a, b) => b.area - a.area || a.name.localeCompare(b.name));
  const { land, borders } = countryOutlines(visibleExtent(projected));
  const result: Basemap = {
    width,
    height,
    land: path(land) ?? '',
    focus: focus ? (path(focus.feature as GeoPermissibleObjects) ?? '') : '',
    borders: path(borders) ?? '',
    countryLabels,
  };
  cache.set(key, result);
  return result;
}

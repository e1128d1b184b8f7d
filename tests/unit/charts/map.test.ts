import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { geoContains } from 'd3';
import { runPipeline, type PipelineInputs } from '../../../scripts/pipeline/run.ts';
import { buildSite } from '../../../scripts/pipeline/site.ts';
import { formatReport } from '../../../scripts/pipeline/report.ts';
import type { Entity } from '../../../scripts/pipeline/model.ts';
import type { EntityPageData } from '../../../scripts/pipeline/emit/entity-page.ts';
import { testEntity } from '../../fixtures/entity.ts';
import { ARTBOARDS, buildMapChart, labelLines, mapDiagnostics, onMap, separateMarks, type MapArtboard, type MapChart } from '../../../scripts/pipeline/charts/map.ts';
import { allCountries, basemap, countryOutlines, focusCountry, mapFrame, projectFrame, simplifiedPath, visibleExtent } from '../../../scripts/pipeline/charts/map-basemap.ts';
import { overlaps, placeLabels, textWidth, type Box } from '../../../scripts/pipeline/charts/map-labels.ts';

const entity = (fields: Parameters<typeof testEntity>[0]): Entity => testEntity({ file: `content/entities/${fields.kind}s.yaml`, ...fields });

/** A registry shaped like the real one: a coastal cluster, a town and its airport, a far capital, areas, a base without coordinates. */
const registry: Entity[] = [
  entity({ id: 'hmeimim-air-base', kind: 'base', subtype: 'air-base', name: 'Hmeimim Air Base', coordinates: [35.4011, 35.9486] }),
  entity({ id: 'tartus-naval-base', kind: 'base', subtype: 'naval-base', name: 'Tartus naval base', coordinates: [34.9066, 35.8714] }),
  entity({ id: 'qamishli-airport', kind: 'base', subtype: 'airport', name: 'Qamishli Airport', coordinates: [37.0206, 41.1914] }),
  entity({ id: 'quneitra-logistics-hub', kind: 'base', subtype: 'logistics-hub', name: 'Quneitra logistics hub', coordinates: [33.1256, 35.8244] }),
  entity({ id: 'secret-base', kind: 'base', subtype: 'outpost', name: 'Secret base', file: 'content/entities/bases.yaml', line: 42 }),
  entity({ id: 'latakia', kind: 'place', subtype: 'city', name: 'Latakia', coordinates: [35.5317, 35.7901] }),
  entity({ id: 'tartus', kind: 'place', subtype: 'city', name: 'Tartus', coordinates: [34.889, 35.8866] }),
  entity({ id: 'quneitra', kind: 'place', subtype: 'governorate', name: 'Quneitra', coordinates: [33.1256, 35.8244] }),
  entity({ id: 'qamishli', kind: 'place', subtype: 'city', name: 'Qamishli', coordinates: [37.0522, 41.2317] }),
  entity({ id: 'damascus', kind: 'place', subtype: 'city', name: 'Damascus', coordinates: [33.5138, 36.2765] }),
  entity({ id: 'moscow', kind: 'place', subtype: 'city', name: 'Moscow', coordinates: [55.7558, 37.6173] }),
  entity({ id: 'mediterranean-sea', kind: 'place', subtype: 'sea', name: 'Mediterranean Sea', coordinates: [34.5, 34.0] }),
  entity({ id: 'middle-east', kind: 'place', subtype: 'region', name: 'Middle East', coordinates: [29.0, 42.0] }),
  entity({ id: 'syria', kind: 'actor', subtype: 'state', name: 'Syria' }),
  entity({ id: 'turkiye', kind: 'actor', subtype: 'state', name: 'Türkiye', aliases: ['Turkey'] }),
];
const mentions = new Map([
  ['hmeimim-air-base', 9],
  ['tartus-naval-base', 3],
  ['latakia', 2],
]);
const syria = allCountries().find((country) => country.name === 'Syria')!;

/** The box a placed label covers, rebuilt from what the component draws. */
function labelBoxes(board: MapArtboard, chart: MapChart): (Box & { id: string })[] {
  const names = new Map(chart.entities.map((row) => [row.id, row.name]));
  const marks = [...board.markers.map((mark) => ({ ...mark, size: board.type.label })), ...board.areas.map((mark) => ({ ...mark, size: board.type.area }))];
  return marks.map((mark) => {
    const lines = mark.label.lines ?? [names.get(mark.id)!];
    const width = Math.max(...lines.map((line) => textWidth(line, mark.size, { bold: true })));
    const lineHeight = Math.ceil(mark.size * 1.25);
    const x = mark.label.anchor === 'start' ? mark.label.x : mark.label.anchor === 'end' ? mark.label.x - width : mark.label.x - width / 2;
    return { id: mark.id, x, y: mark.label.y - lineHeight * 0.78, width, height: lineHeight * lines.length };
  });
}

describe('map frame and projection', () => {
  it('centres on the country holding most markers and keeps its neighbours in frame', () => {
    const points = registry.filter((item) => item.coordinates && item.kind === 'base').map((item) => [item.coordinates![1], item.coordinates![0]] as [number, number]);
    expect(focusCountry(points)?.name).toBe('Syria');
    const [[west, south], [east, north]] = mapFrame(syria, points);
    // Syria spans about 35.7–42.4 °E and 32.3–37.3 °N; the frame adds a margin on every side.
    expect(west).toBeLessThan(35.7);
    expect(east).toBeGreaterThan(42.4);
    expect(south).toBeLessThan(32.3);
    expect(north).toBeGreaterThan(37.3);
    // Moscow (55.8 °N) is far beyond reach and must not stretch the frame.
    expect(north).toBeLessThan(39);
  });

  it("puts a base's marker inside Syria's outline, and projects back to its registry coordinates", () => {
    const chart = buildMapChart(registry, mentions)!;
    for (const name of ['wide', 'narrow'] as const) {
      const board = chart[name];
      const { projection } = projectFrame(chart.extent, ARTBOARDS[name].width);
      // Tartus's naval base is on the waterline, where a 1:50m coastline cannot decide.
      for (const id of ['hmeimim-air-base', 'qamishli-airport']) {
        const marker = board.markers.find((item) => item.id === id)!;
        expect(marker.x).toBeGreaterThan(0);
        expect(marker.x).toBeLessThan(board.width);
        expect(marker.y).toBeGreaterThan(0);
        expect(marker.y).toBeLessThan(board.height);
        const back = projection.invert!([marker.x, marker.y])!;
        expect(geoContains(syria.feature, back)).toBe(true);
        const registryPoint = registry.find((item) => item.id === id)!.coordinates!;
        // Bases are pinned: towns make room for them, never the other way round.
        expect(Math.abs(back[1] - registryPoint[0])).toBeLessThan(0.01);
        expect(Math.abs(back[0] - registryPoint[1])).toBeLessThan(0.01);
      }
    }
  });

  it('draws the basemap once per frame and width (module-level cache) and keeps it small', () => {
    const extent = mapFrame(syria, [[36, 35]]);
    const first = basemap(extent, 640, syria);
    expect(basemap(extent, 640, syria)).toBe(first);
    expect(first.focus.length).toBeGreaterThan(500);
    // Land, focus and borders together stay a few kilobytes per artboard.
    expect(first.land.length + first.focus.length + first.borders.length).toBeLessThan(12_000);
  });

  it('projects only the countries that can show, and draws the same land and borders as the whole world would', () => {
    const extent = mapFrame(syria, [[36, 35]]);
    for (const width of [640, 340]) {
      const projected = projectFrame(extent, width);
      const visible = visibleExtent(projected)!;
      // The frame and a little more (a conic projection bows its edges), nowhere near the whole world.
      expect(visible[0][0]).toBeLessThanOrEqual(extent[0][0]);
      expect(visible[0][1]).toBeLessThanOrEqual(extent[0][1]);
      expect(visible[1][0]).toBeGreaterThanOrEqual(extent[1][0]);
      expect(visible[1][1]).toBeGreaterThanOrEqual(extent[1][1]);
      expect(visible[1][0] - visible[0][0]).toBeLessThan(2 * (extent[1][0] - extent[0][0]));
      const path = simplifiedPath(projected.projection, width / 500);
      const near = countryOutlines(visible);
      const world = countryOutlines(undefined);
      expect(path(near.land)).toBe(path(world.land));
      expect(path(near.borders)).toBe(path(world.borders));
    }
  });

  it('draws the whole world when the artboard does not invert to a region (a pole in view)', () => {
    const projected = projectFrame(
      [
        [-170, 60],
        [170, 89],
      ],
      640,
    );
    expect(visibleExtent(projected)).toBeUndefined();
  });
});

describe('map markers and labels', () => {
  const chart = buildMapChart(registry, mentions)!;

  it('shows every base and place one way or another, and says how', () => {
    const shown = Object.fromEntries(chart.entities.map((row) => [row.id, row.shown]));
    expect(shown).toMatchObject({
      'hmeimim-air-base': 'marker',
      latakia: 'marker',
      moscow: 'pointer',
      'mediterranean-sea': 'area',
      'middle-east': 'outside',
      'secret-base': 'no-coordinates',
    });
    expect(chart.entities.some((row) => row.kind !== 'base' && row.kind !== 'place')).toBe(false);
    expect(onMap(chart, 'moscow')).toBe(true);
    expect(onMap(chart, 'secret-base')).toBe(false);
  });

  it('points at a far place from the edge of the frame, in its direction', () => {
    for (const board of [chart.wide, chart.narrow]) {
      const moscow = board.pointers.find((pointer) => pointer.id === 'moscow')!;
      // Moscow is due north of Syria: the arrow sits on the top edge and points up.
      expect(moscow.y).toBeLessThanOrEqual(12);
      expect(moscow.angle).toBeGreaterThan(-110);
      expect(moscow.angle).toBeLessThan(-70);
    }
  });

  it('keeps close marks apart and gives every label its own space (Latakia, Hmeimim, Tartus)', () => {
    for (const board of [chart.wide, chart.narrow]) {
      const tartus = board.markers.find((mark) => mark.id === 'tartus')!;
      const base = board.markers.find((mark) => mark.id === 'tartus-naval-base')!;
      expect(Math.hypot(tartus.x - base.x, tartus.y - base.y)).toBeGreaterThanOrEqual(board.type.base + board.type.place + 1 + 2 - 0.1);
      const quneitra = board.markers.find((mark) => mark.id === 'quneitra')!;
      const hub = board.markers.find((mark) => mark.id === 'quneitra-logistics-hub')!;
      expect(Math.hypot(quneitra.x - hub.x, quneitra.y - hub.y)).toBeGreaterThan(board.type.base);

      const boxes = labelBoxes(board, chart);
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          expect(overlaps(boxes[i]!, boxes[j]!), `${boxes[i]!.id} / ${boxes[j]!.id}`).toBe(false);
        }
        const box = boxes[i]!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(board.width);
        // No label sits on another mark.
        for (const mark of board.markers) {
          if (mark.id === box.id) continue;
          const size = chart.entities.find((row) => row.id === mark.id)!.kind === 'base' ? board.type.base : board.type.place;
          expect(overlaps(box, { x: mark.x - size, y: mark.y - size, width: 2 * size, height: 2 * size }), `${box.id} on ${mark.id}`).toBe(false);
        }
      }
    }
  });

  it('names countries after the registry and links them to the state page', () => {
    const syriaLabel = chart.wide.countries.find((country) => country.focus)!;
    expect(syriaLabel).toMatchObject({ name: 'Syria', path: '/actors/syria/' });
    expect(chart.wide.countries.find((country) => country.name === 'Türkiye')?.path).toBe('/actors/turkiye/');
    expect(chart.focus).toBe('Syria');
  });

  it('is deterministic', () => {
    expect(buildMapChart([...registry].reverse(), mentions)).toEqual(chart);
  });

  it('has nothing to draw without coordinates', () => {
    expect(buildMapChart([registry.find((item) => item.id === 'secret-base')!], new Map())).toBeUndefined();
  });
});

describe('map diagnostics', () => {
  it('names each base or place without coordinates, with its registry file and line', () => {
    const diagnostics = mapDiagnostics(registry);
    expect(diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'map/no-coordinates', file: 'content/entities/bases.yaml', line: 42, message: expect.stringContaining('Secret base') }),
    ]);
  });

  it('says nothing about actors and events, which have no place on the map', () => {
    expect(mapDiagnostics([entity({ id: 'x', kind: 'actor', subtype: 'person', name: 'X' }), entity({ id: 'y', kind: 'event', subtype: 'meeting', name: 'Y' })])).toEqual([]);
  });
});

describe('label placement', () => {
  it('places three crowded labels without overlap, using leaders when the sides are taken', () => {
    const requests = ['Latakia', 'Hmeimim Air Base', 'Tartus naval base'].map((name, index) => ({
      id: name,
      x: 100 + index,
      y: 100 + index * 2,
      radius: 4,
      width: textWidth(name, 12),
      height: 15,
    }));
    const placed = placeLabels(requests, { bounds: { x: 0, y: 0, width: 400, height: 300 } });
    expect(placed).toHaveLength(3);
    for (let i = 0; i < placed.length; i++) for (let j = i + 1; j < placed.length; j++) expect(overlaps(placed[i]!.box, placed[j]!.box)).toBe(false);
    expect(placed.some((label) => label.leader)).toBe(true);
    expect(placed.every((label) => !label.forced)).toBe(true);
  });

  it('with no free position, takes the least-bad one, beside its mark before any leader', () => {
    // One obstacle over the whole chart: every position overlaps it by its own area, so all cost the same.
    const request = { id: 'a', x: 100, y: 100, radius: 4, width: 40, height: 12 };
    const [label] = placeLabels([request], { bounds: { x: 0, y: 0, width: 200, height: 200 }, obstacles: [{ x: 0, y: 0, width: 200, height: 200 }], gap: 3 });
    expect(label).toMatchObject({ anchor: 'start', forced: true, box: { x: 107, y: 94 } });
    expect(label?.leader).toBeUndefined();
  });

  it('gives a label with a free position beside its mark no leader', () => {
    const [label] = placeLabels([{ id: 'a', x: 100, y: 100, radius: 4, width: 40, height: 12 }], { bounds: { x: 0, y: 0, width: 200, height: 200 }, gap: 3 });
    expect(label).toMatchObject({ anchor: 'start', box: { x: 107, y: 94 } });
    expect(label?.leader).toBeUndefined();
  });

  it('leaves out optional labels that do not fit, never the required ones', () => {
    const requests = [
      { id: 'a', x: 20, y: 10, radius: 3, width: 30, height: 12 },
      { id: 'b', x: 21, y: 10, radius: 3, width: 30, height: 12, optional: true, modes: ['beside' as const] },
    ];
    const placed = placeLabels(requests, { bounds: { x: 0, y: 0, width: 60, height: 20 } });
    expect(placed.map((label) => label.id)).toEqual(['a']);
  });

  it('splits long names over two lines at the space nearest the middle', () => {
    expect(labelLines('Mediterranean Sea', 11, 60)).toEqual(['Mediterranean', 'Sea']);
    expect(labelLines('Russian military posts in southern Syria', 12, 150)).toEqual(['Russian military posts', 'in southern Syria']);
    expect(labelLines('Latakia', 12, 20)).toEqual(['Latakia']);
  });

  it('moves the unpinned mark out of a pinned one', () => {
    const [base, town] = separateMarks([
      { id: 'base', x: 50, y: 50, radius: 5, pinned: true },
      { id: 'town', x: 51, y: 50, radius: 4 },
    ]);
    expect(base).toEqual({ id: 'base', x: 50, y: 50 });
    expect(town!.x).toBeGreaterThanOrEqual(50 + 5 + 4 + 2 - 0.1);
  });

  it('separates marks on the same spot', () => {
    const [a, b] = separateMarks([
      { id: 'a', x: 10, y: 10, radius: 4 },
      { id: 'b', x: 10, y: 10, radius: 3 },
    ]);
    expect(Math.hypot(a!.x - b!.x, a!.y - b!.y)).toBeGreaterThanOrEqual(4 + 3 + 2 - 0.1);
  });
});

describe('map in the site build', () => {
  const root = new URL('../../../', import.meta.url);
  const files = (folder: string) => readdirSync(new URL(folder, root)).sort().map((name) => `${folder}/${name}`);
  // The registry itself refuses a base without coordinates; a place may lack them.
  const extraRegistry = `- id: unlocated-town
  kind: place
  subtype: city
  name: Unlocated town
  description: A test place without coordinates.
`;
  const inputs: PipelineInputs = {
    settings: { title: 'Test briefing', description: 'Test.' },
    sources: { file: 'content/sources.yaml', text: readFileSync(new URL('tests/fixtures/seed-story/sources.yaml', root), 'utf8') },
    articles: [
      ...files('tests/fixtures/seed-story/articles').map((file) => ({ file, bytes: readFileSync(new URL(file, root)) })),
      // A registry entry no article names gets no page; this one is named once.
      { file: 'content/articles/zz-unlocated.txt', bytes: new TextEncoder().encode('Talks resume in a small town\n\nDelegates met in Unlocated town on Monday, officials said.\n') },
    ],
    registryFiles: [
      ...files('tests/fixtures/seed-story/entities').map((file) => ({ file, text: readFileSync(new URL(file, root), 'utf8') })),
      { file: 'content/entities/zz-test-places.yaml', text: extraRegistry },
    ],
  };
  const model = runPipeline(inputs);
  const site = buildSite(model, inputs.settings);

  it('names a place without coordinates, and its registry file, in the build report', () => {
    const diagnostic = site.diagnostics.find((item) => item.code === 'map/no-coordinates');
    expect(diagnostic).toMatchObject({ severity: 'warning', file: 'content/entities/zz-test-places.yaml', line: 1 });
    const report = formatReport(model, { pagesWritten: 0, pagesUnchanged: 0, pagesRemoved: 0, siteDiagnostics: site.diagnostics, seconds: 0, cacheHits: 0 });
    expect(report.text).toMatch(/content\/entities\/zz-test-places\.yaml:1: place "Unlocated town" \(unlocated-town\) has no coordinates/);
    expect(report.fatal).toBe(false);
  });

  it('puts the map on the home page and, highlighted, on base and place pages', () => {
    const home = site.files.find((item) => item.file === 'src/content/docs/index.mdx')?.source ?? '';
    expect(home).toContain("import BaseMap from '@components/charts/BaseMap.astro';");
    expect(home).toContain("import Network from '@components/charts/Network.astro';");
    // Entity pages are prebuilt: their components travel as typed blocks (emit/entity-page.ts).
    const page = (path: string): EntityPageData | undefined => {
      const emitted = site.files.find((item) => item.file === `src/generated/pages/${path}.json`);
      return emitted && (JSON.parse(emitted.source) as EntityPageData);
    };
    const mapOf = (path: string) => {
      for (const block of page(path)?.blocks ?? []) if (block.type === 'component' && block.name === 'charts/BaseMap') return block.data;
      return undefined;
    };
    const base = mapOf('bases/hmeimim-air-base');
    expect(base?.highlight).toBe('hmeimim-air-base');
    expect(mapOf('places/latakia')?.highlight).toBe('latakia');
    // No map where there is nothing to point at; the unlocated place is listed in the table, not drawn.
    expect(page('places/unlocated-town')?.frontmatter.title).toBe('Unlocated town');
    expect(mapOf('places/unlocated-town')).toBeUndefined();
    expect(page('events/assad-ouster')).toBeDefined();
    expect(mapOf('events/assad-ouster')).toBeUndefined();
    expect(JSON.stringify(base?.chart)).toContain('"id":"unlocated-town","name":"Unlocated town","kind":"place","subtype":"city","path":"/places/unlocated-town/","mentions":1,"shown":"no-coordinates"');
  });
});

describe('map frame edge cases', () => {
  it('frames a lone marker outside any country', () => {
    const chart = buildMapChart([entity({ id: 'buoy', kind: 'base', subtype: 'outpost', name: 'Buoy', coordinates: [0, -30] })], new Map())!;
    expect(chart.focus).toBeUndefined();
    const [[west, south], [east, north]] = chart.extent;
    expect(east - west).toBeGreaterThanOrEqual(2);
    expect(north - south).toBeGreaterThanOrEqual(2);
    const marker = chart.wide.markers[0]!;
    expect(marker.x).toBeCloseTo(chart.wide.width / 2, 0);
    expect(Number.isFinite(chart.wide.height)).toBe(true);
  });
});

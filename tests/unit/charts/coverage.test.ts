import { describe, expect, it } from 'vitest';
import { readInputs } from '../../../scripts/io/read-inputs.ts';
import { runPipeline } from '../../../scripts/pipeline/run.ts';
import type { Entity, KnowledgeModel, Mention, SegmentedArticle } from '../../../scripts/pipeline/model.ts';
import { COVERAGE_ARTBOARDS, coverageCapNote, coverageData, layoutCoverage } from '../../../scripts/pipeline/charts/coverage.ts';
import { widthOf } from '../../../scripts/pipeline/charts/text.ts';
import { testEntity } from '../../fixtures/entity.ts';
import { growthRatio, linearBound } from '../helpers/growth.ts';

const model = runPipeline(readInputs(new URL('../../../', import.meta.url), 'tests/fixtures/seed-story'));
const seed = coverageData(model);

describe('coverageData on the seed corpus', () => {
  it('takes the ten most mentioned names as columns and the sources newest first as rows', () => {
    expect(seed.entities.map((entity) => entity.id)).toEqual([
      'russia',
      'syria',
      'ahmed-al-sharaa',
      'bashar-al-assad',
      'united-states',
      'vladimir-putin',
      'moscow',
      'syrian-democratic-forces',
      'hmeimim-air-base',
      'middle-east',
    ]);
    expect(seed.entities[0]).toMatchObject({ name: 'Russia', path: '/actors/russia/', mentions: 141 });
    // 002 and 003 were both published on 27 January 2026: ties go by title.
    expect(seed.sources.map((source) => source.slug.slice(0, 3))).toEqual(['000', '001', '002', '003', '004']);
    expect(seed.sources[2]).toMatchObject({
      outlet: 'The Cradle',
      published: '27 January 2026',
      stance: 'Neutral-toned news report, republished with a disclaimer by another site.',
    });
    // Tartus the city is not among them: the texts name it only as the naval base's place ("the base at Tartus").
    expect(seed.totals).toEqual({ entities: 53, sources: 5 });
    expect(coverageCapNote(seed)).toBe('Showing the 10 most mentioned of 53 names.');
  });

  it('counts mentions per source and name', () => {
    expect(seed.cells.map((row) => row.map((cell) => cell.count))).toEqual([
      [28, 17, 14, 9, 13, 8, 1, 3, 2, 4],
      [18, 10, 7, 3, 7, 4, 2, 4, 1, 0],
      [15, 5, 2, 2, 1, 1, 1, 3, 3, 1],
      [27, 13, 12, 5, 2, 3, 2, 0, 1, 2],
      [53, 30, 17, 10, 2, 2, 4, 0, 2, 1],
    ]);
    expect(seed.max).toBe(53);
  });

  it('links each cell to the first paragraph of the source that mentions the name, and empty cells nowhere', () => {
    seed.sources.forEach((source, row) => {
      const article = model.articles.find((candidate) => candidate.slug === source.slug)!;
      seed.entities.forEach((entity, column) => {
        const cell = seed.cells[row]![column]!;
        const mentions = model.mentions.filter((mention) => mention.articleSlug === source.slug && mention.entityId === entity.id);
        if (cell.count === 0) {
          expect(cell.path).toBeUndefined();
          return;
        }
        const first = article.paragraphs.find((paragraph) => mentions.some((mention) => mention.paragraphId === paragraph.id))!;
        expect(cell.path).toBe(`/sources/${source.slug}/#${first.id}`);
      });
    });
    expect(seed.cells[2]![8]).toEqual({ count: 3, path: '/sources/002-e060aad4f616cf48/#p-russian-forces-have-carried-4fbe01' });
  });
});

/** A corpus of `sources` articles, each mentioning `names` entities `n` times (n = entity index + 1). */
function syntheticCorpus(sources: number, names: number): Pick<KnowledgeModel, 'articles' | 'entities' | 'mentions'> {
  const entities: Entity[] = Array.from({ length: names }, (_, index) => testEntity({ id: `e${index}`, kind: 'actor', subtype: 'person', name: `Name ${index}`, file: 'x.yaml' }));
  const articles: SegmentedArticle[] = Array.from({ length: sources }, (_, index) => {
    const day = String((index % 28) + 1).padStart(2, '0');
    const month = String((Math.floor(index / 28) % 12) + 1).padStart(2, '0');
    const year = 2000 + Math.floor(index / 336);
    const iso = `${year}-${month}-${day}`;
    return {
      file: `a${index}.txt`,
      slug: `a${String(index).padStart(5, '0')}`,
      hash: '',
      meta: { title: `Article ${index}`, outlet: `Outlet ${index % 7}`, published: { precision: 'day', start: iso, end: iso, label: iso }, provenance: {} },
      blocks: [],
      removed: [],
      tweets: [],
      references: [],
      diagnostics: [],
      paragraphs: [{ id: 'p-1', kind: 'paragraph', text: 'x', line: 1, sentences: [] }],
    };
  });
  const mentions: Mention[] = articles.flatMap((article) =>
    entities.flatMap((entity, index) =>
      Array.from({ length: index + 1 }, (_, n) => ({ entityId: entity.id, articleSlug: article.slug, paragraphId: 'p-1', sentenceId: 's', start: n, end: n + 1, text: 'x', via: 'name' as const })),
    ),
  );
  return { articles, entities, mentions };
}

describe('coverageData caps', () => {
  it('keeps the most mentioned names and the most recent sources, and says so', () => {
    const data = coverageData(syntheticCorpus(40, 15), { maxEntities: 4, maxSources: 6 });
    expect(data.entities.map((entity) => entity.id)).toEqual(['e14', 'e13', 'e12', 'e11']);
    expect(data.sources.map((source) => source.slug)).toEqual(['a00039', 'a00038', 'a00037', 'a00036', 'a00035', 'a00034']);
    expect(data.cells[0]!.map((cell) => cell.count)).toEqual([15, 14, 13, 12]);
    expect(coverageCapNote(data)).toBe('Showing the 4 most mentioned of 15 names and the 6 most recent of 40 sources.');
  });

  it('builds at thousands of sources, holding only the rows it shows', { timeout: 120_000 }, () => {
    const corpus = syntheticCorpus(3000, 12);
    const data = coverageData(corpus);
    const corpora = new Map([375, 3000].map((size) => [size, syntheticCorpus(size, 12)]));
    const growth = growthRatio((size) => coverageData(corpora.get(size)!), 375, 8);
    expect(growth).toBeLessThan(linearBound(8));
    expect(data.sources).toHaveLength(25);
    expect(data.cells).toHaveLength(25);
    expect(data.entities).toHaveLength(10);
    expect(data.totals).toEqual({ entities: 12, sources: 3000 });
    expect(coverageCapNote(data)).toBe('Showing the 10 most mentioned of 12 names and the 25 most recent of 3,000 sources.');
    const layout = layoutCoverage(data, COVERAGE_ARTBOARDS.wide);
    expect(layout.rows).toHaveLength(25);
  });
});

describe('layoutCoverage', () => {
  for (const name of ['wide', 'narrow'] as const) {
    it(`fits the ${name} artboard: cells, 45° column labels and row labels inside its width`, () => {
      const artboard = COVERAGE_ARTBOARDS[name];
      const layout = layoutCoverage(seed, artboard);
      expect(layout.cell).toBeGreaterThanOrEqual(artboard.minCell);
      for (const column of layout.columns) {
        expect(column.labelX + widthOf(column.label, artboard.type.column) * Math.SQRT1_2).toBeLessThanOrEqual(layout.width);
        expect(column.labelY).toBeGreaterThan(0);
      }
      for (const row of layout.rows) {
        for (const cell of row.cells) expect(cell.x + cell.size).toBeLessThanOrEqual(layout.width);
        const outletWidth = widthOf(row.outlet.text, artboard.type.outlet) + (row.outlet.meta ? widthOf(row.outlet.meta, artboard.type.meta) : 0);
        const labelEnd = row.outlet.x + outletWidth;
        // Beside: labels end before the grid starts. Above: labels sit over the cells.
        if (artboard.labels === 'beside') expect(labelEnd).toBeLessThan(row.cells[0]!.x);
        else expect(row.outlet.y).toBeLessThan(row.cells[0]!.y);
        for (const line of row.stance.lines) expect(widthOf(line, artboard.type.stance)).toBeLessThanOrEqual(artboard.labels === 'beside' ? artboard.labelWidth : layout.width);
      }
      // Rows do not overlap.
      for (let index = 1; index < layout.rows.length; index++) {
        const previous = layout.rows[index - 1]!;
        const top = layout.rows[index]!.outlet.y - 12;
        expect(top).toBeGreaterThanOrEqual(previous.cells[0]!.y + previous.cells[0]!.size);
        expect(top).toBeGreaterThan(previous.stance.y + (previous.stance.lines.length - 1) * 14 + 3);
      }
      expect(layout.height).toBeGreaterThan(layout.rows.at(-1)!.cells[0]!.y + layout.cell - 2);
    });
  }

  it('shades counts in five steps on a square-root scale, empty cells apart, with a legend covering every count', () => {
    const layout = layoutCoverage(seed, COVERAGE_ARTBOARDS.wide);
    const bins = new Map(layout.rows.flatMap((row) => row.cells.map((cell) => [cell.count, cell.bin] as const)));
    expect(bins.get(0)).toBe(0);
    expect(bins.get(1)).toBe(1);
    expect(bins.get(53)).toBe(5);
    expect(bins.get(15)! > bins.get(4)!).toBe(true);
    expect(layout.legend.map((bin) => bin.bin)).toEqual([1, 2, 3, 4, 5]);
    expect(layout.legend[0]!.from).toBe(1);
    expect(layout.legend.at(-1)!.to).toBe(53);
    for (let index = 1; index < layout.legend.length; index++) expect(layout.legend[index]!.from).toBe(layout.legend[index - 1]!.to + 1);
  });

  it('labels rows with the outlet and a short date, and cells with what they count', () => {
    const layout = layoutCoverage(seed, COVERAGE_ARTBOARDS.wide);
    expect(layout.rows[2]!.outlet).toMatchObject({ text: 'The Cradle', meta: ' · 27 Jan 2026' });
    expect(layout.rows[2]!.stance.lines.join(' ')).toBe('Neutral-toned news report, republished with a disclaimer by another site.');
    expect(layout.rows[4]!.cells[0]!.title).toBe('Russia in Global Geopolitics (October 2025): 53 mentions');
    expect(layout.rows[1]!.cells[9]!.title).toMatch(/: no mentions$/);
  });
});

import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../../scripts/bench/corpus.ts';
import { readSeeds } from '../../../scripts/bench/seeds.ts';
import { runPipeline } from '../../../scripts/pipeline/run.ts';
import { assembleEntityPage, createContext } from '../../../scripts/pipeline/assemble/entity-page.ts';
import { PAGE_LIMITS } from '../../../scripts/pipeline/assemble/page-limits.ts';
import { emitEntityPage } from '../../../scripts/pipeline/emit/entity-page.ts';
import { renderPrebuiltPage } from '../../../scripts/pipeline/emit/page.ts';

const { seeds, registryFiles } = readSeeds(new URL('../../../', import.meta.url), 'tests/fixtures/seed-story');
const corpus = generateCorpus({ size: 150, seed: 3, seeds, registryFiles });
const model = runPipeline({ ...corpus.inputs, codeVersion: 'test' });
const context = createContext(model);
const russia = model.entities.find((entity) => entity.id === 'russia')!;
const page = assembleEntityPage(context, russia);

describe('briefing page lists at scale', () => {
  it('cuts the lists of an entity named in most articles to the page limits', () => {
    expect(context.mentionsByEntity.get('russia')!.length).toBeGreaterThan(1000);
    expect(page.bySource.length).toBeLessThanOrEqual(PAGE_LIMITS.sources);
    expect(page.bySource.reduce((sum, column) => sum + column.statements.length, 0)).toBeLessThanOrEqual(PAGE_LIMITS.sourceStatements);
    expect(page.mentionedIn.length).toBeLessThanOrEqual(PAGE_LIMITS.sources);
    expect(page.mentionedIn.reduce((sum, row) => sum + row.paragraphs.length, 0)).toBeLessThanOrEqual(PAGE_LIMITS.mentionedParagraphs);
    expect(page.timeline.length).toBeLessThanOrEqual(PAGE_LIMITS.timeline);
    expect(page.quotesAbout.length).toBeLessThanOrEqual(PAGE_LIMITS.quotes);
  });

  it('counts what it left out, and keeps the figures of the whole corpus', () => {
    const sources = new Set(model.statements.filter((s) => s.entityIds.includes('russia')).map((s) => s.articleSlug));
    expect(page.omitted?.bySource).toBe(sources.size - page.bySource.length);
    expect(page.stats.sources).toBe(sources.size);
    // Mentions: the sentences that name it or quote it (counts.ts), each once.
    const sentences = new Set([
      ...model.statements.filter((s) => s.entityIds.includes('russia')).map((s) => `${s.articleSlug}/${s.sentenceId}`),
      ...model.quotes.filter((q) => q.speakerId === 'russia').map((q) => `${q.articleSlug}/${q.sentenceId}`),
    ]);
    expect(page.stats.mentions).toBe(sentences.size);
  });

  it('keeps the sources with the most statements, and the newest dated statements in date order', () => {
    const counts = new Map<string, number>();
    for (const s of model.statements) if (s.entityIds.includes('russia')) counts.set(s.articleSlug, (counts.get(s.articleSlug) ?? 0) + 1);
    const shown = page.bySource.map((column) => counts.get(column.source.path.split('/')[2]!)!);
    const leastShown = Math.min(...shown);
    const hidden = [...counts.entries()].filter(([slug]) => !page.bySource.some((c) => c.source.path.includes(slug))).map(([, n]) => n);
    expect(Math.max(...hidden)).toBeLessThanOrEqual(leastShown);
    const starts = page.timeline.map((view) => view.date!.start);
    expect(starts).toEqual([...starts].sort());
  });

  it('says on the page how many more there are and links to the sources index and the data', () => {
    const names = new Map(model.entities.map((entity) => [entity.id, entity.name]));
    const { source } = renderPrebuiltPage(emitEntityPage(page, names));
    expect(source).toMatch(new RegExp(`${page.omitted!.bySource!.toLocaleString('en')} more sources, those with the most statements shown`));
    expect(source).toContain('<a href=\\"../../sources/\\">sources index</a>');
    expect(source).toContain('<a href=\\"../../data/briefing.json.gz\\">briefing.json.gz</a> (JSON, gzip-compressed).');
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestArticle } from '../../../../scripts/pipeline/ingest/index.ts';
import { segmentArticle } from '../../../../scripts/pipeline/segment/index.ts';
import { loadRegistry } from '../../../../scripts/pipeline/registry/index.ts';
import { buildAliasIndex, linkMentions } from '../../../../scripts/pipeline/link/index.ts';
import { extractDates } from '../../../../scripts/pipeline/extract/dates/index.ts';
import { extractQuotes } from '../../../../scripts/pipeline/extract/quotes/index.ts';
import { buildStatements } from '../../../../scripts/pipeline/extract/statements/index.ts';
import type { DateMention } from '../../../../scripts/pipeline/model.ts';

const root = new URL('../../../../', import.meta.url);
const registry = loadRegistry(
  ['actors', 'bases', 'events', 'places'].map((name) => ({
    file: `content/entities/${name}.yaml`,
    text: readFileSync(new URL(`tests/fixtures/seed-story/entities/${name}.yaml`, root), 'utf8'),
  })),
);
const index = buildAliasIndex(registry.entities);

function statementsOf(file: string) {
  const { article } = ingestArticle({ file: `content/articles/${file}`, bytes: readFileSync(new URL(`tests/fixtures/seed-story/articles/${file}`, root)) });
  const segmented = segmentArticle(article!);
  const mentions = linkMentions(segmented, index);
  const dates = new Map<string, DateMention[]>();
  for (const paragraph of segmented.paragraphs)
    for (const sentence of paragraph.sentences) dates.set(sentence.id, extractDates(sentence.text, segmented.meta.published).mentions);
  const quotes = extractQuotes(segmented, mentions, registry.entities);
  return { segmented, statements: buildStatements(segmented, mentions, dates, quotes) };
}

describe('buildStatements on seed 002', () => {
  const { segmented, statements } = statementsOf('002_e060aad4f616cf48.txt');

  it('dates the start of the Qamishli evacuation to 23 January 2026 and ties it to its entities', () => {
    const evacuation = statements.find((statement) => statement.text.startsWith('The source said the evacuation began'));
    expect(evacuation).toBeDefined();
    expect(evacuation!.dates.map((date) => [date.value.start, date.value.precision])).toContainEqual(['2026-01-23', 'day']);
    expect(evacuation!.basis).toBe('attributed');
  });

  it('links the Hmeimim relocation sentence to the bases it names', () => {
    const relocation = statements.find((statement) => statement.text.includes('relocating personnel and equipment to the Hmeimim Air Base'));
    expect(relocation?.entityIds).toEqual(expect.arrayContaining(['qamishli-airport', 'hmeimim-air-base', 'russia']));
  });

  it('uses sentence ids as statement ids, in document order, and skips headings', () => {
    const sentenceIds = segmented.paragraphs.filter((p) => p.kind !== 'heading').flatMap((p) => p.sentences.map((s) => s.id));
    const positions = statements.map((statement) => sentenceIds.indexOf(statement.id));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const statement of statements) expect(statement.id).toBe(statement.sentenceId);
  });

  it('only keeps sentences that name an entity or carry a date', () => {
    for (const statement of statements) expect(statement.entityIds.length + statement.dates.length).toBeGreaterThan(0);
  });
});

describe('buildStatements basis from quotes', () => {
  it('labels a sentence that is mostly a direct quote as a quote (seed 001)', () => {
    const { statements } = statementsOf('001_61cb9f6024de31c1.txt');
    const quoted = statements.find((statement) => /^["“]The return of eastern Syria/.test(statement.text));
    expect(quoted?.basis).toBe('quote');
  });
});

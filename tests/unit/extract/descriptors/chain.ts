/**
 * Runs the real upstream chain (ingest → segment → registry → link) on the seed
 * articles, so descriptor tests exercise the mentions the build really produces.
 */
import { readFileSync, readdirSync } from 'node:fs';
import type { Entity, Mention, SegmentedArticle } from '../../../../scripts/pipeline/model.ts';
import { ingestArticle } from '../../../../scripts/pipeline/ingest/index.ts';
import { segmentArticle } from '../../../../scripts/pipeline/segment/index.ts';
import { loadRegistry } from '../../../../scripts/pipeline/registry/index.ts';
import { buildAliasIndex, linkMentions } from '../../../../scripts/pipeline/link/index.ts';

const root = new URL('../../../../', import.meta.url);

export interface SeedRun {
  article: SegmentedArticle;
  mentions: Mention[];
}

let cached: { entities: Entity[]; runs: Map<string, SeedRun> } | undefined;

/** Entities from the seed-story registry plus every seed article linked against them, keyed by file prefix ("000"). */
export function seedChain(): { entities: Entity[]; runs: Map<string, SeedRun> } {
  if (cached) return cached;
  const entityDir = new URL('tests/fixtures/seed-story/entities/', root);
  const files = readdirSync(entityDir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({ file: `content/entities/${name}`, text: readFileSync(new URL(name, entityDir), 'utf8') }));
  const { entities } = loadRegistry(files);
  const index = buildAliasIndex(entities);
  const runs = new Map<string, SeedRun>();
  const articleDir = new URL('tests/fixtures/seed-story/articles/', root);
  for (const name of readdirSync(articleDir).filter((n) => n.endsWith('.txt')).sort()) {
    const bytes = readFileSync(new URL(name, articleDir));
    const { article } = ingestArticle({ file: `content/articles/${name}`, bytes });
    if (!article) continue;
    const segmented = segmentArticle(article);
    runs.set(name.slice(0, 3), { article: segmented, mentions: linkMentions(segmented, index) });
  }
  cached = { entities, runs };
  return cached;
}

/**
 * Test fixture: a minimal stand-in for the ingest stage, so segment tests do
 * not depend on it. Every non-blank line of a seed file becomes one paragraph block.
 */
import { readFileSync } from 'node:fs';
import type { Article, Block } from '../../../scripts/pipeline/model.ts';

export const SEED_FILES = [
  '000_414b01a22b4b9160.txt',
  '001_61cb9f6024de31c1.txt',
  '002_e060aad4f616cf48.txt',
  '003_dbdebd384bef066e.txt',
  '004_bee40c1e7e62989b.txt',
] as const;

export function articleFromBlocks(slug: string, blocks: Block[]): Article {
  return {
    file: `content/articles/${slug}.txt`,
    slug,
    hash: 'test',
    meta: { title: slug, provenance: {} },
    blocks,
    removed: [],
    tweets: [],
    references: [],
    diagnostics: [],
  };
}

export function paragraphs(...texts: string[]): Block[] {
  return texts.map((text, i) => ({ kind: 'paragraph', text, line: i + 1 }));
}

export function seedArticle(fileName: string): Article {
  const raw = readFileSync(new URL(`../../fixtures/seed-story/articles/${fileName}`, import.meta.url), 'utf8');
  const blocks: Block[] = [];
  raw.split('\n').forEach((line, i) => {
    if (line.trim() !== '') blocks.push({ kind: 'paragraph', text: line.normalize('NFC'), line: i + 1 });
  });
  return articleFromBlocks(fileName.replace(/\.txt$/, '').replace('_', '-'), blocks);
}

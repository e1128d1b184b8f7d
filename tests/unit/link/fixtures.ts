/**
 * Test fixtures built by hand so link/discover tests do not depend on the
 * segmenter or registry implementations.
 */
import { readFileSync } from 'node:fs';
import { testEntity } from '../../fixtures/entity.ts';
import type { BlockKind, Entity, Paragraph, SegmentedArticle } from '../../../scripts/pipeline/model.ts';

export function readSeed(file: string): string {
  return readFileSync(new URL(`../../fixtures/seed-story/articles/${file}`, import.meta.url), 'utf8');
}

/** A paragraph with one sentence per `. `-split (offsets relative to the paragraph). */
export function makeParagraph(text: string, id: string, kind: BlockKind = 'paragraph'): Paragraph {
  const sentences: Paragraph['sentences'] = [];
  const boundary = /(?<=[.!?])\s+/g;
  let start = 0;
  let n = 0;
  const push = (end: number): void => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const sentenceText = raw.trim();
    if (sentenceText.length > 0) {
      sentences.push({ id: `${id}-s${n++}`, paragraphId: id, text: sentenceText, start: start + lead, end: start + lead + sentenceText.length });
    }
  };
  for (const match of text.matchAll(boundary)) {
    push(match.index);
    start = match.index + match[0].length;
  }
  push(text.length);
  return { id, kind, text, line: 1, sentences };
}

export function makeArticle(slug: string, paragraphs: (string | { text: string; kind: BlockKind })[]): SegmentedArticle {
  return {
    file: `content/articles/${slug}.txt`,
    slug,
    hash: slug,
    meta: { title: slug, provenance: {} },
    blocks: [],
    removed: [],
    tweets: [],
    references: [],
    diagnostics: [],
    paragraphs: paragraphs.map((p, i) =>
      typeof p === 'string' ? makeParagraph(p, `p${i}`) : makeParagraph(p.text, `p${i}`, p.kind),
    ),
  };
}

/** Split a seed file into paragraphs (one per non-empty line), as the segmenter roughly would. */
export function seedArticle(file: string): SegmentedArticle {
  const lines = readSeed(file).split('\n').filter((line) => line.trim().length > 0);
  return makeArticle(file.replace(/\.txt$/, '').replace('_', '-'), lines);
}

/** Registry entries for these tests (the shared builder, under the name these tests use). */
export const makeEntity = testEntity;

/** A small registry shaped like the real one, for the Russia–Syria seed story. */
export const seedRegistry: Entity[] = [
  makeEntity({ id: 'russia', kind: 'actor', subtype: 'state', name: 'Russia', demonyms: ['Russian'], metonyms: ['the Kremlin', 'Moscow'] }),
  makeEntity({ id: 'syria', kind: 'actor', subtype: 'state', name: 'Syria', demonyms: ['Syrian'], metonyms: ['Damascus'] }),
  makeEntity({ id: 'united-states', kind: 'actor', subtype: 'state', name: 'United States', aliases: ['US', 'U.S.'], demonyms: ['American'], metonyms: ['Washington'] }),
  makeEntity({ id: 'iran', kind: 'actor', subtype: 'state', name: 'Iran' }),
  makeEntity({ id: 'moscow', kind: 'place', subtype: 'city', name: 'Moscow' }),
  makeEntity({ id: 'damascus', kind: 'place', subtype: 'city', name: 'Damascus' }),
  makeEntity({ id: 'tartus', kind: 'place', subtype: 'city', name: 'Tartus' }),
  makeEntity({ id: 'vladimir-putin', kind: 'actor', subtype: 'person', name: 'Vladimir Putin' }),
  makeEntity({ id: 'ahmed-al-sharaa', kind: 'actor', subtype: 'person', name: 'Ahmed al-Sharaa', aliases: ['Ahmad al-Sharaa', 'Abu Mohammad al-Jolani'] }),
  makeEntity({ id: 'bashar-al-assad', kind: 'actor', subtype: 'person', name: 'Bashar al-Assad' }),
  makeEntity({ id: 'dmitry-peskov', kind: 'actor', subtype: 'person', name: 'Dmitry Peskov' }),
  makeEntity({ id: 'samuel-ramani', kind: 'actor', subtype: 'person', name: 'Samuel Ramani' }),
  makeEntity({ id: 'donald-trump', kind: 'actor', subtype: 'person', name: 'Donald Trump' }),
  makeEntity({ id: 'sdf', kind: 'actor', subtype: 'armed-group', name: 'Syrian Democratic Forces', aliases: ['SDF'] }),
  makeEntity({ id: 'hmeimim', kind: 'base', subtype: 'air-base', name: 'Hmeimim Air Base', aliases: ['Hmeimim airbase', 'Hmeimim'] }),
  makeEntity({ id: 'tartus-naval-base', kind: 'base', subtype: 'naval-base', name: 'Tartus naval base' }),
];

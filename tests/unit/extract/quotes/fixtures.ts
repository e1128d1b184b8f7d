/**
 * Test fixtures for the extract stages: build SegmentedArticle, Entity and Mention
 * values directly, so these tests do not depend on the segmenter or the linker.
 */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { testEntity } from '../../../fixtures/entity.ts';
import type { BlockKind, Entity, Mention, MentionVia, Paragraph, SegmentedArticle, Sentence, Tweet } from '../../../../scripts/pipeline/model.ts';

const hash = (text: string, length = 8): string => createHash('sha256').update(text).digest('hex').slice(0, length);

export interface ParagraphInput {
  text: string;
  kind?: BlockKind;
  tweet?: number;
}

const SENTENCE_BREAK = /(?<=[.!?]["”’]?)\s+(?=[A-Z“"])/g;

export function splitSentences(slug: string, paragraphId: string, text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  const cut = (end: number): void => {
    const piece = text.slice(start, end);
    if (piece.trim()) {
      sentences.push({ id: `s-${hash(`${slug}|${paragraphId}|${start}|${piece}`)}`, paragraphId, text: piece, start, end });
    }
  };
  for (const match of text.matchAll(SENTENCE_BREAK)) {
    cut(match.index ?? 0);
    start = (match.index ?? 0) + match[0].length;
  }
  cut(text.length);
  return sentences;
}

export function makeArticle(slug: string, inputs: (string | ParagraphInput)[], tweets: Tweet[] = []): SegmentedArticle {
  const paragraphs: Paragraph[] = inputs.map((input, index) => {
    const { text, kind = 'paragraph', tweet } = typeof input === 'string' ? { text: input } : input;
    const id = `p-${index}-${hash(text, 6)}`;
    return { id, kind, text, line: index + 1, ...(tweet === undefined ? {} : { tweet }), sentences: splitSentences(slug, id, text) };
  });
  return {
    file: `content/articles/${slug}.txt`,
    slug,
    hash: hash(slug),
    meta: { title: slug, provenance: {} },
    blocks: paragraphs.map((p) => ({ kind: p.kind, text: p.text, line: p.line, ...(p.tweet === undefined ? {} : { tweet: p.tweet }) })),
    removed: [],
    tweets,
    references: [],
    diagnostics: [],
    paragraphs,
  };
}

export function makeEntity(id: string, name: string, options: Partial<Entity> = {}): Entity {
  return testEntity({ id, kind: 'actor', subtype: 'person', name, file: 'content/registry.yaml', ...options });
}

/** A small registry for the Syria seeds (aliases include the U+2011 hyphen spelling of seed 004). */
export const ENTITIES: Entity[] = [
  makeEntity('vladimir-putin', 'Vladimir Putin', { aliases: ['Putin'] }),
  makeEntity('ahmed-al-sharaa', 'Ahmed al-Sharaa', {
    aliases: ['Ahmad al-Sharaa', 'al-Sharaa', 'Sharaa', 'Ahmed al‑Sharaa', 'al‑Sharaa', 'Al‑Sharaa', 'Abu Mohammad al-Jolani'],
  }),
  makeEntity('bashar-al-assad', 'Bashar al-Assad', { aliases: ['Assad', 'Bashar al‑Assad', 'President Assad'] }),
  makeEntity('dmitry-peskov', 'Dmitry Peskov', { aliases: ['Peskov'] }),
  makeEntity('samuel-ramani', 'Samuel Ramani', { aliases: ['Ramani'] }),
  makeEntity('aghiad-hegazi', 'Aghiad Hegazi', { aliases: ['Hegazi'] }),
  makeEntity('ahmed-ali', 'Ahmed Ali', {}),
  makeEntity('pepe-escobar', 'Pepe Escobar', { aliases: ['@RealPepeEscobar'], subtype: 'person' }),
  makeEntity('donald-trump', 'Donald Trump', { aliases: ['Trump'] }),
  makeEntity('russia', 'Russia', { subtype: 'state', demonyms: ['Russian', 'Russians'], metonyms: ['the Kremlin', 'Kremlin', 'Moscow'] }),
  makeEntity('syria', 'Syria', { subtype: 'state', demonyms: ['Syrian'], metonyms: ['Damascus'] }),
  makeEntity('sdf', 'Syrian Democratic Forces', { subtype: 'armed-group', aliases: ['SDF'] }),
  makeEntity('al-jazeera', 'Al Jazeera', { subtype: 'media' }),
];

/**
 * A naive linker for tests: longest term first, whole words, no overlaps.
 * "Syria’s" matches "Syria" (the possessive stays outside the mention).
 */
export function linkMentions(article: SegmentedArticle, entities: Entity[] = ENTITIES): Mention[] {
  const terms: { term: string; entityId: string; via: MentionVia }[] = [];
  for (const entity of entities) {
    terms.push({ term: entity.name, entityId: entity.id, via: 'name' });
    for (const alias of entity.aliases) terms.push({ term: alias, entityId: entity.id, via: 'alias' });
    for (const demonym of entity.demonyms) terms.push({ term: demonym, entityId: entity.id, via: 'demonym' });
    for (const metonym of entity.metonyms) terms.push({ term: metonym, entityId: entity.id, via: 'metonym' });
  }
  terms.sort((a, b) => b.term.length - a.term.length || a.term.localeCompare(b.term));
  const mentions: Mention[] = [];
  for (const paragraph of article.paragraphs) {
    const taken: [number, number][] = [];
    for (const { term, entityId, via } of terms) {
      const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const pattern = new RegExp(`(?<![\\p{L}\\p{N}@-])${escaped}(?![\\p{L}\\p{N}‑-])`, 'gu');
      for (const match of paragraph.text.matchAll(pattern)) {
        const start = match.index ?? 0;
        const end = start + term.length;
        if (taken.some(([s, e]) => start < e && end > s)) continue;
        const sentence = paragraph.sentences.find((s) => start >= s.start && start < s.end);
        if (!sentence) continue;
        taken.push([start, end]);
        mentions.push({ entityId, articleSlug: article.slug, paragraphId: paragraph.id, sentenceId: sentence.id, start, end, text: term, via });
      }
    }
  }
  return mentions.sort((a, b) => (a.paragraphId === b.paragraphId ? a.start - b.start : 0));
}

export function seedText(file: string): string {
  return readFileSync(new URL(`../../../fixtures/seed-story/articles/${file}`, import.meta.url), 'utf8').normalize('NFC');
}

/** The seed line that starts with `prefix` (fails loudly if the seed changed). */
export function seedLine(file: string, prefix: string): string {
  const line = seedText(file)
    .split('\n')
    .find((candidate) => candidate.startsWith(prefix));
  if (!line) throw new Error(`seed ${file} has no line starting with ${JSON.stringify(prefix)}`);
  return line.trim();
}

/** The seed sentence that starts with `prefix`, cut with the fixture sentence splitter. */
export function seedSentence(file: string, prefix: string): string {
  for (const line of seedText(file).split('\n')) {
    const sentence = splitSentences('x', 'p', line.trim()).find((s) => s.text.startsWith(prefix));
    if (sentence) return sentence.text;
  }
  throw new Error(`seed ${file} has no sentence starting with ${JSON.stringify(prefix)}`);
}

export const SEEDS = {
  s000: '000_414b01a22b4b9160.txt',
  s001: '001_61cb9f6024de31c1.txt',
  s002: '002_e060aad4f616cf48.txt',
  s003: '003_dbdebd384bef066e.txt',
  s004: '004_bee40c1e7e62989b.txt',
} as const;

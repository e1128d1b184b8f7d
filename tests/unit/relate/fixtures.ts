/** Small builders for relate-stage inputs; the earlier stages are built elsewhere. */
import { readFileSync } from 'node:fs';
import { testEntity } from '../../fixtures/entity.ts';
import type {
  DateMention,
  DateValue,
  Entity,
  Paragraph,
  Quote,
  SegmentedArticle,
  Sentence,
  Statement,
} from '../../../scripts/pipeline/model.ts';
import { shortHash } from '../../../scripts/pipeline/shared/hash.ts';
import { slugify } from '../../../scripts/pipeline/shared/slug.ts';

const SENTENCE_BOUNDARY = /(?<=[.!?]["”’]?)\s+(?=[A-Z“"])/g;

export function splitSentences(articleSlug: string, paragraphId: string, text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  const push = (end: number): void => {
    const raw = text.slice(start, end);
    if (raw.trim() === '') return;
    sentences.push({
      id: `s-${shortHash(`${articleSlug}|${paragraphId}|${start}|${raw}`)}`,
      paragraphId,
      text: raw,
      start,
      end,
    });
  };
  for (const match of text.matchAll(SENTENCE_BOUNDARY)) {
    push(match.index);
    start = match.index + match[0].length;
  }
  push(text.length);
  return sentences;
}

export function paragraph(articleSlug: string, text: string, line = 1, kind: Paragraph['kind'] = 'paragraph'): Paragraph {
  const id = `p-${slugify(text.split(/\s+/).slice(0, 3).join(' '), 24)}-${shortHash(text, 6)}`;
  return { id, kind, text, line, sentences: splitSentences(articleSlug, id, text) };
}

export function day(iso: string): DateValue {
  const [y, m, d] = iso.split('-').map(Number);
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return { precision: 'day', start: iso, end: iso, label: `${d} ${months[(m ?? 1) - 1]} ${y}` };
}

export function month(ym: string, label: string): DateValue {
  const [y, m] = ym.split('-').map(Number);
  const last = new Date(Date.UTC(y ?? 2000, m ?? 1, 0)).getUTCDate();
  return { precision: 'month', start: `${ym}-01`, end: `${ym}-${String(last).padStart(2, '0')}`, label };
}

/** An article from paragraphs of text (one per array entry). */
export function article(slug: string, paragraphs: string[], published?: string | DateValue): SegmentedArticle {
  const pub = typeof published === 'string' ? day(published) : published;
  return {
    file: `content/articles/${slug}.txt`,
    slug,
    hash: shortHash(slug),
    meta: { title: slug, provenance: {}, ...(pub ? { published: pub } : {}) },
    blocks: [],
    removed: [],
    tweets: [],
    references: [],
    diagnostics: [],
    paragraphs: paragraphs.map((text, i) => paragraph(slug, text, i + 1)),
  };
}

/** A seed article: one paragraph per non-blank line (headings detection is not our job). */
export function seed(file: string, published?: string): SegmentedArticle {
  const text = readFileSync(new URL(`../../fixtures/seed-story/articles/${file}`, import.meta.url), 'utf8');
  const slug = file.replace(/\.txt$/, '').replace(/_/g, '-');
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  return article(slug, lines, published);
}

export function findParagraph(a: SegmentedArticle, startsWith: string): Paragraph {
  const found = a.paragraphs.find((p) => p.text.startsWith(startsWith));
  if (!found) throw new Error(`no paragraph starting with ${startsWith}`);
  return found;
}

export function findSentence(a: SegmentedArticle, startsWith: string): { paragraph: Paragraph; sentence: Sentence } {
  for (const p of a.paragraphs) {
    const s = p.sentences.find((x) => x.text.startsWith(startsWith));
    if (s) return { paragraph: p, sentence: s };
  }
  throw new Error(`no sentence starting with ${startsWith}`);
}

export function dateMention(sentenceText: string, text: string, value: DateValue): DateMention {
  const start = Math.max(0, sentenceText.indexOf(text));
  return { text, start, end: start + text.length, value };
}

/** A statement for the sentence of `a` that starts with `startsWith`. */
export function statement(
  a: SegmentedArticle,
  startsWith: string,
  entityIds: string[],
  dates: { text: string; value: DateValue }[] = [],
): Statement {
  const { paragraph: p, sentence } = findSentence(a, startsWith);
  return {
    id: sentence.id,
    articleSlug: a.slug,
    paragraphId: p.id,
    sentenceId: sentence.id,
    text: sentence.text,
    entityIds,
    dates: dates.map((d) => dateMention(sentence.text, d.text, d.value)),
    basis: 'assertion',
  };
}

export function quote(
  a: SegmentedArticle,
  sentenceStartsWith: string,
  text: string,
  speakerText: string,
  speakerId: string | undefined,
  via: Quote['via'],
): Quote {
  const { paragraph: p, sentence } = findSentence(a, sentenceStartsWith);
  return {
    id: `q-${shortHash(`${a.slug}|${sentence.id}|${text}|${speakerText}|${via}`)}`,
    articleSlug: a.slug,
    paragraphId: p.id,
    sentenceId: sentence.id,
    text,
    speakerText,
    ...(speakerId ? { speakerId } : {}),
    via,
  };
}

export function entity(id: string, kind: Entity['kind'], extra: Partial<Entity> = {}): Entity {
  return testEntity({ id, kind, subtype: '', name: id, file: 'content/registry.yaml', ...extra });
}

export const SEED = {
  a000: '000_414b01a22b4b9160.txt',
  a001: '001_61cb9f6024de31c1.txt',
  a002: '002_e060aad4f616cf48.txt',
  a003: '003_dbdebd384bef066e.txt',
  a004: '004_bee40c1e7e62989b.txt',
} as const;

/** All five seeds with their publication dates (from their datelines / tweets). */
export function seeds(): Record<keyof typeof SEED, SegmentedArticle> {
  return {
    a000: seed(SEED.a000, '2026-01-28'),
    a001: seed(SEED.a001, '2026-01-28'),
    a002: seed(SEED.a002, '2026-01-27'),
    a003: seed(SEED.a003, '2026-01-28'),
    a004: seed(SEED.a004, '2025-10-15'),
  };
}

/**
 * Provenance for briefing pages: every statement a page shows becomes a
 * `StatementView` carrying the citation to its source paragraph.
 */
import type { Basis, DateValue, Entity, Mention, SegmentedArticle, Statement } from '../model.ts';
import { linkMentions, type Inline } from './inlines.ts';
import { paragraphPath } from './paths.ts';
import { outletLabel } from './source-page.ts';

export interface Citation {
  /** /sources/<slug>/#<paragraph-id> */
  path: string;
  outlet: string;
  /** The cited paragraph's text, shown on hover and focus. */
  passage: string;
  sourceTitle: string;
  articleSlug: string;
}

export interface StatementView {
  /** HTML id on the briefing page: stable, content-derived. */
  id: string;
  statementId: string;
  inlines: Inline[];
  basis: Basis;
  date?: DateValue;
  citation: Citation;
}

/** Indexes over the model that every page assembler needs; built once per build. */
export interface ModelIndex {
  articles: Map<string, SegmentedArticle>;
  paragraphs: Map<string, { text: string; article: SegmentedArticle }>;
  sentences: Map<string, { start: number; end: number; paragraphId: string; articleSlug: string }>;
  mentionsBySentence: Map<string, Mention[]>;
  entities: Map<string, Entity>;
  statements: Map<string, Statement>;
}

export function paragraphKey(articleSlug: string, paragraphId: string): string {
  return `${articleSlug}#${paragraphId}`;
}

export function indexModel(model: {
  articles: readonly SegmentedArticle[];
  mentions: readonly Mention[];
  entities: readonly Entity[];
  statements: readonly Statement[];
}): ModelIndex {
  const index: ModelIndex = {
    articles: new Map(),
    paragraphs: new Map(),
    sentences: new Map(),
    mentionsBySentence: new Map(),
    entities: new Map(model.entities.map((entity) => [entity.id, entity])),
    statements: new Map(model.statements.map((statement) => [statement.id, statement])),
  };
  for (const article of model.articles) {
    index.articles.set(article.slug, article);
    for (const paragraph of article.paragraphs) {
      index.paragraphs.set(paragraphKey(article.slug, paragraph.id), { text: paragraph.text, article });
      for (const sentence of paragraph.sentences) {
        index.sentences.set(sentence.id, { start: sentence.start, end: sentence.end, paragraphId: paragraph.id, articleSlug: article.slug });
      }
    }
  }
  for (const mention of model.mentions) {
    const list = index.mentionsBySentence.get(mention.sentenceId) ?? [];
    list.push(mention);
    index.mentionsBySentence.set(mention.sentenceId, list);
  }
  return index;
}

/**
 * Longest passage a citation carries. Why a cap: the passage is there to
 * recognise the paragraph, and a scraped "paragraph" of 50 KB cited a thousand
 * times made one page 160 MB. Longer paragraphs are cut to a window around the
 * cited sentence or mention.
 */
export const MAX_PASSAGE_CHARS = 600;

export interface Focus {
  start: number;
  end: number;
}

/** `text` cut to at most `max` characters around `focus`, on word boundaries, with … where cut. */
export function excerpt(text: string, focus: Focus = { start: 0, end: 0 }, max = MAX_PASSAGE_CHARS): string {
  if (text.length <= max) return text;
  const focusLength = Math.max(0, focus.end - focus.start);
  let start = focusLength >= max ? focus.start : Math.max(0, focus.start - Math.floor((max - focusLength) / 2));
  let end = Math.min(text.length, start + max);
  start = Math.max(0, Math.min(start, end - max));
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space !== -1 && space < start + 40 && space < focus.start) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > end - 40 && space > focus.end) end = space;
  }
  return `${start > 0 ? '… ' : ''}${text.slice(start, end).trim()}${end < text.length ? ' …' : ''}`;
}

/** A sentence's offsets inside its paragraph, as a citation focus. */
export function sentenceFocus(index: ModelIndex, sentenceId: string): Focus | undefined {
  const sentence = index.sentences.get(sentenceId);
  return sentence && { start: sentence.start, end: sentence.end };
}

export function citationFor(index: ModelIndex, articleSlug: string, paragraphId: string, focus?: Focus): Citation {
  const article = index.articles.get(articleSlug);
  const paragraph = index.paragraphs.get(paragraphKey(articleSlug, paragraphId));
  return {
    path: paragraphPath(articleSlug, paragraphId),
    outlet: article ? outletLabel(article) : articleSlug,
    passage: excerpt(paragraph?.text ?? '', focus),
    sourceTitle: article?.meta.title ?? articleSlug,
    articleSlug,
  };
}

/** The earliest date a statement gives, used for timelines. */
export function statementDate(statement: Statement): DateValue | undefined {
  return [...statement.dates].map((mention) => mention.value).sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))[0];
}

/**
 * A statement as a page shows it. `prefix` keeps ids unique when a page lists
 * one statement in several sections ("timeline", "reports").
 */
export function viewStatement(index: ModelIndex, statement: Statement, prefix: string): StatementView {
  const sentence = index.sentences.get(statement.sentenceId);
  const mentions = index.mentionsBySentence.get(statement.sentenceId) ?? [];
  const date = statementDate(statement);
  return {
    id: `${prefix}-${statement.id}`,
    statementId: statement.id,
    inlines: linkMentions(statement.text, mentions, index.entities, sentence?.start ?? 0),
    basis: statement.basis,
    ...(date && { date }),
    citation: citationFor(index, statement.articleSlug, statement.paragraphId, sentence),
  };
}

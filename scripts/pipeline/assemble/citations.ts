/**
 * Provenance for briefing pages: every statement a page shows becomes a
 * `StatementView` carrying the citation to its source paragraph.
 */
import { excerpt, type Focus } from '../shared/excerpt.ts';
import { statementDate } from '../shared/statement-date.ts';
import type { Basis, DateValue, Entity, Mention, SegmentedArticle, Statement } from '../model.ts';
import { linkMentions, type Inline } from './inlines.ts';
import { paragraphPath } from '../shared/paths.ts';
import { outletLabel } from '../shared/outlet.ts';

/**
 * Longest passage a citation's tooltip shows: the cited sentence with about
 * two lines of context each side. The tooltip is there to recognise the
 * paragraph, which is one click away; every citation on a page carries its
 * own copy, so a whole paragraph in each was a third of an event page.
 */
export const CITATION_PASSAGE_CHARS = 320;

export interface Citation {
  /** /sources/<slug>/#<paragraph-id> */
  path: string;
  outlet: string;
  /** The cited paragraph's text, or the part of it around the cited sentence (CITATION_PASSAGE_CHARS), shown on hover and focus. */
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
  /**
   * What `citationFor` and `viewStatement` made, per cited sentence: a sentence is
   * cited on the page of each entity it names, and twice on one page (key facts,
   * the source's column). Shared, never changed, so the page models of a
   * 5,000-article build hold each passage once.
   */
  citations: Map<string, Citation>;
  inlines: Map<string, Inline[]>;
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
    citations: new Map(),
    inlines: new Map(),
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


/** A sentence's offsets inside its paragraph, as a citation focus. */
export function sentenceFocus(index: ModelIndex, sentenceId: string): Focus | undefined {
  const sentence = index.sentences.get(sentenceId);
  return sentence && { start: sentence.start, end: sentence.end };
}

export function citationFor(index: ModelIndex, articleSlug: string, paragraphId: string, focus?: Focus): Citation {
  const cited = paragraphKey(articleSlug, paragraphId);
  const key = `${cited}@${focus ? `${focus.start}-${focus.end}` : ''}`;
  const known = index.citations.get(key);
  if (known) return known;
  const article = index.articles.get(articleSlug);
  const paragraph = index.paragraphs.get(cited);
  const citation: Citation = {
    path: paragraphPath(articleSlug, paragraphId),
    outlet: article ? outletLabel(article) : articleSlug,
    passage: excerpt(paragraph?.text ?? '', focus, CITATION_PASSAGE_CHARS),
    sourceTitle: article?.meta.title ?? articleSlug,
    articleSlug,
  };
  index.citations.set(key, citation);
  return citation;
}

/** A statement's text with its mentions linked (see ModelIndex.inlines). */
function statementInlines(index: ModelIndex, statement: Statement, sentenceStart: number): Inline[] {
  const known = index.inlines.get(statement.id);
  if (known) return known;
  const inlines = linkMentions(statement.text, index.mentionsBySentence.get(statement.sentenceId) ?? [], index.entities, sentenceStart);
  index.inlines.set(statement.id, inlines);
  return inlines;
}


/**
 * A statement as a page shows it. `prefix` keeps ids unique when a page lists
 * one statement in several sections ("timeline", "reports").
 */
export function viewStatement(index: ModelIndex, statement: Statement, prefix: string): StatementView {
  const sentence = index.sentences.get(statement.sentenceId);
  const date = statementDate(statement);
  return {
    id: `${prefix}-${statement.id}`,
    statementId: statement.id,
    inlines: statementInlines(index, statement, sentence?.start ?? 0),
    basis: statement.basis,
    ...(date && { date }),
    citation: citationFor(index, statement.articleSlug, statement.paragraphId, sentence),
  };
}

import type { BlockKind, DateValue, Entity, Mention, Paragraph, Reference, Removal, SegmentedArticle, Sentence } from '../model.ts';
import { outletLabel } from '../shared/outlet.ts';
import { groupBy } from '../shared/group-by.ts';
import { linkMentions, type Inline } from './inlines.ts';
import { sourcePath } from '../shared/paths.ts';
import type { SourceProfile } from './source-profile.ts';

/** A run of a paragraph: a sentence (addressable by its id) or the space between two. */
export interface SourceRun {
  sentenceId?: string;
  inlines: Inline[];
}

export interface SourceParagraph {
  id: string;
  kind: BlockKind;
  line: number;
  runs: SourceRun[];
  /** For embedded posts: who posted it and when. */
  tweet?: { author: string; handle: string; date?: string };
}

/** A page that cites this source, for "Briefings citing this source". */
export interface PageLink {
  path: string;
  name: string;
}

export interface SourcePage {
  kind: 'source';
  path: string;
  slug: string;
  title: string;
  description: string;
  /** Display name of the outlet, or a neutral fallback when the text names none. */
  outletLabel: string;
  outlet?: string;
  author?: string;
  published?: DateValue;
  url?: string;
  stance?: string;
  file: string;
  removed: Removal[];
  references: Reference[];
  citedBy: PageLink[];
  /** Statements by basis and paragraphs shared with other sources. */
  profile?: SourceProfile;
}


/** First sentence of the body, shortened at a word boundary, for meta descriptions. */
export function describe(article: SegmentedArticle, maxLength = 160): string {
  const first = article.paragraphs.find((paragraph) => paragraph.kind === 'paragraph');
  const text = first?.sentences[0]?.text ?? first?.text ?? article.meta.title;
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), maxLength / 2))}…`;
}

/** What a source page's article body is made of (`sourceParagraphs`): the article's text and its links, nothing the other pages decide. */
export interface ArticleBodySource {
  path: string;
  article: ArticleText;
  mentions: readonly LinkedMention[];
  /** The entities the links may point to; a mention of any other is left as text. */
  entities: ReadonlyMap<string, LinkTarget>;
}

/** What `sourceParagraphs` reads of an article: its paragraphs, where their sentences are, and its embedded posts. */
export interface ArticleText {
  paragraphs: readonly ParagraphText[];
  tweets: readonly { author: string; handle: string; date?: Pick<DateValue, 'label'> }[];
}
export type ParagraphText = Pick<Paragraph, 'id' | 'kind' | 'line' | 'text' | 'tweet'> & { sentences: readonly Pick<Sentence, 'id' | 'start' | 'end'>[] };
/** What a link reads of a mention. */
export type LinkedMention = Pick<Mention, 'paragraphId' | 'start' | 'end' | 'entityId'>;
/** What a link reads of the entity it points to. */
export type LinkTarget = Pick<Entity, 'id' | 'kind'>;

/** Split a paragraph into sentence runs (with mention links) and the gaps between them. */
function sentenceRuns(paragraph: ParagraphText, mentions: readonly LinkedMention[], entities: ReadonlyMap<string, LinkTarget>): SourceRun[] {
  const runs: SourceRun[] = [];
  let cursor = 0;
  const plain = (end: number) => {
    if (end > cursor) runs.push({ inlines: [{ type: 'text', value: paragraph.text.slice(cursor, end) }] });
  };
  for (const sentence of paragraph.sentences) {
    if (sentence.start < cursor || sentence.end > paragraph.text.length) continue;
    plain(sentence.start);
    const inside = mentions.filter((mention) => mention.start >= sentence.start && mention.end <= sentence.end);
    runs.push({ sentenceId: sentence.id, inlines: linkMentions(paragraph.text.slice(sentence.start, sentence.end), inside, entities, sentence.start) });
    cursor = sentence.end;
  }
  plain(paragraph.text.length);
  return runs;
}

/**
 * The source page around its article. The article itself, its paragraphs with
 * their links, is `sourceParagraphs`: its HTML is made on its own, ahead
 * (site.ts), and most often on another thread.
 */
export function assembleSourcePage(article: SegmentedArticle, citedBy: readonly PageLink[], profile?: SourceProfile): SourcePage {
  return {
    kind: 'source',
    path: sourcePath(article.slug),
    slug: article.slug,
    title: article.meta.title,
    description: describe(article),
    outletLabel: outletLabel(article),
    outlet: article.meta.outlet,
    author: article.meta.author,
    published: article.meta.published,
    url: article.meta.url,
    stance: article.meta.stance,
    file: article.file,
    removed: article.removed,
    references: article.references,
    citedBy: [...citedBy],
    ...(profile && { profile }),
  };
}

/**
 * The article's paragraphs as its source page shows them: sentence runs with
 * their mention links. Only the article and its links decide them, so the
 * build makes their HTML ahead of the rest of the page (site.ts).
 */
export function sourceParagraphs(article: ArticleText, mentions: readonly LinkedMention[], entities: ReadonlyMap<string, LinkTarget>): SourceParagraph[] {
  const byParagraph = groupBy(mentions, (mention) => mention.paragraphId);
  return article.paragraphs.map((paragraph) => {
    const tweet = paragraph.tweet === undefined ? undefined : article.tweets[paragraph.tweet];
    return {
      id: paragraph.id,
      kind: paragraph.kind,
      line: paragraph.line,
      runs: sentenceRuns(paragraph, byParagraph.get(paragraph.id) ?? [], entities),
      ...(tweet && { tweet: { author: tweet.author, handle: tweet.handle, date: tweet.date?.label } }),
    };
  });
}

/** What `emitArticleBody` (emit/source-page.ts) reads: the source page's path and its article's paragraphs, nothing the other pages decide. */
export interface ArticleBodyInput {
  path: string;
  paragraphs: SourceParagraph[];
}

/** The article body's paragraphs and where they go. */
export function articleBodyInput(source: ArticleBodySource): ArticleBodyInput {
  return { path: source.path, paragraphs: sourceParagraphs(source.article, source.mentions, source.entities) };
}

/**
 * The cached form of one article's results: the same JSON shape, with string
 * fields that can be rebuilt from the rest of the entry replaced by 0.
 *
 * Why: a mention repeats its article's slug and paragraph id and a slice of the
 * paragraph; a sentence is a slice of its paragraph; a statement repeats its
 * sentence. At 5,000 articles these copies were about half of the 300 MB the
 * cache wrote on a first build and read back on every later one. A field is
 * dropped only when rebuilding it gives exactly the same string, so
 * `unpackResult(JSON.parse(JSON.stringify(packResult(r))))` equals `r`, key
 * order included (the key stays in place, only its value is replaced).
 * An entry written before this format has no 0s and reads back unchanged.
 */
import type { Mention, Paragraph, Sentence, Statement } from '../pipeline/model.ts';
import type { ArticleResult } from '../pipeline/run.ts';

/** A dropped field: never a real value (those are all strings). */
const DROPPED = 0;

type Packed<T, K extends keyof T> = Omit<T, K> & { [P in K]: T[P] | typeof DROPPED };

function indexSentences(paragraphs: readonly Paragraph[]): Map<string, { paragraph: Paragraph; sentence: Sentence }> {
  const index = new Map<string, { paragraph: Paragraph; sentence: Sentence }>();
  for (const paragraph of paragraphs) for (const sentence of paragraph.sentences) index.set(sentence.id, { paragraph, sentence });
  return index;
}

const keep = <T>(value: T, rebuilt: T | undefined): T | typeof DROPPED => (value === rebuilt ? DROPPED : value);

export function packResult(result: ArticleResult): unknown {
  const { article } = result;
  const paragraphs = article.paragraphs.map((paragraph, index) => ({
    ...paragraph,
    text: keep(paragraph.text, article.blocks[index]?.text),
    sentences: paragraph.sentences.map((sentence) => ({
      ...sentence,
      paragraphId: keep(sentence.paragraphId, paragraph.id),
      text: keep(sentence.text, paragraph.text.slice(sentence.start, sentence.end)),
    })),
  }));
  const sentences = indexSentences(article.paragraphs);
  const mentions = result.mentions.map((mention) => {
    const at = sentences.get(mention.sentenceId);
    return {
      ...mention,
      articleSlug: keep(mention.articleSlug, article.slug),
      paragraphId: keep(mention.paragraphId, at?.paragraph.id),
      text: keep(mention.text, at?.paragraph.text.slice(mention.start, mention.end)),
    };
  });
  const statements = result.statements.map((statement) => {
    const at = sentences.get(statement.sentenceId);
    return {
      ...statement,
      articleSlug: keep(statement.articleSlug, article.slug),
      paragraphId: keep(statement.paragraphId, at?.paragraph.id),
      text: keep(statement.text, at?.sentence.text),
    };
  });
  return { ...result, article: { ...article, paragraphs }, mentions, statements };
}

const restore = (value: string | typeof DROPPED, rebuilt: () => string | undefined): string => (value === DROPPED ? (rebuilt() ?? '') : value);

/** The results `packResult` was given, from its parsed JSON (rebuilt in place). */
export function unpackResult(packed: unknown): ArticleResult {
  const result = packed as ArticleResult;
  const { article } = result;
  for (const [index, paragraph] of (article.paragraphs as Packed<Paragraph, 'text'>[]).entries()) {
    paragraph.text = restore(paragraph.text, () => article.blocks[index]?.text);
    for (const sentence of paragraph.sentences as Packed<Sentence, 'paragraphId' | 'text'>[]) {
      sentence.paragraphId = restore(sentence.paragraphId, () => paragraph.id);
      sentence.text = restore(sentence.text, () => (paragraph.text as string).slice(sentence.start, sentence.end));
    }
  }
  const sentences = indexSentences(article.paragraphs);
  for (const mention of result.mentions as Packed<Mention, 'articleSlug' | 'paragraphId' | 'text'>[]) {
    const at = sentences.get(mention.sentenceId);
    mention.articleSlug = restore(mention.articleSlug, () => article.slug);
    mention.paragraphId = restore(mention.paragraphId, () => at?.paragraph.id);
    mention.text = restore(mention.text, () => at?.paragraph.text.slice(mention.start, mention.end));
  }
  for (const statement of result.statements as Packed<Statement, 'articleSlug' | 'paragraphId' | 'text'>[]) {
    const at = sentences.get(statement.sentenceId);
    statement.articleSlug = restore(statement.articleSlug, () => article.slug);
    statement.paragraphId = restore(statement.paragraphId, () => at?.paragraph.id);
    statement.text = restore(statement.text, () => at?.sentence.text);
  }
  return result;
}

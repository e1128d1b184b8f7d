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

type Place = { paragraph: Paragraph; sentence: Sentence };

function indexSentences(paragraphs: readonly Paragraph[]): Map<string, Place> {
  const index = new Map<string, Place>();
  for (const paragraph of paragraphs) for (const sentence of paragraph.sentences) index.set(sentence.id, { paragraph, sentence });
  return index;
}

/** A mention or a statement: its article, paragraph and sentence, and text that can be rebuilt from where it is. */
type Located = Pick<Mention, 'articleSlug' | 'paragraphId' | 'sentenceId' | 'text'>;

const mentionText = (mention: Mention, at: Place) => at.paragraph.text.slice(mention.start, mention.end);
const statementText = (_statement: Statement, at: Place) => at.sentence.text;

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
  const located = <T extends Located>(items: readonly T[], textAt: (item: T, at: Place) => string) =>
    items.map((item) => {
      const at = sentences.get(item.sentenceId);
      return {
        ...item,
        articleSlug: keep(item.articleSlug, article.slug),
        paragraphId: keep(item.paragraphId, at?.paragraph.id),
        text: keep(item.text, at && textAt(item, at)),
      };
    });
  const mentions = located(result.mentions, mentionText);
  const statements = located(result.statements, statementText);
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
  const located = <T extends Located>(items: readonly T[], textAt: (item: T, at: Place) => string) => {
    for (const item of items as Packed<T, 'articleSlug' | 'paragraphId' | 'text'>[]) {
      const at = sentences.get(item.sentenceId);
      item.articleSlug = restore(item.articleSlug, () => article.slug);
      item.paragraphId = restore(item.paragraphId, () => at?.paragraph.id);
      item.text = restore(item.text, () => at && textAt(item as T, at));
    }
  };
  located(result.mentions, mentionText);
  located(result.statements, statementText);
  return result;
}

/**
 * An article's entry as the cache writes it. Made where the article is
 * processed (scripts/io/article-pool.ts), so that on a first build the worker
 * packs its own share while this thread packs its own, instead of this thread
 * packing all 5,000 at the end (1.1 s at 5,000 articles, with the other core idle).
 */
export function cacheLine(result: ArticleResult): string {
  return JSON.stringify(packResult(result));
}

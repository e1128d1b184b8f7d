/**
 * Segment stage: `Article.blocks` → `Paragraph[]` with `Sentence[]`.
 *
 * Paragraph text is kept exactly as ingest produced it, so sentence offsets
 * index into it directly (`paragraph.text.slice(start, end) === sentence.text`,
 * UTF-16 code units like every JS string offset). Only ids use normalised text.
 */
import type { Article, Diagnostic, Paragraph, SegmentedArticle, Sentence } from '../model.ts';
import { createIdAllocator, normaliseForId, paragraphBaseId, sentenceBaseId } from './ids.ts';
import { splitSentences } from './sentences.ts';

export function segmentArticle(article: Article): SegmentedArticle {
  const paragraphIds = createIdAllocator();
  const sentenceIds = createIdAllocator();
  const paragraphs: Paragraph[] = [];
  const diagnostics: Diagnostic[] = [];

  for (const block of article.blocks) {
    const text = typeof block.text === 'string' ? block.text : '';
    const normalised = normaliseForId(text);
    if (normalised === '') {
      // An empty block has nothing to cite; keep a trace instead of an empty paragraph.
      diagnostics.push({
        severity: 'info',
        code: 'segment/empty-block',
        file: article.file,
        line: block.line,
        message: `empty ${block.kind} block skipped`,
      });
      continue;
    }

    const paragraphId = paragraphIds(paragraphBaseId(normalised));
    const sentences: Sentence[] = splitSentences(text).map(({ start, end }) => {
      const sentenceText = text.slice(start, end);
      return {
        id: sentenceIds(sentenceBaseId(article.slug, normaliseForId(sentenceText))),
        paragraphId,
        text: sentenceText,
        start,
        end,
      };
    });

    const paragraph: Paragraph = { id: paragraphId, kind: block.kind, text, line: block.line, sentences };
    if (block.tweet !== undefined) paragraph.tweet = block.tweet;
    paragraphs.push(paragraph);
  }

  return {
    ...article,
    diagnostics: diagnostics.length === 0 ? article.diagnostics : [...article.diagnostics, ...diagnostics],
    paragraphs,
  };
}

export { splitSentences, type SentenceSpan } from './sentences.ts';
export { createIdAllocator, normaliseForId, paragraphBaseId, sentenceBaseId } from './ids.ts';

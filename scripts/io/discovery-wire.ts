/**
 * Edge: what a worker thread is sent to discover the names in a corpus this
 * thread has segmented (scripts/io/article-pool.ts). Only what discovery
 * reads (`DiscoveryArticle`), and each sentence as its id and offsets: its
 * text is a slice of its paragraph's (segment/index.ts makes it so), and
 * sending it again would double the strings copied to the worker.
 */
import type { DiscoveryArticle } from '../pipeline/discover/index.ts';

/** `[id, start, end]` of a sentence inside its paragraph's text. */
type WireSentence = [id: string, start: number, end: number];

export interface WireParagraph {
  id: string;
  kind: DiscoveryArticle['paragraphs'][number]['kind'];
  text: string;
  sentences: WireSentence[];
}

export interface WireArticle {
  slug: string;
  paragraphs: WireParagraph[];
}

/** The articles' slugs and paragraphs as they are, with each sentence made anew by `sentence` (given its paragraph's text). */
function withSentences<From, To>(
  articles: readonly { slug: string; paragraphs: readonly (Omit<WireParagraph, 'sentences'> & { sentences: readonly From[] })[] }[],
  sentence: (from: From, paragraphText: string) => To,
) {
  return articles.map((article) => ({
    slug: article.slug,
    paragraphs: article.paragraphs.map(({ id, kind, text, sentences }) => ({ id, kind, text, sentences: sentences.map((from) => sentence(from, text)) })),
  }));
}

export function toDiscoveryWire(articles: readonly DiscoveryArticle[]): WireArticle[] {
  return withSentences(articles, ({ id, start, end }): WireSentence => [id, start, end]);
}

export function fromDiscoveryWire(articles: readonly WireArticle[]): DiscoveryArticle[] {
  return withSentences(articles, ([id, start, end], text) => ({ id, start, end, text: text.slice(start, end) }));
}

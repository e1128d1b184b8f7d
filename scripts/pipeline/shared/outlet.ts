import type { SegmentedArticle } from '../model.ts';

/**
 * The name a citation shows: the outlet, else the author, else the host of the
 * article's URL, else "Unnamed outlet" with the file's name. Never a cut
 * headline (a reader takes it for the outlet), and never one shared
 * placeholder: readers must tell two unnamed sources apart.
 */
export function outletLabel(article: Pick<SegmentedArticle, 'meta' | 'file'>): string {
  const { outlet, author, url } = article.meta;
  if (outlet) return outlet;
  if (author) return author;
  const host = url && /^https?:\/\/([^/]+)/i.exec(url)?.[1]?.replace(/^www\./, '');
  if (host) return `Unnamed outlet (${host})`;
  return `Unnamed outlet (${article.file.split('/').pop() ?? article.file})`;
}

/**
 * The document <title> of a page whose heading is long. Starlight titles every
 * page "<title> | <site title>"; search results and browser tabs cut that near
 * 70 characters (html-validate's long-title rule), so a long article title is
 * shortened in <title> only, at a word boundary, and the page's h1 keeps it whole.
 */

/** Starlight's default title delimiter. */
const delimiter = ' | ';
export const maxTitleLength = 70;

export interface TitleHead {
  tag: 'title';
  content: string;
}

/**
 * A Starlight `head` entry replacing the default <title>, or undefined when the
 * default fits. Its content is plain text: src/components/Head.astro renders
 * every title as a text child (escaped there, for every page; docs/security.md).
 */
export function titleHead(title: string, siteTitle: string, max = maxTitleLength): TitleHead | undefined {
  if (title.length + delimiter.length + siteTitle.length <= max) return undefined;
  const room = Math.max(max - delimiter.length - siteTitle.length - 1, 20);
  const cut = title.slice(0, room);
  const words = cut.slice(0, Math.max(cut.lastIndexOf(' '), room / 2)).replace(/[\s,;:–—.…-]+$/u, '');
  return { tag: 'title', content: `${words}…${delimiter}${siteTitle}` };
}

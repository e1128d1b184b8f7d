/** Ingest's limits, in a module of their own: scripts/io/read-inputs.ts checks them before loading the stages. */

/**
 * Larger inputs are refused rather than rendered. Why: a news article is
 * 5–100 KB; a file of several megabytes is a mis-scrape or a dump, and one
 * source page with 10,000 paragraphs takes Astro minutes to render (measured:
 * 7.5 min for a 2 MB file), holding up the build of every other page.
 */
export const MAX_ARTICLE_BYTES = 512 * 1024;

/**
 * A saved web page is mostly markup, scripts and inline images: a news page
 * of 1–2 MB holds 5–50 KB of article. Its raw size may be this many times the
 * limit; the limit itself applies to the text extracted from it.
 */
export const HTML_MARKUP_FACTOR = 8;

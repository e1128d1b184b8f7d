/**
 * Pages the briefing build prebuilt (source pages): their data is JSON under
 * src/generated/pages/, written by scripts/pipeline/emit/page.ts. Their HTML
 * was serialised from a checked syntax tree (scripts/pipeline/emit/html.ts),
 * so the page places it as is.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PREBUILT_PAGES_DIR } from '../../scripts/pipeline/shared/paths.ts';
import type { SourcePageData } from '../../scripts/pipeline/emit/source-page.ts';

/** Slugs are generated ids: nothing that could leave the folder. */
const SLUG = /^[a-z0-9][a-z0-9-]*$/;

// From the project root: a relative import.meta.url would point into the build output.
const folder = (section: string) => join(process.cwd(), PREBUILT_PAGES_DIR, section);

/** The slugs of the index the briefing build writes (`src/generated/pages/sources.json`), checked. */
export function sourceSlugs(index: unknown): string[] {
  return Array.isArray(index) ? index.filter((slug): slug is string => typeof slug === 'string' && SLUG.test(slug)) : [];
}

export function readSourcePage(slug: string): SourcePageData {
  if (!SLUG.test(slug)) throw new Error(`not a source page slug: ${slug}`);
  return JSON.parse(readFileSync(join(folder('sources'), `${slug}.json`), 'utf8')) as SourcePageData;
}

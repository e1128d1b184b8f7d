/**
 * Pages the briefing build prebuilt (source pages): their data is JSON under
 * src/generated/pages/, written by scripts/pipeline/emit/page.ts. Their HTML
 * was serialised from a checked syntax tree (scripts/pipeline/emit/html.ts),
 * so the page places it as is.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PREBUILT_PAGES_DIR } from '../../scripts/pipeline/assemble/paths.ts';
import type { SourcePageData } from '../../scripts/pipeline/emit/source-page.ts';

/** Slugs are generated ids: nothing that could leave the folder. */
const SLUG = /^[a-z0-9][a-z0-9-]*$/;

// From the project root: a relative import.meta.url would point into the build output.
const folder = (section: string) => join(process.cwd(), PREBUILT_PAGES_DIR, section);

/** The slugs of a section's prebuilt pages (`sources`), sorted. */
export function prebuiltSlugs(section: string): string[] {
  if (!existsSync(folder(section))) return [];
  return readdirSync(folder(section))
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length))
    .filter((slug) => SLUG.test(slug))
    .sort();
}

export function readSourcePage(slug: string): SourcePageData {
  if (!SLUG.test(slug)) throw new Error(`not a source page slug: ${slug}`);
  return JSON.parse(readFileSync(join(folder('sources'), `${slug}.json`), 'utf8')) as SourcePageData;
}

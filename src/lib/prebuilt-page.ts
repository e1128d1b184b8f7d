/**
 * Pages the briefing build prebuilt (source and entity pages): their data is
 * JSON under src/generated/pages/, written by scripts/pipeline/emit/page.ts.
 * Their HTML was serialised from a checked syntax tree
 * (scripts/pipeline/emit/html.ts), so the page places it as is.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { kindFolder, PREBUILT_PAGES_DIR } from '../../scripts/pipeline/shared/paths.ts';
import type { SourcePageData } from '../../scripts/pipeline/emit/source-page.ts';
import type { EntityPageData } from '../../scripts/pipeline/emit/entity-page.ts';

/** Slugs are generated ids: nothing that could leave the folder. */
const SLUG = /^[a-z0-9][a-z0-9-]*$/;
/** The folders entity pages live in (actors, bases, events, places). */
const SECTIONS = new Set(Object.values(kindFolder));

// From the project root: a relative import.meta.url would point into the build output.
const file = (section: string, slug: string) => join(process.cwd(), PREBUILT_PAGES_DIR, section, `${slug}.json`);

/** The slugs of the index the briefing build writes (`src/generated/pages/sources.json`), checked. */
export function sourceSlugs(index: unknown): string[] {
  return Array.isArray(index) ? index.filter((slug): slug is string => typeof slug === 'string' && SLUG.test(slug)) : [];
}

/** The entity pages of the index the briefing build writes (`src/generated/pages/entities.json`: `actors/x`, …), checked. */
export function entityParams(index: unknown): { section: string; slug: string }[] {
  if (!Array.isArray(index)) return [];
  return index.flatMap((page) => {
    if (typeof page !== 'string') return [];
    const [section = '', slug = '', ...rest] = page.split('/');
    return rest.length === 0 && SECTIONS.has(section) && SLUG.test(slug) ? [{ section, slug }] : [];
  });
}

export function readSourcePage(slug: string): SourcePageData {
  if (!SLUG.test(slug)) throw new Error(`not a source page slug: ${slug}`);
  return JSON.parse(readFileSync(file('sources', slug), 'utf8')) as SourcePageData;
}

export function readEntityPage(section: string, slug: string): EntityPageData {
  if (!SECTIONS.has(section) || !SLUG.test(slug)) throw new Error(`not an entity page: ${section}/${slug}`);
  return JSON.parse(readFileSync(file(section, slug), 'utf8')) as EntityPageData;
}

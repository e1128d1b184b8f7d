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

/**
 * One prebuilt page of an index the briefing build writes: its route params and
 * its content hash, Astro's `cacheKey` for it. With incremental builds
 * (astro.config.mjs) a page whose data and code are unchanged is not rendered
 * again: its data is all a page reads that is not code or config.
 */
export interface PrebuiltPath<Params> {
  params: Params;
  cacheKey: string;
}

/** A content hash as write-outputs.ts writes it. */
const HASH = /^[0-9a-f]{8,64}$/;

/** `[page, hash]` pairs, checked: anything else in the file is ignored. */
function indexEntries(index: unknown): [string, string][] {
  if (!Array.isArray(index)) return [];
  return index.filter((entry): entry is [string, string] => Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string' && typeof entry[1] === 'string' && HASH.test(entry[1]));
}

/** The source pages of the index the briefing build writes (`src/generated/pages/sources.json`). */
export function sourcePaths(index: unknown): PrebuiltPath<{ slug: string }>[] {
  return indexEntries(index).flatMap(([slug, cacheKey]) => (SLUG.test(slug) ? [{ params: { slug }, cacheKey }] : []));
}

/** The entity pages of the index the briefing build writes (`src/generated/pages/entities.json`: `actors/x`, …). */
export function entityPaths(index: unknown): PrebuiltPath<{ section: string; slug: string }>[] {
  return indexEntries(index).flatMap(([page, cacheKey]) => {
    const [section = '', slug = '', ...rest] = page.split('/');
    return rest.length === 0 && SECTIONS.has(section) && SLUG.test(slug) ? [{ params: { section, slug }, cacheKey }] : [];
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

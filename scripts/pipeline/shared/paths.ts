import type { EntityKind } from '../model.ts';

/**
 * Site-relative page paths ("/actors/vladimir-putin/"), without the deploy base.
 *
 * Generated MDX links pages with relative hrefs (`relativeHref`), so the same
 * generated pages work at "/" and under any `base` ("/briefing/"); components
 * that receive paths as data prefix `import.meta.env.BASE_URL` themselves.
 */
export const kindFolder: Record<EntityKind, string> = {
  actor: 'actors',
  base: 'bases',
  event: 'events',
  place: 'places',
};

export function entityPath(kind: EntityKind, id: string): string {
  return `/${kindFolder[kind]}/${id}/`;
}

/**
 * The knowledge model as published for readers, gzip-compressed (a seventh of
 * its size; scripts/io/write-outputs.ts writes it into public/).
 */
export const MODEL_PATH = '/data/briefing.json.gz';

/** The published model's file name, as links name it. */
export const MODEL_FILE = 'briefing.json.gz';

/**
 * Pages Astro renders from prebuilt HTML (source pages), as JSON relative to
 * the project root: `<dir><page path>.json`, read by src/lib/prebuilt-page.ts.
 */
export const PREBUILT_PAGES_DIR = 'src/generated/pages/';

export function sourcePath(slug: string): string {
  return `/sources/${slug}/`;
}

export function paragraphPath(slug: string, paragraphId: string): string {
  return `${sourcePath(slug)}#${paragraphId}`;
}

/**
 * The href that leads from the page at `from` to `to` (both site-relative,
 * directory-style with a trailing slash): "/sources/a/" → "/actors/b/#x" gives
 * "../../actors/b/#x".
 */
export function relativeHref(from: string, to: string): string {
  const depth = from.split('/').filter(Boolean).length;
  const target = to.replace(/^\/+/, '');
  return depth === 0 ? `./${target}` : '../'.repeat(depth) + target;
}

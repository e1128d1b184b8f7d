/**
 * One page of every kind the site has, picked from a built folder, for the
 * checks that cannot afford every page (validation, accessibility, budgets,
 * Lighthouse). For each entity kind it takes the largest page: the one that
 * renders the most components and data, so the worst case is the one checked.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type PageKind =
  | 'home'
  | 'actor'
  | 'base'
  | 'event'
  | 'place'
  | 'source'
  | 'actor index'
  | 'base index'
  | 'event index'
  | 'place index'
  | 'source index'
  | '404';

export interface KindPage {
  kind: PageKind;
  /** Path below the deploy base, e.g. "actors/russia/" ("" for the home page). */
  path: string;
  /** The built file, relative to the output folder. */
  file: string;
}

/** The URL folder of each entity kind, in the order the reports list them. */
export const sections = [
  ['actor', 'actors'],
  ['base', 'bases'],
  ['event', 'events'],
  ['place', 'places'],
  ['source', 'sources'],
] as const;

function largestPage(outDir: string, folder: string): string | undefined {
  const root = join(outDir, folder);
  if (!existsSync(root)) return undefined;
  const pages = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, 'index.html')))
    .map((entry) => ({ name: entry.name, size: statSync(join(root, entry.name, 'index.html')).size }))
    // Ties go to the name, so the pick does not depend on the file system's order.
    .sort((a, b) => b.size - a.size || a.name.localeCompare(b.name));
  return pages[0]?.name;
}

/** Every kind present in outDir; a kind with no page (an empty corpus) is left out. */
export function kindPages(outDir: string): KindPage[] {
  const found: KindPage[] = [{ kind: 'home', path: '', file: 'index.html' }];
  for (const [kind, folder] of sections) {
    const name = largestPage(outDir, folder);
    if (name) found.push({ kind, path: `${folder}/${name}/`, file: `${folder}/${name}/index.html` });
  }
  for (const [kind, folder] of sections) {
    if (existsSync(join(outDir, folder, 'index.html'))) {
      found.push({ kind: `${kind} index`, path: `${folder}/`, file: `${folder}/index.html` });
    }
  }
  found.push({ kind: '404', path: '404.html', file: '404.html' });
  return found.filter((page) => existsSync(join(outDir, page.file)));
}

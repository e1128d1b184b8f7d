/** Edge: read the seed articles, their publication dates and the real registry from content/ (or another content folder). */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { SeedArticle } from './corpus.ts';

/** Used when sources.yaml gives no date for a seed; only shifts its dates relative to this day. */
const FALLBACK_PUBLISHED = '2026-01-28';

/** `contentDir` is relative to `root`; the tests pass the seed-story fixture. */
export function readSeeds(root: URL, contentDir = 'content'): { seeds: SeedArticle[]; registryFiles: { file: string; text: string }[] } {
  const sourcesFile = new URL(`${contentDir}/sources.yaml`, root);
  const sources = (existsSync(sourcesFile) ? parseYaml(readFileSync(sourcesFile, 'utf8')) : {}) as Record<string, { published?: unknown }> | null;
  const articlesDir = new URL(`${contentDir}/articles/`, root);
  const seeds = readdirSync(articlesDir)
    .filter((name) => /\.(?:txt|md)$/.test(name))
    .sort()
    .map((name) => {
      const raw = String(sources?.[name]?.published ?? FALLBACK_PUBLISHED);
      // "2025-10" (month only): the middle of the month.
      const published = /^\d{4}-\d{2}$/.test(raw) ? `${raw}-15` : /^\d{4}-\d{2}-\d{2}$/.test(raw) ? raw : FALLBACK_PUBLISHED;
      return { file: `${contentDir}/articles/${name}`, text: readFileSync(new URL(name, articlesDir), 'utf8'), published };
    });
  const entitiesDir = new URL(`${contentDir}/entities/`, root);
  const registryFiles = readdirSync(entitiesDir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => ({ file: `${contentDir}/entities/${name}`, text: readFileSync(new URL(name, entitiesDir), 'utf8') }));
  return { seeds, registryFiles };
}

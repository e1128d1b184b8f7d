/** Edge: read everything the pipeline needs from content/. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { PipelineInputs } from '../pipeline/run.ts';
import type { SiteSettings } from '../pipeline/assemble/home-page.ts';

const articleExtensions = /\.(?:txt|md|markdown|html?)$/i;

function listFiles(root: URL, folder: string, pattern: RegExp): string[] {
  const directory = new URL(`${folder}/`, root);
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && pattern.test(entry.name) && !entry.name.startsWith('.'))
    .map((entry) => `${folder}/${(entry.parentPath.slice(directory.pathname.length) + '/' + entry.name).replace(/^\/+/, '')}`)
    .sort();
}

function readSettings(root: URL, contentDir: string): SiteSettings {
  const file = new URL(`${contentDir}/site.yaml`, root);
  const fallback: SiteSettings = { title: 'Briefing', description: 'A briefing built from news articles.' };
  if (!existsSync(file)) return fallback;
  const parsed = parseYaml(readFileSync(file, 'utf8')) as Partial<SiteSettings> | null;
  return { ...fallback, ...parsed };
}

/** Hash of the pipeline's own code: cached per-article results are only reused by the code that made them. */
function codeVersion(root: URL): string {
  const hash = createHash('sha256');
  for (const file of listFiles(root, 'scripts/pipeline', /\.ts$/)) hash.update(file).update(readFileSync(new URL(file, root)));
  return hash.digest('hex').slice(0, 16);
}

/** `contentDir` is relative to `root`; tests point it at a generated corpus. */
/** `codeRoot`: the project whose scripts/pipeline runs (the root itself, unless the build serves another folder). */
export function readInputs(root: URL, contentDir = 'content', codeRoot: URL = root): PipelineInputs {
  const sourcesFile = `${contentDir}/sources.yaml`;
  return {
    codeVersion: codeVersion(codeRoot),
    settings: readSettings(root, contentDir),
    sources: existsSync(new URL(sourcesFile, root))
      ? { file: sourcesFile, text: readFileSync(new URL(sourcesFile, root), 'utf8') }
      : undefined,
    articles: listFiles(root, `${contentDir}/articles`, articleExtensions).map((file) => ({
      file,
      bytes: readFileSync(new URL(file, root)),
    })),
    registryFiles: listFiles(root, `${contentDir}/entities`, /\.ya?ml$/i).map((file) => ({
      file,
      text: readFileSync(new URL(file, root), 'utf8'),
    })),
  };
}

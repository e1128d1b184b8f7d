/** Edge: read everything the pipeline needs from content/. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { PipelineInputs } from '../pipeline/run.ts';
import type { Diagnostic } from '../pipeline/model.ts';
import { parseSiteSettings, type ParsedSiteSettings } from '../pipeline/ingest/site-settings.ts';

const articleExtensions = /\.(?:txt|md|markdown)$/i;

function listFiles(root: URL, folder: string, pattern: RegExp): string[] {
  const directory = new URL(`${folder}/`, root);
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && pattern.test(entry.name) && !entry.name.startsWith('.'))
    .map((entry) => `${folder}/${(entry.parentPath.slice(directory.pathname.length) + '/' + entry.name).replace(/^\/+/, '')}`)
    .sort();
}

/** site.yaml is optional: without it the title and description come from the articles (assemble/site-identity.ts). */
export function readSettings(root: URL, contentDir: string): ParsedSiteSettings {
  const file = `${contentDir}/site.yaml`;
  if (!existsSync(new URL(file, root))) return { settings: {}, diagnostics: [] };
  return parseSiteSettings(readFileSync(new URL(file, root), 'utf8'), file);
}

/** Hash of the pipeline's own code: cached per-article results are only reused by the code that made them. */
function codeVersion(root: URL): string {
  const hash = createHash('sha256');
  for (const file of listFiles(root, 'scripts/pipeline', /\.ts$/)) hash.update(file).update(readFileSync(new URL(file, root)));
  return hash.digest('hex').slice(0, 16);
}

/** `contentDir` is relative to `root`; tests point it at a generated corpus. */
/** `codeRoot`: the project whose scripts/pipeline runs (the root itself, unless the build serves another folder). */
/** `settingsDiagnostics`: problems in site.yaml, for the build report. */
export function readInputs(root: URL, contentDir = 'content', codeRoot: URL = root): PipelineInputs & { settingsDiagnostics: Diagnostic[] } {
  const sourcesFile = `${contentDir}/sources.yaml`;
  const settings = readSettings(root, contentDir);
  return {
    codeVersion: codeVersion(codeRoot),
    settings: settings.settings,
    settingsDiagnostics: settings.diagnostics,
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

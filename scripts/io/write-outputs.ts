/**
 * Edge: write generated pages into Starlight's docs collection (only files
 * whose content changed, so Astro's caches and the dev server see real
 * changes only), remove pages that are no longer generated, and write the
 * sidebar and the knowledge model as JSON.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KnowledgeModel } from '../pipeline/model.ts';
import type { SiteOutput } from '../pipeline/site.ts';

export interface WriteSummary {
  written: number;
  unchanged: number;
  removed: number;
}

function writeIfChanged(path: string, content: string): boolean {
  if (existsSync(path) && readFileSync(path, 'utf8') === content) return false;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return true;
}

export function writeOutputs(root: URL, model: KnowledgeModel, site: SiteOutput): WriteSummary {
  const docs = fileURLToPath(new URL('src/content/docs/', root));
  const generated = fileURLToPath(new URL('src/generated/', root));
  const manifestPath = `${generated}manifest.json`;
  const previous: string[] = existsSync(manifestPath) ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as string[]) : [];

  const summary: WriteSummary = { written: 0, unchanged: 0, removed: 0 };
  const current = new Set<string>();
  for (const file of site.files) {
    current.add(file.file);
    if (writeIfChanged(docs + file.file, file.source)) summary.written++;
    else summary.unchanged++;
  }
  for (const file of previous) {
    if (!current.has(file) && existsSync(docs + file)) {
      rmSync(docs + file);
      summary.removed++;
    }
  }
  writeIfChanged(manifestPath, `${JSON.stringify([...current].sort(), null, 1)}\n`);
  writeIfChanged(`${generated}sidebar.json`, `${JSON.stringify(site.sidebar, null, 1)}\n`);

  // The knowledge model: for the build folder (inspection) and for readers (published in dist/).
  const modelJson = JSON.stringify(model);
  writeIfChanged(fileURLToPath(new URL('build/model.json', root)), modelJson);
  writeIfChanged(fileURLToPath(new URL('public/data/briefing.json', root)), modelJson);
  return summary;
}

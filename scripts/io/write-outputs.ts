/**
 * Edge: write generated pages (MDX into Starlight's docs collection, prebuilt
 * source pages as JSON under src/generated/pages/), only files whose content
 * changed, so Astro's caches and the dev server see real changes only; remove
 * pages that are no longer generated; and write the sidebar and the knowledge
 * model as JSON.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KnowledgeModel } from '../pipeline/model.ts';
import type { SiteOutput } from '../pipeline/site.ts';
import type { EmittedFile } from '../pipeline/emit/page.ts';
import { MODEL_PATH, PREBUILT_PAGES_DIR } from '../pipeline/assemble/paths.ts';
import { DOCS_DIR } from '../pipeline/emit/page.ts';
import { writeJsonStreaming } from './write-json.ts';

export interface WriteSummary {
  written: number;
  unchanged: number;
  removed: number;
  /** Every file this build owns, relative to the root (for the build stamp). */
  files: string[];
}

/** The slugs of the source pages, as src/pages/sources/[slug].astro imports them. */
const SOURCE_INDEX = `${PREBUILT_PAGES_DIR}sources.json`;

/** Folders known to exist: one mkdir per folder, not per page. */
const folders = new Set<string>();

function writeIfChanged(path: string, content: string): boolean {
  // A different size settles it without reading the file.
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat && stat.size === Buffer.byteLength(content) && readFileSync(path, 'utf8') === content) return false;
  const folder = dirname(path);
  if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
  folders.add(folder);
  writeFileSync(path, content);
  return true;
}

/**
 * The manifest lists every page file the last build wrote, relative to the
 * project root. Builds before prebuilt pages listed them relative to the docs
 * folder: such an entry still names a file to remove (the old Markdown source pages).
 */
function manifestEntry(entry: string): string {
  return entry.startsWith('src/') ? entry : DOCS_DIR + entry;
}

/** What a page writer did: counts, and every page and sidecar file this build owns. */
export interface PagesWritten {
  written: number;
  unchanged: number;
  removed: number;
  pages: Set<string>;
  sidecars: Set<string>;
}

/**
 * Writes pages as buildSite emits them (see its `emit` argument), so no more
 * than one page's text is held at a time (all of them were ~500 MB of the
 * briefing build's memory at 5,000 articles); `finish` removes the pages and
 * sidecars the previous build wrote and this one did not.
 */
export function pageWriter(root: URL): { write(file: EmittedFile): void; finish(): PagesWritten } {
  const at = (file: string) => fileURLToPath(new URL(file, root));
  const generated = at('src/generated/');
  const pageData = `${generated}page-data/`;
  const done: PagesWritten = { written: 0, unchanged: 0, removed: 0, pages: new Set(), sidecars: new Set() };
  return {
    write(file) {
      done.pages.add(file.file);
      if (writeIfChanged(at(file.file), file.source)) done.written++;
      else done.unchanged++;
      // Large data props of the page (scripts/pipeline/emit/page-data.ts).
      if (file.data) {
        done.sidecars.add(file.data.file);
        writeIfChanged(pageData + file.data.file, JSON.stringify(file.data.values));
      }
    },
    finish() {
      const manifestPath = `${generated}manifest.json`;
      const previous: string[] = existsSync(manifestPath) ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as string[]).map(manifestEntry) : [];
      for (const file of previous) {
        if (!done.pages.has(file) && existsSync(at(file))) {
          rmSync(at(file));
          done.removed++;
        }
      }
      // No sidecar of a page that is gone.
      if (existsSync(pageData)) {
        for (const entry of readdirSync(pageData, { recursive: true, withFileTypes: true })) {
          const relative = `${entry.parentPath.slice(pageData.length)}/${entry.name}`.replace(/^\/+/, '');
          if (entry.isFile() && !done.sidecars.has(relative)) rmSync(pageData + relative);
        }
      }
      writeIfChanged(manifestPath, `${JSON.stringify([...done.pages].sort(), null, 1)}\n`);
      // The index src/pages/sources/[slug].astro makes its pages from.
      const sources = `${PREBUILT_PAGES_DIR}sources/`;
      const slugs = [...done.pages].filter((file) => file.startsWith(sources)).map((file) => file.slice(sources.length, -'.json'.length));
      writeIfChanged(at(SOURCE_INDEX), `${JSON.stringify(slugs.sort(), null, 1)}\n`);
      done.pages.add(SOURCE_INDEX);
      return done;
    },
  };
}

/** After the pages (`pageWriter`): the sidebar, feed, previews and the knowledge model. */
export function writeOutputs(root: URL, model: KnowledgeModel, site: SiteOutput, pages: PagesWritten): WriteSummary {
  const generated = fileURLToPath(new URL('src/generated/', root));
  const summary: WriteSummary = { written: pages.written, unchanged: pages.unchanged, removed: pages.removed, files: [] };
  writeIfChanged(`${generated}sidebar.json`, `${JSON.stringify(site.sidebar, null, 1)}\n`);
  // astro.config.mjs reads the site's identity from here (content/site.yaml is optional).
  const { title, tagline, description } = site.settings;
  writeIfChanged(`${generated}site.json`, `${JSON.stringify({ title, ...(tagline !== undefined && { tagline }), description }, null, 1)}\n`);
  writeIfChanged(`${generated}feed.json`, `${JSON.stringify(site.feed, null, 1)}\n`);

  // The knowledge model: for the build folder (inspection) and for readers (published in dist/).
  // Streamed, then copied: never one string of the whole model (see write-json.ts).
  const modelPath = fileURLToPath(new URL('build/model.json', root));
  writeJsonStreaming(modelPath, model as unknown as Record<string, unknown>);
  const publishedPath = fileURLToPath(new URL(`public${MODEL_PATH}`, root));
  mkdirSync(dirname(publishedPath), { recursive: true });
  copyFileSync(modelPath, publishedPath);
  writeIfChanged(fileURLToPath(new URL('public/data/previews.json', root)), JSON.stringify(site.previews));
  summary.files = [
    ...[...pages.pages].sort(),
    ...['manifest.json', 'sidebar.json', 'feed.json', 'site.json'].map((name) => `src/generated/${name}`),
    ...[...pages.sidecars].sort().map((file) => `src/generated/page-data/${file}`),
    'build/model.json',
    `public${MODEL_PATH}`,
    'public/data/previews.json',
  ];
  return summary;
}

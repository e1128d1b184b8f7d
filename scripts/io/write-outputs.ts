/**
 * Edge: write generated pages (MDX into Starlight's docs collection, prebuilt
 * source pages as JSON under src/generated/pages/), only files whose content
 * changed, so Astro's caches and the dev server see real changes only; and
 * write the sidebar and the knowledge model as JSON.
 *
 * The build owns its output folders outright (`OWNED_FOLDERS`): at the end it
 * removes every file in them that this build did not write. Nothing stale
 * survives, whatever the last build did: one killed halfway, one of another
 * corpus (CONTENT_DIR), an older version's layout. A manifest of the previous
 * build could not promise that: it is written last, so an interrupted build
 * left pages no manifest listed.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KnowledgeModel } from '../pipeline/model.ts';
import type { SiteOutput } from '../pipeline/site.ts';
import type { EmittedBytes, EmittedFile } from '../pipeline/emit/page.ts';
import { MODEL_PATH, PREBUILT_PAGES_DIR } from '../pipeline/shared/paths.ts';
import { DOCS_DIR } from '../pipeline/emit/page.ts';
import { writePublishedJson } from './write-json.ts';
import { gzipFile } from './gzip-file.ts';
import { writeFileIfChanged, writePageFile, type FileContent, type PageFileResult, type WrittenFile } from './page-file.ts';
import { startPageThread, type PageThread } from './page-thread.ts';
import { checkpoint } from './interrupt.ts';

export interface WriteSummary {
  written: number;
  unchanged: number;
  removed: number;
  /** Every file this build owns, relative to the root (for the build stamp). */
  files: string[];
  /** Settles when the published model is compressed in place: await it before the stamp. */
  published: Promise<void>;
}

/** The source pages' slugs and content hashes, as src/pages/sources/[slug].astro imports them. */
const SOURCE_INDEX = `${PREBUILT_PAGES_DIR}sources.json`;
/** The entity pages' `<section>/<slug>` and content hashes, as src/pages/[section]/[slug].astro imports them. */
const ENTITY_INDEX = `${PREBUILT_PAGES_DIR}entities.json`;

/** Folders known to exist: one mkdir per folder, not per page. */
const folders = new Set<string>();

/** Folders (relative to the root) whose every file is an output of the briefing build; all gitignored. */
export const OWNED_FOLDERS = [DOCS_DIR, 'src/generated/', 'public/data/'] as const;

/** Absolute paths this build wrote (or found already as it would write them): the sweep keeps these. */
const writtenThisBuild = new Set<string>();

/**
 * Remove every file under `folder` that this build did not write, and the
 * folders left empty. Returns how many files went.
 */
function sweep(folder: string): number {
  if (!existsSync(folder)) return 0;
  let removed = 0;
  const visit = (directory: string): boolean => {
    let empty = true;
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) {
        if (visit(path)) {
          rmdirSync(path);
          // Made again if a later page writer in this process writes there (tests build several times in one).
          folders.delete(path);
        } else empty = false;
      } else if (writtenThisBuild.has(path)) {
        empty = false;
      } else {
        // Symlinks and anything else placed here by hand go too: the folder is the build's.
        rmSync(path, { force: true });
        removed++;
      }
    }
    return empty;
  };
  visit(folder);
  return removed;
}

/** Writes `content` unless the file holds it already (true when it wrote); the sweep keeps the file. */
function writeIfChanged(path: string, content: FileContent): boolean {
  writtenThisBuild.add(path);
  return writeFileIfChanged(path, content, folders);
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
 * What the last page writer left in each prebuilt page's file: its content
 * hash, size and modification time. A page whose hash is the same, in a file
 * of that size and time, is not read again to compare (an add-one build at
 * 5,000 articles read 356 MB of unchanged pages: 2.8 s). A file changed since,
 * by hand or by anything else, has another time, and is compared and written.
 */
const WRITTEN_RECORD = '.cache/pages-written.json';

/** The record of the last build that finished, removed as it is read: a build killed before its own `finish` leaves none, and the next one compares every page. */
function takeWrittenRecord(path: string): Map<string, WrittenFile> {
  const record = new Map<string, WrittenFile>();
  try {
    const rows: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (Array.isArray(rows)) {
      for (const row of rows) {
        if (!Array.isArray(row) || row.length !== 4) continue;
        const [file, hash, size, mtimeMs] = row as unknown[];
        if (typeof file === 'string' && typeof hash === 'string' && typeof size === 'number' && typeof mtimeMs === 'number') record.set(file, { hash, size, mtimeMs });
      }
    }
  } catch {
    // None yet, or unreadable: every page is compared.
  }
  rmSync(path, { force: true });
  return record;
}

/** Prebuilt pages written in this thread before the rest go to a thread of their own (page-thread.ts): a small site never starts one. */
export const PAGES_BEFORE_THREAD = 200;

export interface PageWriterOptions {
  /** How many prebuilt pages this thread writes itself before it starts the writing thread (Infinity: never). */
  threadAfter?: number;
  /** The writing thread's back pressure, KiB (page-thread.ts). */
  maxPendingKiB?: number;
}

/**
 * Writes pages as buildSite emits them (see its `emit` argument), so no more
 * than one page's text is held at a time (all of them were ~500 MB of the
 * briefing build's memory at 5,000 articles); `finish` removes every page and
 * sidecar this build did not write (see `sweep`). Past `threadAfter`
 * prebuilt pages, their hashing and writing go to a thread of their own
 * (page-thread.ts); `finish` waits for it, and fails, naming the pages, if
 * any could not be written.
 */
export function pageWriter(root: URL, options: PageWriterOptions = {}): { write(file: EmittedFile | EmittedBytes): void; finish(): Promise<PagesWritten> } {
  const { threadAfter = PAGES_BEFORE_THREAD, maxPendingKiB } = options;
  const at = (file: string) => fileURLToPath(new URL(file, root));
  const generated = at('src/generated/');
  const pageData = `${generated}page-data/`;
  const done: PagesWritten = { written: 0, unchanged: 0, removed: 0, pages: new Set(), sidecars: new Set() };
  /** Each prebuilt page's content hash: Astro's cache key for the page (see src/lib/prebuilt-page.ts). */
  const keys = new Map<string, string>();
  const recordPath = at(WRITTEN_RECORD);
  const lastWritten = takeWrittenRecord(recordPath);
  const written = new Map<string, WrittenFile>();
  let prebuilt = 0;
  let thread: PageThread | undefined;
  writtenThisBuild.clear();
  const count = (changed: boolean) => {
    if (changed) done.written++;
    else done.unchanged++;
  };
  const recordPage = (file: string, { changed, ...result }: PageFileResult) => {
    keys.set(file.slice(PREBUILT_PAGES_DIR.length, -'.json'.length), result.hash);
    written.set(file, result);
    count(changed);
  };
  return {
    write(file) {
      done.pages.add(file.file);
      const path = at(file.file);
      const content = 'bytes' in file ? file.bytes : file.source;
      if (file.file.startsWith(PREBUILT_PAGES_DIR)) {
        writtenThisBuild.add(path);
        if (!thread && ++prebuilt > threadAfter) thread = startPageThread(maxPendingKiB);
        if (thread) thread.write(file.file, path, content, lastWritten.get(file.file));
        else recordPage(file.file, writePageFile(path, content, lastWritten.get(file.file), folders));
      } else count(writeIfChanged(path, content));
      checkpoint('page');
      // Large data props of the page (scripts/pipeline/emit/page-data.ts).
      if ('data' in file && file.data) {
        done.sidecars.add(file.data.file);
        writeIfChanged(pageData + file.data.file, JSON.stringify(file.data.values));
      }
    },
    async finish() {
      if (thread) {
        const report = await thread.finish();
        for (const [file, result] of report.results) recordPage(file, result);
        if (report.errors.length > 0) {
          throw new Error(`could not write ${report.errors.length} page file${report.errors.length === 1 ? '' : 's'}:\n${report.errors.slice(0, 10).join('\n')}`);
        }
      }
      const manifestPath = `${generated}manifest.json`;
      writeIfChanged(manifestPath, `${JSON.stringify([...done.pages].sort(), null, 1)}\n`);
      // The indexes the prebuilt pages' routes make their pages from: [page, content hash] pairs.
      const prebuiltPages = [...keys].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const sources = prebuiltPages.filter(([page]) => page.startsWith('sources/')).map(([page, key]) => [page.slice('sources/'.length), key]);
      const entities = prebuiltPages.filter(([page]) => !page.startsWith('sources/'));
      writeIfChanged(at(SOURCE_INDEX), `${JSON.stringify(sources)}\n`);
      writeIfChanged(at(ENTITY_INDEX), `${JSON.stringify(entities)}\n`);
      done.pages.add(SOURCE_INDEX).add(ENTITY_INDEX);
      // Pages and their sidecars are all written by now: what else is there is stale.
      done.removed = sweep(at(DOCS_DIR)) + sweep(at(PREBUILT_PAGES_DIR)) + sweep(pageData);
      mkdirSync(dirname(recordPath), { recursive: true });
      const temporary = `${recordPath}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify([...written].map(([file, { hash, size, mtimeMs }]) => [file, hash, size, mtimeMs])));
      renameSync(temporary, recordPath);
      return done;
    },
  };
}

/** The knowledge model on its way out (`writeModel`). */
export interface ModelWritten {
  /** Settles when the published model is compressed in place. */
  published: Promise<void>;
}

/**
 * The knowledge model: for the build folder (inspection) and, compressed, for readers (published in
 * dist/). Streamed, then compressed off the main thread: never one string of the whole model (see
 * write-json.ts). The build calls it as soon as the pipeline is done, after `pageWriter` (which starts
 * the build's record of what it wrote), so the compression runs while the pages are assembled rather
 * than at the end, where the build waited about 3 s for it at 5,000 articles.
 */
export function writeModel(root: URL, model: KnowledgeModel): ModelWritten {
  const modelPath = fileURLToPath(new URL('build/model.json', root));
  writePublishedJson(modelPath, model as unknown as Record<string, unknown>);
  checkpoint('model');
  const publishedPath = fileURLToPath(new URL(`public${MODEL_PATH}`, root));
  writtenThisBuild.add(publishedPath);
  // Until the new one is in place there is none: a build killed meanwhile leaves no model of another input.
  rmSync(publishedPath, { force: true });
  const published = gzipFile(modelPath, publishedPath, fileURLToPath(new URL('build/model.json.gz.partial', root)));
  // Awaited before the stamp; a build that fails meanwhile reports its own error, not this promise as unhandled.
  published.catch(() => undefined);
  return { published };
}

/** After the pages (`pageWriter`) and the model (`writeModel`): the sidebar, feed and previews, and the sweep. */
export function writeOutputs(root: URL, model: ModelWritten, site: SiteOutput, pages: PagesWritten): WriteSummary {
  const generated = fileURLToPath(new URL('src/generated/', root));
  const summary: Omit<WriteSummary, 'published'> = { written: pages.written, unchanged: pages.unchanged, removed: pages.removed, files: [] };
  writeIfChanged(`${generated}sidebar.json`, `${JSON.stringify(site.sidebar, null, 1)}\n`);
  // astro.config.mjs reads the site's identity from here (content/site.yaml is optional).
  const { title, tagline, description } = site.settings;
  writeIfChanged(`${generated}site.json`, `${JSON.stringify({ title, ...(tagline !== undefined && { tagline }), description }, null, 1)}\n`);
  writeIfChanged(`${generated}feed.json`, `${JSON.stringify(site.feed, null, 1)}\n`);
  writeIfChanged(fileURLToPath(new URL('public/data/previews.json', root)), JSON.stringify(site.previews));
  // Everything is written: the rest of the owned folders is stale (files of other generations, other corpora).
  for (const folder of OWNED_FOLDERS) summary.removed += sweep(fileURLToPath(new URL(folder, root)));
  summary.files = [
    ...[...pages.pages].sort(),
    ...['manifest.json', 'sidebar.json', 'feed.json', 'site.json'].map((name) => `src/generated/${name}`),
    ...[...pages.sidecars].sort().map((file) => `src/generated/page-data/${file}`),
    'build/model.json',
    `public${MODEL_PATH}`,
    'public/data/previews.json',
  ];
  return { ...summary, published: model.published };
}

/**
 * Edge: read everything the pipeline needs from content/.
 *
 * Files are read by path (node:path), never through URL parsing: a file or
 * folder name with `#`, `?`, `%`, a space or a non-ASCII letter is an ordinary
 * name here. Every file that is not read (wrong extension, hidden, a symlink
 * out of the project, unreadable, not a regular file, a name that cannot be
 * printed) is named in a diagnostic: nothing under content/ is dropped silently.
 *
 * Boundaries (documented in README.md, "Add an article"):
 * - Symlinks are followed only when their target lies inside the project
 *   folder; one that leads outside is refused with an error, so a link cannot
 *   publish a file from elsewhere on the machine.
 * - Folders under content/articles/ are read recursively; an article is then
 *   known by its path below articles/ (`sub/000_x.txt`), which is also its
 *   sources.yaml key.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HTML_MARKUP_FACTOR, MAX_ARTICLE_BYTES } from '../pipeline/ingest/limits.ts';
import type { Diagnostic } from '../pipeline/model.ts';
import { parseSiteSettings, type ParsedSiteSettings } from '../pipeline/ingest/site-settings.ts';
import type { PipelineInputs } from '../pipeline/run.ts';

const articleExtensions = /\.(?:txt|md|markdown|html?)$/i;
const registryExtensions = /\.ya?ml$/i;

/** C0, DEL and C1 controls: a name holding one (a newline, say) cannot be shown on one report line. */
// eslint-disable-next-line no-control-regex
const CONTROL_IN_NAME = /[\u0000-\u001f\u007f-\u009f]/;

/** A name as it can be printed: control characters as \uXXXX escapes. */
export function printableName(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\u0000-\u001f\u007f-\u009f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export interface ListedFile {
  /** Relative to the project root, with `/` separators: the label in every message. */
  file: string;
  /** Relative to the folder listed (`sub/000_x.txt`). */
  name: string;
  /** Absolute path to read. */
  path: string;
}

interface Listing {
  files: ListedFile[];
  diagnostics: Diagnostic[];
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

/** Is `path` (already resolved) inside `folder`? */
function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep));
}

/**
 * Every file under `folder` (relative to `root`) whose name matches `pattern`,
 * sorted, plus a diagnostic for every entry that is skipped.
 */
export function listFiles(root: string, folder: string, pattern: RegExp, what: string): Listing {
  const diagnostics: Diagnostic[] = [];
  const files: ListedFile[] = [];
  const start = join(root, folder);
  if (!existsSync(start)) return { files, diagnostics };
  const projectReal = realpathSync(root);
  if (!isInside(projectReal, realpathSync(start))) {
    diagnostics.push({ severity: 'error', code: 'input/symlink-outside', file: folder, message: `${folder} leads outside the project folder (to ${realpathSync(start)}); nothing in it was read.` });
    return { files, diagnostics };
  }
  const visited = new Set<string>();
  const skip = (file: string, severity: Diagnostic['severity'], code: string, why: string) =>
    diagnostics.push({ severity, code, file, message: `${file} ${why}; it was skipped.` });

  const walk = (directory: string, label: string, name: string): void => {
    const real = realpathSync(directory);
    // A symlink loop (a link to a parent folder) would otherwise recurse forever.
    if (visited.has(real)) return;
    visited.add(real);
    // Names as bytes: a name that is not UTF-8 would come back with U+FFFD and could not be opened again.
    const entries = readdirSync(directory, { encoding: 'buffer' }).sort(Buffer.compare);
    for (const raw of entries) {
      let entryName: string;
      try {
        entryName = utf8Strict.decode(raw);
      } catch {
        const shown = printableName(new TextDecoder().decode(raw));
        skip(`${label}/${shown}`, 'error', 'input/file-name', `has a name that is not valid UTF-8 (rename it)`);
        continue;
      }
      const path = join(directory, entryName);
      const entryLabel = `${label}/${entryName}`;
      const entryRelative = name ? `${name}/${entryName}` : entryName;
      const shownLabel = printableName(entryLabel);
      if (CONTROL_IN_NAME.test(entryName)) {
        skip(shownLabel, 'error', 'input/file-name', 'has a control character (such as a line break) in its name (rename it)');
        continue;
      }
      let stats: Stats;
      try {
        stats = lstatSync(path);
        if (stats.isSymbolicLink()) {
          const target = realpathSync(path);
          if (!isInside(projectReal, target)) {
            skip(shownLabel, 'error', 'input/symlink-outside', `is a symbolic link to ${target}, outside the project folder`);
            continue;
          }
          stats = statSync(path);
        }
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? 'error';
        skip(shownLabel, 'error', 'input/unreadable', `cannot be read (${code}${code === 'ENOENT' ? ': a broken symbolic link?' : ''})`);
        continue;
      }
      if (entryName.startsWith('.')) {
        skip(shownLabel, 'warning', 'input/hidden', 'is hidden (its name starts with a dot)');
        continue;
      }
      if (stats.isDirectory()) {
        walk(path, entryLabel, entryRelative);
        continue;
      }
      if (!stats.isFile()) {
        skip(shownLabel, 'warning', 'input/not-a-file', 'is not a regular file (a pipe, socket or device)');
        continue;
      }
      if (!pattern.test(entryName)) {
        skip(shownLabel, 'warning', 'input/extension', `is not ${what}`);
        continue;
      }
      files.push({ file: entryLabel, name: entryRelative, path });
    }
  };
  walk(start, folder, '');
  files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { files, diagnostics };
}

/** Read a listed file, or name it in a diagnostic when it cannot be read. */
function readListed(file: ListedFile, diagnostics: Diagnostic[], maxBytes = Infinity): Buffer | undefined {
  try {
    // Refused before reading: a multi-gigabyte file must not be loaded only to be refused by ingest.
    const size = statSync(file.path).size;
    if (size > maxBytes) {
      const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
      diagnostics.push({
        severity: 'error',
        code: 'article/too-large',
        file: file.file,
        line: 1,
        message: `${file.file} is ${kib(size)}, over the ${kib(maxBytes)} limit for one article; it was skipped. Split it into separate articles if it really is several.`,
      });
      return undefined;
    }
    return readFileSync(file.path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    diagnostics.push({ severity: 'error', code: 'input/unreadable', file: file.file, message: `${file.file} cannot be read (${code}); it was skipped.` });
    return undefined;
  }
}

/**
 * content/site.yaml, optional: without it the title and description come from
 * the articles (assemble/site-identity.ts). Each bad field is reported with its
 * line and the rest still applies (ingest/site-settings.ts).
 */
function readSettings(root: string, contentDir: string, diagnostics: Diagnostic[]): ParsedSiteSettings['settings'] {
  const file = `${contentDir}/site.yaml`;
  const text = readSingleFile(root, file, diagnostics);
  if (text === undefined) return {};
  const parsed = parseSiteSettings(text, file);
  diagnostics.push(...parsed.diagnostics);
  return parsed.settings;
}

/** A single input file (sources.yaml, site.yaml), if present, read inside the project only. */
function readSingleFile(root: string, file: string, diagnostics: Diagnostic[]): string | undefined {
  const path = join(root, file);
  if (!existsSync(path)) return undefined;
  const target = realpathSync(path);
  if (!isInside(realpathSync(root), target)) {
    diagnostics.push({ severity: 'error', code: 'input/symlink-outside', file, message: `${file} is a symbolic link to ${target}, outside the project folder; it was skipped.` });
    return undefined;
  }
  return readFileSync(path, 'utf8');
}

/** Hash of the pipeline's own code: cached per-article results are only reused by the code that made them. */
function codeVersion(root: string): string {
  const hash = createHash('sha256');
  for (const file of listFiles(root, 'scripts/pipeline', /\.ts$/, 'TypeScript').files) hash.update(file.file).update(readFileSync(file.path));
  return hash.digest('hex').slice(0, 16);
}

const asPath = (location: URL | string) => (typeof location === 'string' ? location : fileURLToPath(location));

/** `contentDir` is relative to `root`; tests point it at a generated corpus. */
/** `codeRoot`: the project whose scripts/pipeline runs (the root itself, unless the build serves another folder). */
export function readInputs(rootLocation: URL | string, contentDir = 'content', codeRootLocation: URL | string = rootLocation): PipelineInputs {
  const root = asPath(rootLocation);
  const diagnostics: Diagnostic[] = [];
  const sourcesFile = `${contentDir}/sources.yaml`;
  const sourcesText = readSingleFile(root, sourcesFile, diagnostics);
  const settings = readSettings(root, contentDir, diagnostics);
  const articleListing = listFiles(root, `${contentDir}/articles`, articleExtensions, 'an article (.txt, .md, .markdown, .html or .htm)');
  const registryListing = listFiles(root, `${contentDir}/entities`, registryExtensions, 'a registry file (.yaml or .yml)');
  diagnostics.push(...articleListing.diagnostics, ...registryListing.diagnostics);
  const articles: PipelineInputs['articles'] = [];
  for (const listed of articleListing.files) {
    const bytes = readListed(listed, diagnostics, /\.html?$/i.test(listed.name) ? MAX_ARTICLE_BYTES * HTML_MARKUP_FACTOR : MAX_ARTICLE_BYTES);
    if (bytes) articles.push({ file: listed.file, name: listed.name, bytes });
  }
  const registryFiles: PipelineInputs['registryFiles'] = [];
  for (const listed of registryListing.files) {
    const bytes = readListed(listed, diagnostics);
    if (bytes) registryFiles.push({ file: listed.file, text: bytes.toString('utf8') });
  }
  return {
    codeVersion: codeVersion(asPath(codeRootLocation)),
    settings,
    sources: sourcesText === undefined ? undefined : { file: sourcesFile, text: sourcesText },
    articles,
    registryFiles,
    diagnostics,
  };
}

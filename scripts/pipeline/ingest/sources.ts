/**
 * `content/sources.yaml`: editor-supplied metadata per article file.
 *
 * Every problem is reported with file, entry, field and line, and only the
 * offending entry is dropped: the article then builds with inferred metadata.
 * A broken metadata file must never stop the build.
 */
import { z } from 'astro/zod';
import { LineCounter, isMap, isScalar, parseDocument, type Document } from 'yaml';
import type { Diagnostic } from '../model.ts';
import { parseIsoDate } from './date-value.ts';

const oneLine = (what: string) =>
  z.string().trim().min(1, `${what} must not be empty`).refine((s) => !s.includes('\n'), `${what} must be a single line`);

/** One entry of sources.yaml. All fields optional: give only what you know. */
export const sourceEntrySchema = z.strictObject({
  title: oneLine('title').optional(),
  outlet: oneLine('outlet').optional(),
  author: oneLine('author').optional(),
  published: z
    .string()
    .refine(
      (s) => /^\d{4}-\d{2}(?:-\d{2})?$/.test(s) && parseIsoDate(s) !== undefined,
      'published must be a real date written YYYY-MM-DD (or YYYY-MM when only the month is known)',
    )
    .optional(),
  url: z.url({ protocol: /^https?$/, error: 'url must be an http(s) address' }).optional(),
  stance: oneLine('stance').optional(),
  note: z.string().optional(),
});

export type SourceEntry = z.infer<typeof sourceEntrySchema>;

export interface ParsedSources {
  /** Valid entries by article path below the articles folder (`002_e060aad4f616cf48.txt`, `sub/003_x.md`). */
  entries: Record<string, SourceEntry>;
  diagnostics: Diagnostic[];
}

/**
 * Entry keys are article paths below content/articles/ with `/` separators:
 * a bare file name for a top-level article, `sub/003_x.md` for one in a
 * folder (so a nested file never takes its top-level namesake's entry).
 */
export function isArticleKey(key: string): boolean {
  const segments = key.split('/');
  return (
    /\.[A-Za-z0-9]+$/.test(key) &&
    segments.every((segment) => segment !== '' && segment !== '.' && segment !== '..' && !segment.includes('\\'))
  );
}

/** Keep YAML's alias expansion bounded per entry: a few anchors are normal, thousands are a "billion laughs" bomb. */
const MAX_ALIAS_COUNT = 100;

export function parseSources(yamlText: string, file: string): ParsedSources {
  const diagnostics: Diagnostic[] = [];
  const entries: Record<string, SourceEntry> = Object.create(null) as Record<string, SourceEntry>;
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number | undefined) => (offset === undefined ? 1 : lineCounter.linePos(offset).line);

  for (const error of doc.errors) {
    const line = lineAt(error.pos[0]);
    diagnostics.push({
      severity: 'error',
      code: 'sources/yaml',
      file,
      line,
      message: `${file}:${line} is not valid YAML: ${error.message.split('\n', 1)[0]}`,
    });
  }
  if (doc.contents === null) return { entries: { ...entries }, diagnostics };
  if (!isMap(doc.contents)) {
    const line = lineAt(doc.contents.range?.[0]);
    diagnostics.push({
      severity: 'error',
      code: 'sources/not-a-mapping',
      file,
      line,
      message: `${file}:${line} must map article file names to their metadata (002_abc.txt: { outlet: … }).`,
    });
    return { entries: { ...entries }, diagnostics };
  }

  for (const pair of doc.contents.items) {
    const keyNode = isScalar(pair.key) ? pair.key : undefined;
    const entryName = keyNode ? String(keyNode.value) : '';
    const entryLine = lineAt(keyNode?.range?.[0]);
    if (!isArticleKey(entryName)) {
      diagnostics.push({
        severity: 'error',
        code: 'sources/entry',
        file,
        line: entryLine,
        message: `${file}:${entryLine} entry "${entryName}" is not an article file name (like 002_abc.txt, or sub/002_abc.txt for a file in a folder); ignored.`,
      });
      continue;
    }
    // Entry by entry: an alias bomb or an unresolvable alias in one entry costs that entry only.
    const entryValue = toPlainValue(pair.value, doc);
    if (!entryValue.ok) {
      diagnostics.push({
        severity: 'error',
        code: 'sources/entry',
        file,
        line: entryLine,
        message: `${file}:${entryLine} entry "${entryName}" could not be read as data (${entryValue.error}); ignored, the article uses inferred metadata.`,
      });
      continue;
    }
    const raw = entryValue.value;
    if (raw === null || raw === undefined) continue; // an empty entry just declares the file
    if (typeof raw !== 'object' || Array.isArray(raw)) {
      diagnostics.push({
        severity: 'error',
        code: 'sources/entry',
        file,
        line: entryLine,
        message: `${file}:${entryLine} entry "${entryName}" must be a mapping of fields (outlet, published, …); ignored.`,
      });
      continue;
    }
    // `field: ~` or `field:` means "not known", the same as leaving the field out.
    const fields = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== null && value !== undefined));
    const result = sourceEntrySchema.safeParse(fields);
    if (result.success) {
      entries[entryName] = result.data;
      continue;
    }
    for (const issue of result.error.issues) {
      const fieldNames =
        issue.code === 'unrecognized_keys' ? issue.keys : [issue.path.length > 0 ? String(issue.path[0]) : ''];
      for (const field of fieldNames) {
        const line = field ? fieldLine(doc, entryName, field, lineAt) ?? entryLine : entryLine;
        const problem = issue.code === 'unrecognized_keys' ? 'is not a known field (title, outlet, author, published, url, stance, note)' : issue.message;
        diagnostics.push({
          severity: 'error',
          code: 'sources/field',
          file,
          line,
          message: `${file}:${line} entry "${entryName}", field "${field}": ${problem}. The entry was ignored; the article uses inferred metadata.`,
        });
      }
    }
  }
  return { entries: { ...entries }, diagnostics };
}

/** Line of a field's value (or of its key when the value has no position). */
function fieldLine(
  doc: Document,
  entryName: string,
  field: string,
  lineAt: (offset: number | undefined) => number,
): number | undefined {
  const entry = doc.get(entryName, true);
  if (!isMap(entry)) return undefined;
  for (const pair of entry.items) {
    if (isScalar(pair.key) && String(pair.key.value) === field) {
      const valueRange = (pair.value as { range?: [number, number, number] } | null)?.range;
      return lineAt(valueRange?.[0] ?? pair.key.range?.[0]);
    }
  }
  return undefined;
}

/** One entry as plain JS; `toJS` resolves aliases, and throws past the alias budget (alias bombs) or on a dangling alias. */
function toPlainValue(node: unknown, doc: Document): { ok: true; value: unknown } | { ok: false; error: string } {
  if (node === null || node === undefined) return { ok: true, value: null };
  try {
    return { ok: true, value: (node as { toJS(doc: Document, options: { maxAliasCount: number }): unknown }).toJS(doc, { maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: /alias/i.test(message) ? 'too many aliases' : message.split('\n', 1)[0]! };
  }
}

/** The whole document as a plain object (site.yaml); undefined when hostile YAML (an alias bomb) makes it unreadable. */
export function toPlainObject(doc: Document): Record<string, unknown> | undefined {
  const plain = toPlainValue(doc.contents, doc);
  if (!plain.ok) return undefined;
  const value = plain.value;
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

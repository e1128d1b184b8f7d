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
  /** Valid entries by article file name (e.g. `002_e060aad4f616cf48.txt`). */
  entries: Record<string, SourceEntry>;
  diagnostics: Diagnostic[];
}

/** Entry keys are bare file names; a path would silently never match an article. */
const FILE_NAME = /^[^/\\]+\.[A-Za-z0-9]+$/;

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

  const plain = toPlainObject(doc);
  if (plain === undefined) {
    diagnostics.push({
      severity: 'error',
      code: 'sources/yaml',
      file,
      line: 1,
      message: `${file} could not be read as data (too many aliases?); all entries were ignored.`,
    });
    return { entries: {}, diagnostics };
  }
  for (const pair of doc.contents.items) {
    const keyNode = isScalar(pair.key) ? pair.key : undefined;
    const entryName = keyNode ? String(keyNode.value) : '';
    const entryLine = lineAt(keyNode?.range?.[0]);
    if (!FILE_NAME.test(entryName)) {
      diagnostics.push({
        severity: 'error',
        code: 'sources/entry',
        file,
        line: entryLine,
        message: `${file}:${entryLine} entry "${entryName}" is not an article file name (like 002_abc.txt); ignored.`,
      });
      continue;
    }
    const raw = plain[entryName];
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

/** The document as plain JS; `toJS` resolves aliases. Guarded because hostile YAML (alias bombs) can make it throw. */
export function toPlainObject(doc: Document): Record<string, unknown> | undefined {
  try {
    const value: unknown = doc.toJS({ maxAliasCount: 100 });
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return undefined;
  }
}

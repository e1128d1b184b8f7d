/**
 * Read one registry YAML file into raw entries that remember where each of
 * their fields sits, so later checks can point an editor at the exact line.
 */
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import type { Diagnostic } from '../model.ts';

/** One item of the top-level sequence, not yet validated. */
export interface RawEntry {
  file: string;
  /** 0-based position in the file's sequence. */
  index: number;
  /** Plain JS value of the item (whatever the editor wrote). */
  value: unknown;
  /** 1-based line where the item starts. */
  line: number;
  /** 1-based line of the node at `path` (e.g. `['coordinates', 1]`), or of the closest existing ancestor. */
  lineOf(path: readonly PropertyKey[]): number;
}

export interface RegistryFileResult {
  entries: RawEntry[];
  diagnostics: Diagnostic[];
}

/**
 * Keep YAML's own alias expansion bounded: a handful of anchors is normal,
 * thousands is a "billion laughs" document.
 */
const MAX_ALIAS_COUNT = 100;

export function readRegistryFile(file: string, text: string): RegistryFileResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const lineAt = (offset: number | undefined): number => (offset === undefined ? 1 : lineCounter.linePos(offset).line);

  const diagnostics: Diagnostic[] = [];
  for (const warning of doc.warnings) {
    diagnostics.push({
      severity: 'warning',
      code: 'registry/yaml-warning',
      file,
      line: warning.linePos?.[0].line ?? lineAt(warning.pos[0]),
      message: `YAML: ${firstLine(warning.message)}`,
    });
  }
  if (doc.errors.length > 0) {
    // The parser recovers from some errors, but a half-read file would load
    // entries with silently missing fields: skip the whole file instead.
    for (const error of doc.errors) {
      diagnostics.push({
        severity: 'error',
        code: 'registry/yaml-syntax',
        file,
        line: error.linePos?.[0].line ?? lineAt(error.pos[0]),
        message: `YAML syntax error, file skipped: ${firstLine(error.message)}`,
      });
    }
    return { entries: [], diagnostics };
  }

  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) {
    diagnostics.push({ severity: 'warning', code: 'registry/empty-file', file, line: 1, message: 'file has no entries' });
    return { entries: [], diagnostics };
  }
  if (!isSeq(root)) {
    diagnostics.push({
      severity: 'error',
      code: 'registry/not-a-sequence',
      file,
      line: lineAt(root.range?.[0]),
      message: 'expected a YAML sequence of entries (each starting with "- id: …"), file skipped',
    });
    return { entries: [], diagnostics };
  }

  // Entry by entry: an alias bomb or a dangling alias in one entry costs that entry only.
  const entries: RawEntry[] = [];
  root.items.forEach((node, index) => {
    const entryLine = lineAt(isNode(node) ? node.range?.[0] : undefined);
    let value: unknown;
    try {
      value = isNode(node) ? (node as unknown as { toJS(doc: unknown, options: { maxAliasCount: number }): unknown }).toJS(doc, { maxAliasCount: MAX_ALIAS_COUNT }) : node;
    } catch (error) {
      const message = firstLine(error instanceof Error ? error.message : String(error));
      diagnostics.push({
        severity: 'error',
        code: 'registry/invalid-entry',
        file,
        line: entryLine,
        message: `entry #${index + 1}: could not be read as data (${/alias/i.test(message) ? 'too many aliases' : message}); entry skipped`,
      });
      return;
    }
    entries.push({
      file,
      index,
      value,
      line: entryLine,
      lineOf: (path) => {
        const offset = findOffset(node, path);
        return offset === undefined ? entryLine : lineAt(offset);
      },
    });
  });
  return { entries, diagnostics };
}

function isNode(value: unknown): value is YamlNode {
  return typeof value === 'object' && value !== null && 'range' in value;
}

/**
 * Start offset of the deepest node along `path`. For a mapping key we point at
 * the key itself ("coordinates:"), which is where an editor looks.
 */
function findOffset(node: unknown, path: readonly PropertyKey[]): number | undefined {
  let current: unknown = node;
  let offset = isNode(current) ? current.range?.[0] : undefined;
  for (const step of path) {
    if (isMap(current)) {
      const pair = current.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === step);
      if (!pair) break;
      const key = pair.key;
      offset = isNode(key) ? (key.range?.[0] ?? offset) : offset;
      current = pair.value;
    } else if (isSeq(current) && typeof step === 'number') {
      const item = current.items[step];
      if (!isNode(item)) break;
      offset = item.range?.[0] ?? offset;
      current = item;
    } else {
      break;
    }
  }
  return offset;
}

/** The parser's first message line, without its own " at line 2, column 1:" (we report the line separately). */
function firstLine(message: string): string {
  const line = message.split('\n', 1)[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?\s*$/, '');
}

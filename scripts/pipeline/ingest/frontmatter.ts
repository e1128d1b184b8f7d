/**
 * YAML frontmatter for `.md` articles.
 *
 * The frontmatter is cut out of the body by *blanking* its lines rather than
 * deleting them, so every later line number still refers to the original file.
 */
import { LineCounter, isMap, isScalar, parseDocument } from 'yaml';
import type { DateValue, Diagnostic } from '../model.ts';
import { parseDatelineText, parseIsoDate } from './date-value.ts';

/** Metadata an article may declare about itself. */
export interface FrontmatterMeta {
  title?: string;
  outlet?: string;
  author?: string;
  published?: DateValue;
  url?: string;
  stance?: string;
}

export interface FrontmatterResult {
  meta: FrontmatterMeta;
  /** The text with the frontmatter lines replaced by empty lines (same line count). */
  body: string;
  diagnostics: Diagnostic[];
}

const STRING_FIELDS = ['title', 'outlet', 'author', 'url', 'stance'] as const;
/** `date` is the Jekyll/Hugo spelling, `published` ours; both mean the publication date. */
const DATE_FIELDS = ['published', 'date'] as const;

const OPENING_FENCE = /^---[ \t]*$/;
/** YAML's document-end marker `...` is accepted as a closing fence too, as Jekyll does. */
const CLOSING_FENCE = /^(?:---|\.\.\.)[ \t]*$/;

/**
 * Split and parse `---` fenced YAML at the top of a Markdown file. Broken YAML
 * yields `article/frontmatter` diagnostics pointing at the file line; the body
 * is returned either way.
 */
export function splitFrontmatter(text: string, file: string): FrontmatterResult {
  const diagnostics: Diagnostic[] = [];
  const firstBreak = text.indexOf('\n');
  const firstLine = firstBreak === -1 ? text : text.slice(0, firstBreak);
  if (!OPENING_FENCE.test(firstLine)) return { meta: {}, body: text, diagnostics };

  // Find the closing fence line by line; linear in the text length.
  let offset = firstBreak + 1;
  let closingLineIndex = -1;
  let closingStart = -1;
  let closingEnd = -1;
  let lineIndex = 1;
  while (firstBreak !== -1) {
    const next = text.indexOf('\n', offset);
    const end = next === -1 ? text.length : next;
    // Length guard first: never run a regex over a 2 MB line just to learn it is not a fence.
    if (end - offset <= 16 && CLOSING_FENCE.test(text.slice(offset, end))) {
      closingLineIndex = lineIndex;
      closingStart = offset;
      closingEnd = end;
      break;
    }
    if (next === -1) break;
    offset = next + 1;
    lineIndex++;
  }
  if (closingLineIndex === -1) {
    diagnostics.push({
      severity: 'error',
      code: 'article/frontmatter',
      file,
      line: 1,
      message: `${file}:1 opens a frontmatter block with "---" that is never closed; the whole file was read as article text.`,
    });
    return { meta: {}, body: text, diagnostics };
  }

  const yamlText = text.slice(firstBreak + 1, closingStart);
  // Keep line numbering: one empty line per frontmatter line (fences included).
  const body = '\n'.repeat(closingLineIndex) + text.slice(closingEnd);
  const meta = parseFrontmatterYaml(yamlText, file, diagnostics);
  return { meta, body, diagnostics };
}

/** YAML line 1 is file line 2 (the opening fence is line 1). */
const FENCE_OFFSET = 1;

function parseFrontmatterYaml(yamlText: string, file: string, diagnostics: Diagnostic[]): FrontmatterMeta {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  // yaml reports unclosed constructs at the end of the input, which would point at the closing fence; clamp to the last YAML line.
  const yamlLineCount = Math.max(1, yamlText.replace(/\n$/, '').split('\n').length);
  const reported = new Set<string>();
  for (const error of doc.errors) {
    const line = Math.min(lineCounter.linePos(error.pos[0]).line || 1, yamlLineCount) + FENCE_OFFSET;
    const message = firstLine(error.message);
    if (reported.has(`${line}:${message}`)) continue;
    reported.add(`${line}:${message}`);
    diagnostics.push({
      severity: 'error',
      code: 'article/frontmatter',
      file,
      line,
      message: `${file}:${line} frontmatter is not valid YAML: ${message}`,
    });
  }
  const meta: FrontmatterMeta = {};
  if (doc.contents === null) return meta;
  if (!isMap(doc.contents)) {
    const line = lineOf(doc.contents.range?.[0], lineCounter) + FENCE_OFFSET;
    diagnostics.push({
      severity: 'error',
      code: 'article/frontmatter',
      file,
      line,
      message: `${file}:${line} frontmatter must be a mapping of fields (title: …, date: …); it was ignored.`,
    });
    return meta;
  }
  // After a syntax error the node tree is a best guess: keep the fields that read cleanly, but do not pile type errors on top.
  const report = doc.errors.length === 0 ? (d: Diagnostic) => diagnostics.push(d) : () => undefined;
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const valueNode = pair.value;
    const line = lineOf((isScalar(valueNode) ? valueNode : pair.key as { range?: [number, number, number] } | null)?.range?.[0], lineCounter) + FENCE_OFFSET;
    const value = isScalar(valueNode) ? valueNode.value : undefined;
    const isStringField = (STRING_FIELDS as readonly string[]).includes(key);
    const isDateField = (DATE_FIELDS as readonly string[]).includes(key);
    if (!isStringField && !isDateField) continue; // other fields (tags, layout…) are for other tools
    if (value === null || value === undefined || value === '') {
      if (!isScalar(valueNode) && valueNode !== null) {
        report(fieldError(file, line, key, 'must be a single value, not a list or mapping'));
      }
      continue;
    }
    if (isStringField) {
      if (typeof value !== 'string' && typeof value !== 'number') {
        report(fieldError(file, line, key, `must be text, got ${typeof value}`));
        continue;
      }
      const text = String(value).trim();
      if (key === 'url' && !isWebAddress(text)) {
        // Always reported, also after a syntax error: a script address must never pass unnoticed.
        diagnostics.push({ ...fieldError(file, line, key, `"${text.slice(0, 80)}" is not an http(s) address`), code: 'article/url' });
        continue;
      }
      meta[key as (typeof STRING_FIELDS)[number]] = text;
    } else {
      const published = parseIsoDate(String(value)) ?? parseDatelineText(String(value));
      if (!published) {
        report(fieldError(file, line, key, `"${String(value)}" is not a date (use YYYY-MM-DD or YYYY-MM)`));
        continue;
      }
      // `published` wins over `date` when both are given.
      if (key === 'published' || !meta.published) meta.published = published;
    }
  }
  return meta;
}

/** Only http(s) addresses become links: `javascript:`, `data:`, `file:` and the rest are refused. */
export function isWebAddress(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const { protocol, hostname } = new URL(text);
  return (protocol === 'http:' || protocol === 'https:') && hostname !== '';
}

function fieldError(file: string, line: number, key: string, problem: string): Diagnostic {
  return {
    severity: 'error',
    code: 'article/frontmatter',
    file,
    line,
    message: `${file}:${line} frontmatter field "${key}" ${problem}; it was ignored.`,
  };
}

function lineOf(offset: number | undefined, lineCounter: LineCounter): number {
  return offset === undefined ? 1 : lineCounter.linePos(offset).line;
}

function firstLine(message: string): string {
  return message.split('\n', 1)[0] ?? message;
}

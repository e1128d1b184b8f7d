/**
 * Article metadata: each field from the most authoritative place that has it,
 * with the place recorded in `provenance`.
 *
 *   title:     sources.yaml > frontmatter > headline line > first sentence > file name
 *   published: sources.yaml > frontmatter > dateline near the top > none (warning)
 *   author:    sources.yaml > frontmatter > byline line
 *   outlet, url, stance: sources.yaml > frontmatter
 */
import type { DateValue, Diagnostic, SourceMeta } from '../model.ts';
import type { CleanedBody } from './clean.ts';
import { parseDatelineText, parseIsoDate } from './date-value.ts';
import type { FrontmatterMeta } from './frontmatter.ts';
import type { SourceEntry } from './sources.ts';

export interface InferInput {
  /** Project-relative path, for diagnostics. */
  file: string;
  source?: SourceEntry;
  frontmatter?: FrontmatterMeta;
  cleaned: Pick<CleanedBody, 'blocks' | 'title' | 'dateline' | 'byline'>;
}

export interface InferredMeta {
  meta: SourceMeta;
  diagnostics: Diagnostic[];
}

/** Fallback titles are cut near this many characters, at a word boundary. */
const TITLE_FALLBACK_LENGTH = 90;

export function inferMeta({ file, source, frontmatter, cleaned }: InferInput): InferredMeta {
  const diagnostics: Diagnostic[] = [];
  const provenance: SourceMeta['provenance'] = {};

  const title = pickFirst<string>(provenance, 'title', [
    ['sources.yaml', source?.title],
    ['frontmatter', frontmatter?.title],
    ['headline', cleaned.title?.text],
    ['first-sentence', firstSentenceTitle(cleaned.blocks)],
  ]) ?? fileNameTitle(file, provenance);

  const published = pickFirst<DateValue>(provenance, 'published', [
    ['sources.yaml', source?.published ? parseIsoDate(source.published) : undefined],
    ['frontmatter', frontmatter?.published],
    ['dateline', cleaned.dateline ? parseDatelineText(cleaned.dateline.text) : undefined],
  ]);
  if (!published) {
    diagnostics.push({
      severity: 'warning',
      code: 'article/no-date',
      file,
      line: 1,
      message: `${file} has no publication date (no sources.yaml entry, frontmatter or dateline); add "published: YYYY-MM-DD" for it in content/sources.yaml.`,
    });
  }

  const author = pickFirst<string>(provenance, 'author', [
    ['sources.yaml', source?.author],
    ['frontmatter', frontmatter?.author],
    ['byline', cleaned.byline],
  ]);
  const outlet = pickFirst<string>(provenance, 'outlet', [
    ['sources.yaml', source?.outlet],
    ['frontmatter', frontmatter?.outlet],
  ]);
  const url = pickFirst<string>(provenance, 'url', [
    ['sources.yaml', source?.url],
    ['frontmatter', frontmatter?.url],
  ]);
  const stance = pickFirst<string>(provenance, 'stance', [
    ['sources.yaml', source?.stance],
    ['frontmatter', frontmatter?.stance],
  ]);

  const meta: SourceMeta = {
    title,
    ...(outlet !== undefined ? { outlet } : {}),
    ...(author !== undefined ? { author } : {}),
    ...(published !== undefined ? { published } : {}),
    ...(url !== undefined ? { url } : {}),
    ...(stance !== undefined ? { stance } : {}),
    provenance,
  };
  return { meta, diagnostics };
}

type Field = keyof SourceMeta['provenance'];

/** First present, non-empty candidate; records where it came from. */
function pickFirst<T>(
  provenance: SourceMeta['provenance'],
  field: Field,
  candidates: [origin: string, value: T | undefined][],
): T | undefined {
  for (const [origin, value] of candidates) {
    if (value === undefined || value === '') continue;
    provenance[field] = origin;
    return value;
  }
  return undefined;
}

/**
 * The first sentence of the first paragraph, cut at a word boundary near
 * `TITLE_FALLBACK_LENGTH` characters. Only the start of the text is examined,
 * so a 2 MB single-line article costs no more than a short one.
 */
export function firstSentenceTitle(blocks: readonly { kind: string; text: string }[]): string | undefined {
  const block = blocks.find((b) => b.kind === 'paragraph') ?? blocks[0];
  if (!block) return undefined;
  const head = block.text.slice(0, 400);
  const sentenceEnd = /[.!?](?=["'”’]?\s|["'”’]?$)/u.exec(head);
  const sentence = (sentenceEnd ? head.slice(0, sentenceEnd.index) : head).trim();
  if (sentence === '') return undefined;
  return truncateAtWord(sentence, TITLE_FALLBACK_LENGTH);
}

export function truncateAtWord(text: string, maxLength: number): string {
  const chars = Array.from(text); // by code point, never splitting an emoji or surrogate pair
  if (chars.length <= maxLength) return text;
  const cut = chars.slice(0, maxLength).join('');
  const lastSpace = cut.lastIndexOf(' ');
  const base = lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut;
  return `${base.replace(/[\s,;:–—-]+$/u, '')}…`;
}

function fileNameTitle(file: string, provenance: SourceMeta['provenance']): string {
  provenance.title = 'file-name';
  const base = file.split('/').pop() ?? file;
  return base.replace(/\.[^.]+$/, '') || file;
}

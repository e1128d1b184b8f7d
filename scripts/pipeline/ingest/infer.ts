/**
 * Article metadata: each field from the most authoritative place that has it,
 * with the place recorded in `provenance`.
 *
 *   title:     sources.yaml > frontmatter > headline line > a short whole first sentence > "Untitled …"
 *   published: sources.yaml > frontmatter > date line or dated byline near the top >
 *              wire dateline opening the text (year from the text when it lacks one) > none (warning)
 *   author:    sources.yaml > frontmatter > byline line
 *   outlet:    sources.yaml > frontmatter > wire tag in the dateline ("(Reuters)") >
 *              masthead above the headline > "Headline | Outlet" > none (shown as not named)
 *   url, stance: sources.yaml > frontmatter
 */
import type { DateValue, Diagnostic, SourceMeta } from '../model.ts';
import type { CleanedBody } from './clean.ts';
import { dayValue, parseDatelineText, parseIsoDate } from './date-value.ts';
import { readNumericDate, yearFromText } from './dateline.ts';
import type { FrontmatterMeta } from './frontmatter.ts';
import type { SourceEntry } from './sources.ts';

export interface InferInput {
  /** Project-relative path, for diagnostics. */
  file: string;
  source?: SourceEntry;
  frontmatter?: FrontmatterMeta;
  cleaned: Pick<CleanedBody, 'blocks' | 'title' | 'dateline' | 'byline'> &
    Partial<Pick<CleanedBody, 'leadDateline' | 'masthead' | 'titleOutlet'>>;
}

export interface InferredMeta {
  meta: SourceMeta;
  diagnostics: Diagnostic[];
}

/** A first sentence longer than this is not a title; cutting it would invent a headline. */
const TITLE_FALLBACK_LENGTH = 90;

export function inferMeta({ file, source, frontmatter, cleaned }: InferInput): InferredMeta {
  const diagnostics: Diagnostic[] = [];
  const provenance: SourceMeta['provenance'] = {};

  const outlet = pickFirst<string>(provenance, 'outlet', [
    ['sources.yaml', source?.outlet],
    ['frontmatter', frontmatter?.outlet],
    ['wire-tag', cleaned.leadDateline?.agency],
    ['masthead', cleaned.masthead?.text],
    ['headline-suffix', cleaned.titleOutlet],
  ]);

  const published = pickFirst<DateValue>(provenance, 'published', [
    ['sources.yaml', source?.published ? parseIsoDate(source.published) : undefined],
    ['frontmatter', frontmatter?.published],
    ['dateline', given(source, frontmatter) || !cleaned.dateline ? undefined : datelineValue(file, cleaned.dateline, diagnostics)],
    ['wire-dateline', given(source, frontmatter) || cleaned.dateline || !cleaned.leadDateline ? undefined : leadDatelineValue(file, cleaned, diagnostics)],
  ]);
  if (!published) {
    diagnostics.push({
      severity: 'warning',
      code: 'article/no-date',
      file,
      line: 1,
      message: `${file} has no publication date (no sources.yaml entry, frontmatter or dateline); it is listed as undated. Add "published: YYYY-MM-DD" for it in content/sources.yaml.`,
    });
  }

  const title =
    pickFirst<string>(provenance, 'title', [
      ['sources.yaml', source?.title],
      ['frontmatter', frontmatter?.title],
      ['headline', cleaned.title?.text],
      ['first-sentence', firstSentenceTitle(cleaned.blocks)],
    ]) ?? untitled(file, cleaned.blocks.length > 0, outlet, published, provenance);

  const author = pickFirst<string>(provenance, 'author', [
    ['sources.yaml', source?.author],
    ['frontmatter', frontmatter?.author],
    ['byline', cleaned.byline],
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
 * The first sentence of the first paragraph when it is short enough to stand
 * as a title, whole. Only the start of the text is examined, so a 2 MB
 * single-line article costs no more than a short one.
 */
export function firstSentenceTitle(blocks: readonly { kind: string; text: string }[]): string | undefined {
  const block = blocks.find((b) => b.kind === 'paragraph') ?? blocks[0];
  if (!block) return undefined;
  const head = block.text.slice(0, 400);
  const sentenceEnd = /[.!?](?=["'”’]?\s|["'”’]?$)/u.exec(head);
  if (!sentenceEnd) return undefined;
  const sentence = head.slice(0, sentenceEnd.index).trim();
  if (sentence === '' || Array.from(sentence).length > TITLE_FALLBACK_LENGTH) return undefined;
  return sentence;
}

/** No headline: say so, with what is known, rather than cutting a sentence into a fake one. */
function untitled(file: string, hasText: boolean, outlet: string | undefined, published: DateValue | undefined, provenance: SourceMeta['provenance']): string {
  if (!hasText) return fileNameTitle(file, provenance);
  provenance.title = 'untitled';
  return `Untitled article (${outlet ?? 'outlet not named'}, ${published?.label ?? 'undated'})`;
}

/** An editor's date makes the text's irrelevant: its doubts are not reported. */
function given(source: SourceEntry | undefined, frontmatter: FrontmatterMeta | undefined): boolean {
  return Boolean((source?.published && parseIsoDate(source.published)) || frontmatter?.published);
}

/** A date line: in words, or numeric by convention; an ambiguous numeric date is a warning, not a guess. */
function datelineValue(file: string, dateline: { text: string; line: number }, diagnostics: Diagnostic[]): DateValue | undefined {
  const numeric = readNumericDate(dateline.text);
  if (numeric && 'ambiguous' in numeric) {
    const [a, b] = numeric.ambiguous;
    diagnostics.push({
      severity: 'warning',
      code: 'article/ambiguous-date',
      file,
      line: dateline.line,
      message: `"${dateline.text}" can be read as ${a.label} or ${b.label}; the publication date was left out. Add "published: YYYY-MM-DD" for it in content/sources.yaml.`,
    });
    return undefined;
  }
  return numeric?.value ?? parseDatelineText(dateline.text);
}

/** "WASHINGTON, Aug 8 (Reuters) -": the year from the dateline, else the latest year the text names. */
function leadDatelineValue(file: string, cleaned: InferInput['cleaned'], diagnostics: Diagnostic[]): DateValue | undefined {
  const dateline = cleaned.leadDateline!;
  const year = dateline.date.year ?? yearFromText(dateline.date.month, [cleaned.title?.text ?? '', ...cleaned.blocks.map((block) => block.text)]);
  if (year === undefined) {
    diagnostics.push({
      severity: 'warning',
      code: 'article/dateline-without-year',
      file,
      line: dateline.line,
      message: `The dateline gives day and month but no year, and the text names no year; the publication date was left out. Add "published: YYYY-MM-DD" for it in content/sources.yaml.`,
    });
    return undefined;
  }
  return dayValue(year, dateline.date.month, dateline.date.day);
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

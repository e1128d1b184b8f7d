/**
 * Find direct quotations (double quotation marks, straight or curly) in a text.
 *
 * A single left-to-right scan keeps this linear on multi-megabyte input. Single
 * quotes (‘…’, '…') are deliberately ignored: in news copy they mark scare quotes
 * and headline quotes far more often than speech, and they collide with apostrophes.
 */

export interface QuoteSpan {
  /** Offset of the opening mark. */
  open: number;
  /** Offset just after the closing mark (or the text end for an unclosed quote). */
  end: number;
  /** The words between the marks. */
  innerStart: number;
  innerEnd: number;
  closed: boolean;
}

export interface QuoteSpanOptions {
  /** Accept a final quote that runs to the end of the text (truncated tweets). */
  allowUnclosedAtEnd?: boolean;
  /** Longest quotation we believe; longer "quotes" are unbalanced marks. */
  maxLength?: number;
}

const OPEN_CURLY = '“';
const CLOSE_CURLY = '”';
const STRAIGHT = '"';
const LETTER = /\p{L}/u;

/** A straight quote opens a quotation only at a word start (after space, bracket, dash or line start). */
function canOpenStraight(text: string, index: number): boolean {
  if (index === 0) return true;
  const before = text[index - 1] ?? '';
  return /[\s([{\u2014\u2013:-]/u.test(before);
}

export function findQuoteSpans(text: string, options: QuoteSpanOptions = {}): QuoteSpan[] {
  const maxLength = options.maxLength ?? 3000;
  const spans: QuoteSpan[] = [];
  let open = -1;

  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch !== OPEN_CURLY && ch !== CLOSE_CURLY && ch !== STRAIGHT) continue;
    if (open < 0) {
      if (ch === OPEN_CURLY || (ch === STRAIGHT && canOpenStraight(text, i))) open = i;
      continue;
    }
    if (ch === OPEN_CURLY) {
      // A second opener before any closer: the first one was unbalanced, restart here.
      open = i;
      continue;
    }
    pushSpan(text, spans, open, i + 1, true, maxLength);
    open = -1;
  }
  if (open >= 0 && options.allowUnclosedAtEnd) pushSpan(text, spans, open, text.length, false, maxLength);
  return spans;
}

function pushSpan(text: string, spans: QuoteSpan[], open: number, end: number, closed: boolean, maxLength: number): void {
  const innerStart = open + 1;
  const innerEnd = closed ? end - 1 : end;
  if (innerEnd - innerStart > maxLength) return;
  if (!LETTER.test(text.slice(innerStart, innerEnd))) return;
  spans.push({ open, end, innerStart, innerEnd, closed });
}

/** The quoted words, whitespace collapsed, without the trailing comma of American punctuation. */
export function cleanQuoteText(raw: string): string {
  return raw
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[,;:\s]+$/u, '')
    .trim();
}

/** Share (0..1) of the non-space characters of `text` that sit inside double quotation marks. */
export function quotedShare(text: string): number {
  const total = text.replace(/\s+/g, '').length;
  if (total === 0) return 0;
  let inside = 0;
  for (const span of findQuoteSpans(text, { allowUnclosedAtEnd: false })) {
    // Count the marks too: “…” belongs to the quotation.
    inside += text.slice(span.open, span.end).replace(/\s+/g, '').length;
  }
  return inside / total;
}

export function wordCount(text: string): number {
  const matches = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’‑-]*/gu);
  return matches ? matches.length : 0;
}

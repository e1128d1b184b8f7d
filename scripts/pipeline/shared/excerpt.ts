/**
 * Longest passage a citation carries. Why a cap: the passage is there to
 * recognise the paragraph, and a scraped "paragraph" of 50 KB cited a thousand
 * times made one page 160 MB. Longer paragraphs are cut to a window around the
 * cited sentence or mention.
 */
export const MAX_PASSAGE_CHARS = 600;

export interface Focus {
  start: number;
  end: number;
}

/** `text` cut to at most `max` characters around `focus`, on word boundaries, with … where cut. */
export function excerpt(text: string, focus: Focus = { start: 0, end: 0 }, max = MAX_PASSAGE_CHARS): string {
  if (text.length <= max) return text;
  const focusLength = Math.max(0, focus.end - focus.start);
  let start = focusLength >= max ? focus.start : Math.max(0, focus.start - Math.floor((max - focusLength) / 2));
  let end = Math.min(text.length, start + max);
  start = Math.max(0, Math.min(start, end - max));
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space !== -1 && space < start + 40 && space < focus.start) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > end - 40 && space > focus.end) end = space;
  }
  return `${start > 0 ? '… ' : ''}${text.slice(start, end).trim()}${end < text.length ? ' …' : ''}`;
}

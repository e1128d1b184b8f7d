/**
 * Fitting text into a width at build time, where there are no font metrics:
 * widths come from the estimate in map-labels.ts (rounded up, so text laid out
 * here renders a little narrower than planned, never wider).
 */
import { textWidth } from './map-labels.ts';

export interface TextStyle {
  size: number;
  bold?: boolean;
}

export function widthOf(text: string, style: TextStyle): number {
  return textWidth(text, style.size, { bold: style.bold ?? false });
}

const ELLIPSIS = '…';

/**
 * `text` cut so that it fits `maxWidth`, at a word boundary when one is near,
 * with an ellipsis; the whole text when it fits. An empty string when not even
 * one letter and the ellipsis fit.
 */
export function truncate(text: string, maxWidth: number, style: TextStyle): string {
  if (widthOf(text, style) <= maxWidth) return text;
  const chars = [...text];
  let low = 0;
  let high = chars.length;
  // Longest prefix that fits with the ellipsis (widths grow with length).
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (widthOf(chars.slice(0, mid).join('').trimEnd() + ELLIPSIS, style) <= maxWidth) low = mid;
    else high = mid - 1;
  }
  if (low === 0) return '';
  let cut = chars.slice(0, low).join('');
  const space = cut.lastIndexOf(' ');
  // Prefer a word boundary unless it would throw away more than a third of the room.
  if (space > 0 && space >= cut.length * 0.66) cut = cut.slice(0, space);
  return cut.replace(/[\s,;:–—-]+$/u, '') + ELLIPSIS;
}

/**
 * Greedy word wrap into at most `maxLines` lines of `maxWidth`; the last line
 * is truncated with an ellipsis when text is left over. A word longer than a
 * line is truncated on its own line.
 */
export function wrap(text: string, maxWidth: number, style: TextStyle, maxLines: number): string[] {
  const words = text.split(/\s+/u).filter(Boolean);
  const lines: string[] = [];
  let current = '';
  let index = 0;
  for (; index < words.length; index++) {
    const word = words[index]!;
    const candidate = current ? `${current} ${word}` : word;
    if (widthOf(candidate, style) <= maxWidth) {
      current = candidate;
      continue;
    }
    if (current) {
      lines.push(current);
      current = '';
      if (lines.length === maxLines) break;
      index--;
      continue;
    }
    lines.push(truncate(word, maxWidth, style));
    if (lines.length === maxLines) {
      index++;
      break;
    }
  }
  if (current && lines.length < maxLines) lines.push(current);
  if (index < words.length && lines.length > 0) {
    // Text left over: end the last line with an ellipsis, within the width.
    const last = lines.length - 1;
    const rest = words.slice(index).join(' ');
    lines[last] = truncate(`${lines[last]!.replace(new RegExp(`${ELLIPSIS}$`, 'u'), '')} ${rest}`, maxWidth, style);
  }
  return lines;
}

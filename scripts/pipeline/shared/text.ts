/** Small wording helpers shared by page assemblers, emitters and components. */

/** "1 source", "3 sources"; `format` writes the number (e.g. with thousands separators). */
export function plural(count: number, one: string, many = `${one}s`, format: (count: number) => string = String): string {
  return `${format(count)} ${count === 1 ? one : many}`;
}

/** `text` cut at a word boundary to at most `maxLength` characters, with "…" where cut. */
export function shorten(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), maxLength / 2)).replace(/[\s,;:–—-]+$/, '')}…`;
}

/**
 * A translated UI label remembered per language and text. Astro renders
 * thousands of pages whose headings are the same few section names, and
 * Starlight's `t()` (i18next, with interpolation) cost about 1.5 s of each
 * render worker's time at 5,000 articles for labels it had already made.
 * `translate` runs the first time a language and text are seen; the label is
 * the same string `t()` gives, so the pages are unchanged.
 */
const labelsByLang = new Map<string, Map<string, string>>();

export function rememberedLabel(lang: string, text: string, translate: () => string): string {
  let labels = labelsByLang.get(lang);
  if (!labels) labelsByLang.set(lang, (labels = new Map()));
  let label = labels.get(text);
  if (label === undefined) {
    label = translate();
    labels.set(text, label);
  }
  return label;
}

/**
 * The project's escaping rules for what leaves the build as data rather than
 * as a syntax tree (docs/security.md). HTML text and attribute values are
 * escaped by the serialisers (hast-util-to-html, Astro, xast-util-to-xml);
 * these cover what they cannot know about.
 */

/**
 * Serialised JSON that no HTML parser reads as markup: `<`, `>`, `&`, U+2028
 * and U+2029 become `\uXXXX` escapes (still the same JSON value), so text can
 * neither close a <script> element nor open a comment inside one.
 */
export function neutraliseJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Characters XML 1.0 forbids (§2.2 Char): C0 controls other than tab, line
 * feed and carriage return, U+FFFE, U+FFFF and surrogates that are not part of
 * a pair. One of them makes a whole feed unreadable; in JSON they are legal
 * but no reader wants them, so the published data drops them too.
 */
const xmlForbidden = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;
/**
 * Any code unit `xmlForbidden` could match, surrogates in pairs included: one
 * character class, which V8 scans about eight times faster than the exact
 * pattern's lookarounds. Most text has none of these, and the build checks
 * every paragraph, name and preview (0.85 s at 5,000 articles, exact pattern only).
 */
const mayBeXmlForbidden = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff]/;

export function hasXmlForbidden(text: string): boolean {
  if (!mayBeXmlForbidden.test(text)) return false;
  xmlForbidden.lastIndex = 0;
  return xmlForbidden.test(text);
}

/** `text` without the characters XML forbids, and the code points removed (for the report, e.g. `U+FFFE`). */
export function stripXmlForbidden(text: string): { text: string; removed: string[] } {
  if (!mayBeXmlForbidden.test(text)) return { text, removed: [] };
  const removed: string[] = [];
  const clean = text.replace(xmlForbidden, (character) => {
    removed.push(`U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
    return '';
  });
  return { text: clean, removed };
}

const escapeMarkup = (text: string) => text.replace(/[&<>]/g, (character) => `&#${character.charCodeAt(0)};`);

/**
 * Text for a Pagefind filter value. Pagefind's Default UI (used by
 * Starlight's search) renders filter values as HTML
 * (`@pagefind/default-ui/svelte/filters.svelte`, `{@html value}`, line 63), and
 * Pagefind 1.6's indexer decodes character references in filter text once
 * more after the HTML parser did (the page's `&amp;#60;` is stored as `<`):
 * an outlet named `<img src=x onerror=…>` ran script in the search dialog.
 * So the value is escaped twice here (Astro escapes it a third time for the
 * page): the index then holds `&#60;img …`, which the dialog shows as the text
 * `<img …`. tests/e2e/hostile.test.ts checks the dialog with such outlets.
 * Quotes need no escape: the dialog places the value as element content.
 */
export function pagefindUiText(text: string): string {
  return escapeMarkup(escapeMarkup(text));
}

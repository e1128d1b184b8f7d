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

export function hasXmlForbidden(text: string): boolean {
  xmlForbidden.lastIndex = 0;
  return xmlForbidden.test(text);
}

/** `text` without the characters XML forbids, and the code points removed (for the report, e.g. `U+FFFE`). */
export function stripXmlForbidden(text: string): { text: string; removed: string[] } {
  const removed: string[] = [];
  const clean = text.replace(xmlForbidden, (character) => {
    removed.push(`U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
    return '';
  });
  return { text: clean, removed };
}

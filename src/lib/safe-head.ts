/**
 * The one place every `<head>` entry of every page passes through before it is
 * rendered (src/components/Head.astro, which replaces Starlight's Head).
 *
 * Why: Starlight renders each head entry as `<Tag {...attrs} set:html={content} />`
 * (node_modules/@astrojs/starlight/dist/components/Head.astro, line 5), and its
 * default `<title>` is `${title} | ${siteTitle}` pasted as raw HTML
 * (dist/utils/head.js, line 34). A page or site title holding `</title><img …>`
 * therefore became markup. Here the rules are by construction, whatever the
 * string and wherever it came from (frontmatter, sources.yaml, the registry,
 * site.yaml, inferred from the text):
 * - element content is text (Astro escapes it when rendering a text child);
 * - JSON-LD is parsed and serialised again with `<`, `>`, `&`, U+2028 and
 *   U+2029 as `\uXXXX` escapes, so it cannot close its script or open a comment;
 * - any other inline content (a script or style body) is refused: no input
 *   may become code;
 * - attribute names must be plain names and not event handlers; URL
 *   attributes must not carry a script scheme. Attribute values are escaped by
 *   Astro (`&` and `"`), and every value is quoted.
 * See docs/security.md.
 */
import { neutraliseJson } from '../../scripts/pipeline/shared/escape.ts';

/**
 * Starlight's head entry (its HeadConfig item), stated structurally: the
 * component hands over `Astro.locals.starlightRoute.head`, whose exported type
 * lives in a virtual module that plain TypeScript (unit tests) cannot load.
 */
export interface HeadEntryInput {
  tag: string;
  attrs?: Record<string, string | boolean | undefined>;
  content?: string;
}

export type SafeHeadEntry =
  /** A void element or an element whose content is rendered as escaped text. */
  | { kind: 'element'; tag: string; attrs: Record<string, string | boolean>; text?: string }
  /** A JSON script, already neutralised: safe to place as the element's raw content. */
  | { kind: 'json'; tag: 'script'; attrs: Record<string, string | boolean>; json: string };

export class UnsafeHeadError extends Error {}

const allowedTags = new Set(['title', 'meta', 'link', 'script', 'base', 'noscript', 'style', 'template']);
/** Elements whose content may be text: <title> (RCDATA: Astro's escaping keeps it text). */
const textTags = new Set(['title']);
const attributeName = /^[a-z][a-z0-9_.:-]*$/i;
const urlAttributes = new Set(['href', 'src', 'action', 'formaction', 'xlink:href']);
/** Browsers strip ASCII whitespace and control characters before reading a scheme. */
const scriptScheme = /^[\s\u0000-\u001f]*(?:j\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t|v\s*b\s*s\s*c\s*r\s*i\s*p\s*t|d\s*a\s*t\s*a)\s*:/i;
const jsonScriptTypes = new Set(['application/ld+json', 'application/json']);

function safeAttributes(tag: string, attrs: HeadEntryInput['attrs']): Record<string, string | boolean> {
  const safe: Record<string, string | boolean> = {};
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === false) continue;
    if (!attributeName.test(name) || /^on/i.test(name)) throw new UnsafeHeadError(`<${tag}> head entry: attribute name ${JSON.stringify(name)} refused`);
    if (typeof value === 'string' && urlAttributes.has(name.toLowerCase()) && scriptScheme.test(value)) {
      throw new UnsafeHeadError(`<${tag}> head entry: ${name} with a script or data URL refused`);
    }
    safe[name] = value;
  }
  return safe;
}

/** The page's head, checked and made safe; throws `UnsafeHeadError` for an entry that could only be code. */
export function safeHead(entries: readonly HeadEntryInput[]): SafeHeadEntry[] {
  return entries.map((entry): SafeHeadEntry => {
    const tag = entry.tag.toLowerCase();
    if (!allowedTags.has(tag)) throw new UnsafeHeadError(`head entry <${entry.tag}> refused`);
    const attrs = safeAttributes(tag, entry.attrs);
    const content = entry.content ?? '';
    if (tag === 'script' && jsonScriptTypes.has(String(attrs.type ?? '').toLowerCase())) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(content);
      } catch {
        throw new UnsafeHeadError(`<script type="${String(attrs.type)}"> head entry is not valid JSON`);
      }
      return { kind: 'json', tag: 'script', attrs, json: neutraliseJson(parsed) };
    }
    if (textTags.has(tag)) return { kind: 'element', tag, attrs, text: content };
    if (content !== '') throw new UnsafeHeadError(`<${tag}> head entry with inline content refused: only <title> text and JSON-LD may have content`);
    return { kind: 'element', tag, attrs };
  });
}

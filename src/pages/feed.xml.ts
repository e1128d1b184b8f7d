/**
 * Atom feed of sources and events, newest first. The entries are prepared by
 * the briefing build (src/generated/feed.json, see
 * scripts/pipeline/assemble/feed.ts); this endpoint only makes the URLs
 * absolute for the deploy's site and base, and serialises an xast tree, so
 * article text is escaped by the XML serialiser, never pasted into markup.
 * The serialiser escapes markup but keeps characters XML forbids (U+FFFE, C0
 * controls…), any one of which makes the whole feed unreadable: the tree is
 * cleaned of them just before it is serialised, whatever their origin
 * (assemble/feed.ts already removes them, and the build report names where
 * they came from).
 */
import type { APIRoute } from 'astro';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { x } from 'xastscript';
import { toXml } from 'xast-util-to-xml';
import type { Nodes } from 'xast';
import type { Feed } from '../../scripts/pipeline/assemble/feed.ts';
import { stripXmlForbidden } from '../../scripts/pipeline/shared/escape.ts';

// Read from the project root: a relative import.meta.url would point into the build output.
const feed = JSON.parse(readFileSync(join(process.cwd(), 'src/generated/feed.json'), 'utf8')) as Feed;

const timestamp = (date: string) => `${date}T00:00:00Z`;

const xmlText = (text: string) => stripXmlForbidden(text).text;

/** Every text and attribute value of the tree, without the characters XML forbids. */
function xmlSafe<Node extends Nodes>(node: Node): Node {
  if (node.type === 'text') node.value = xmlText(node.value);
  if (node.type === 'element') {
    for (const [name, value] of Object.entries(node.attributes)) if (typeof value === 'string') node.attributes[name] = xmlText(value);
  }
  if ('children' in node) for (const child of node.children) xmlSafe(child);
  return node;
}

export const GET: APIRoute = ({ site }) => {
  const base = import.meta.env.BASE_URL.replace(/\/+$/, '');
  const origin = site ?? new URL('http://localhost:4321');
  const absolute = (path: string) => new URL(`${base}${path}`, origin).href;
  const tree = x(null, [
    { type: 'instruction', name: 'xml', value: 'version="1.0" encoding="utf-8"' },
    x('feed', { xmlns: 'http://www.w3.org/2005/Atom' }, [
      x('title', feed.title),
      x('subtitle', feed.subtitle),
      x('id', absolute('/')),
      x('link', { rel: 'alternate', type: 'text/html', href: absolute('/') }),
      x('link', { rel: 'self', type: 'application/atom+xml', href: absolute('/feed.xml') }),
      x('updated', timestamp(feed.updated ?? '1970-01-01')),
      x('author', [x('name', feed.title)]),
      ...feed.entries.map((entry) =>
        x('entry', [
          x('title', entry.kind === 'event' ? `Event: ${entry.title}` : entry.title),
          x('id', absolute(entry.path)),
          x('link', { rel: 'alternate', type: 'text/html', href: absolute(entry.path) }),
          x('updated', timestamp(entry.date)),
          ...(entry.kind === 'source' ? [x('published', timestamp(entry.date))] : []),
          x('category', { term: entry.kind, label: entry.kind === 'event' ? 'Event' : 'Source' }),
          ...(entry.author ? [x('author', [x('name', entry.author)])] : []),
          x('summary', entry.kind === 'event' ? `${entry.dateLabel}. ${entry.summary}` : entry.summary),
        ]),
      ),
    ]),
  ]);
  // xast-util-to-xml escapes only `&` and `<` in text (lib/text.js), but `]]>`
  // is not allowed in XML character data: a title holding it made the feed
  // unreadable. The tree has no CDATA section, so every `]]>` is text or an
  // attribute value, where `]]&gt;` means the same.
  const xml = toXml(xmlSafe(tree)).replaceAll(']]>', ']]&gt;');
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};

/**
 * The Atom feed's entries: sources and events, newest first. Pure; the site's
 * feed endpoint (src/pages/feed.xml.ts) turns them into XML with absolute URLs,
 * which only Astro knows (site and base differ per deploy).
 */
import type { DateValue, Entity, SegmentedArticle } from '../model.ts';
import { entityPath, sourcePath } from '../shared/paths.ts';
import { describe } from './source-page.ts';
import { stripXmlForbidden } from '../shared/escape.ts';

/**
 * Characters XML forbids would make the whole feed unreadable: they are
 * removed here, and reported once per input place by forbidden-characters.ts.
 */
const xmlText = (text: string) => stripXmlForbidden(text).text;

export interface FeedEntry {
  kind: 'source' | 'event';
  title: string;
  /** Site-relative path, also the entry's identity. */
  path: string;
  /** ISO date the entry is filed under: publication for sources, the event's first day for events. */
  date: string;
  dateLabel: string;
  summary: string;
  /** Sources: the outlet (or its neutral fallback label). */
  author?: string;
}

export interface Feed {
  title: string;
  subtitle: string;
  /** The newest entry's date: the feed changes when its content does, not at every build. */
  updated?: string;
  entries: FeedEntry[];
}

/** Newest first. Undated items are left out: an Atom entry needs a date, and inventing one would mislead. */
export function assembleFeed(
  settings: { title: string; description: string },
  articles: readonly SegmentedArticle[],
  entities: readonly Entity[],
): Feed {
  const entries: FeedEntry[] = [];
  for (const article of articles) {
    const published: DateValue | undefined = article.meta.published;
    if (!published) continue;
    entries.push({
      kind: 'source',
      title: xmlText(article.meta.title),
      path: sourcePath(article.slug),
      date: published.start,
      dateLabel: published.label,
      summary: xmlText(describe(article, 400)),
      ...((article.meta.outlet ?? article.meta.author) && { author: xmlText((article.meta.outlet ?? article.meta.author)!) }),
    });
  }
  for (const entity of entities) {
    if (entity.kind !== 'event' || !entity.date) continue;
    entries.push({
      kind: 'event',
      title: xmlText(entity.name),
      path: entityPath(entity.kind, entity.id),
      date: entity.date.start,
      dateLabel: entity.date.label,
      summary: xmlText(entity.description),
    });
  }
  entries.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.kind.localeCompare(b.kind) || a.path.localeCompare(b.path)));
  return { title: xmlText(settings.title), subtitle: xmlText(settings.description), ...(entries[0] && { updated: entries[0].date }), entries };
}

/**
 * schema.org JSON-LD for generated pages, as a Starlight `head` entry. Every
 * `<`, `>`, `&`, U+2028 and U+2029 is a JSON unicode escape: article text can
 * never close the script element or open a comment. src/components/Head.astro
 * neutralises every JSON head entry again the same way (safe-head.ts), so this
 * holds even for an entry built elsewhere.
 */
import type { DateValue, Entity } from '../model.ts';
import { neutraliseJson } from '../shared/escape.ts';

export interface HeadEntry {
  tag: 'script';
  attrs: { type: 'application/ld+json' };
  content: string;
}

export function jsonLdHead(data: Record<string, unknown>): HeadEntry {
  const content = neutraliseJson({ '@context': 'https://schema.org', ...data });
  return { tag: 'script', attrs: { type: 'application/ld+json' }, content };
}

const organisationSubtypes = new Set(['state', 'armed-group', 'organisation', 'media', 'government']);

function schemaDate(value: DateValue | undefined): string | undefined {
  if (!value) return undefined;
  if (value.precision === 'month') return value.start.slice(0, 7);
  if (value.precision === 'year') return value.start.slice(0, 4);
  return value.start;
}

export function entityJsonLd(entity: Entity, names: ReadonlyMap<string, string>): HeadEntry {
  const common = { name: entity.name, description: entity.description, ...(entity.aliases.length > 0 && { alternateName: entity.aliases }) };
  const geo = entity.coordinates && { geo: { '@type': 'GeoCoordinates', latitude: entity.coordinates[0], longitude: entity.coordinates[1] } };
  switch (entity.kind) {
    case 'actor':
      return jsonLdHead({
        '@type': entity.subtype === 'person' ? 'Person' : organisationSubtypes.has(entity.subtype) ? 'Organization' : 'Thing',
        ...common,
        ...(entity.affiliation.length > 0 && {
          [entity.subtype === 'person' ? 'affiliation' : 'parentOrganization']: entity.affiliation.map((id) => ({ '@type': 'Organization', name: names.get(id) ?? id })),
        }),
      });
    case 'event':
      return jsonLdHead({
        '@type': 'Event',
        ...common,
        ...(entity.date && { startDate: schemaDate(entity.date) }),
        ...(entity.date && entity.date.end !== entity.date.start && entity.date.precision === 'range' && { endDate: entity.date.end }),
        ...(entity.place && { location: { '@type': 'Place', name: names.get(entity.place) ?? entity.place } }),
        ...(entity.participants.length > 0 && { attendee: entity.participants.map((id) => ({ '@type': 'Thing', name: names.get(id) ?? id })) }),
      });
    default:
      return jsonLdHead({ '@type': 'Place', ...common, ...geo });
  }
}

export function articleJsonLd(article: { title: string; description: string; outlet?: string; author?: string; published?: DateValue; url?: string }): HeadEntry {
  return jsonLdHead({
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.description,
    ...(article.published && { datePublished: schemaDate(article.published) }),
    ...(article.author && { author: { '@type': 'Organization', name: article.author } }),
    ...(article.outlet && { publisher: { '@type': 'Organization', name: article.outlet } }),
    ...(article.url && /^https?:\/\//.test(article.url) && { url: article.url }),
  });
}

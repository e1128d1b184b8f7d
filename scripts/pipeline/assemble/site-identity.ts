/**
 * The site's title and description when content/site.yaml does not give them:
 * built only from what the articles hold (the entities they mention most, across
 * most sources, and the span of their publication dates), so a site never names
 * a story its articles do not tell.
 */
import type { DateValue, Entity, KnowledgeModel } from '../model.ts';
import { discoveryThresholds, type SiteSettings, type SiteSettingsInput } from './home-page.ts';
import { SITE_TEXT_LIMITS } from '../ingest/site-settings.ts';

export const NEUTRAL_TITLE = 'News briefing';

type IdentityModel = Pick<KnowledgeModel, 'articles' | 'entities' | 'mentions'>;

interface Subject {
  entity: Entity;
  sources: number;
  mentions: number;
}

/** Entities by how many sources mention them, then how often; events are what happened, not what the story is about. */
function rankedSubjects(model: IdentityModel): Subject[] {
  const byId = new Map(model.entities.filter((entity) => entity.kind !== 'event').map((entity) => [entity.id, entity]));
  const tally = new Map<string, { sources: Set<string>; mentions: number }>();
  for (const mention of model.mentions) {
    if (!byId.has(mention.entityId)) continue;
    const entry = tally.get(mention.entityId) ?? { sources: new Set<string>(), mentions: 0 };
    entry.sources.add(mention.articleSlug);
    entry.mentions++;
    tally.set(mention.entityId, entry);
  }
  // A subject of the whole story is named by more than one source wherever there is more than one.
  const minSources = Math.min(2, model.articles.length);
  return [...tally]
    .map(([id, entry]) => ({ entity: byId.get(id)!, sources: entry.sources.size, mentions: entry.mentions }))
    .filter((subject) => subject.sources >= minSources)
    .sort((a, b) => b.sources - a.sources || b.mentions - a.mentions || a.entity.name.localeCompare(b.entity.name));
}

function listed(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

function publicationSpan(model: IdentityModel): { from: DateValue; to: DateValue } | undefined {
  const dates = model.articles.flatMap((article) => (article.meta.published ? [article.meta.published] : []));
  if (dates.length === 0) return undefined;
  const sorted = [...dates].sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end));
  return { from: sorted[0]!, to: sorted.at(-1)! };
}

/** The longest prefix of `names` whose title still fits the limit. */
function fittingTitle(names: readonly string[]): string {
  for (let count = Math.min(3, names.length); count > 0; count--) {
    const title = `Briefing: ${listed(names.slice(0, count))}`;
    if (title.length <= SITE_TEXT_LIMITS.title) return title;
  }
  return NEUTRAL_TITLE;
}

export function deriveSiteIdentity(model: IdentityModel): { title: string; description: string } {
  const count = model.articles.length;
  if (count === 0) return { title: NEUTRAL_TITLE, description: 'A briefing built from news articles. There are no sources yet.' };

  const subjects = rankedSubjects(model);
  const actors = subjects.filter((subject) => subject.entity.kind === 'actor' || subject.entity.kind === 'base').map((subject) => subject.entity.name);
  const places = subjects.filter((subject) => subject.entity.kind === 'place').map((subject) => subject.entity.name);
  const title = fittingTitle(actors.length > 0 ? actors : places);

  const span = publicationSpan(model);
  const articles = count === 1 ? 'one news article' : `${count} news articles`;
  const when = !span ? '' : span.from.label === span.to.label ? ` published ${span.from.precision === 'day' ? 'on' : 'in'} ${span.from.label}` : ` published between ${span.from.label} and ${span.to.label}`;
  const about = actors.length > 0 ? `, on ${listed(actors.slice(0, 4))}` : '';
  const where = places.length > 0 ? ` (places: ${listed(places.slice(0, 3))})` : '';
  const description = `A cross-linked briefing built from ${articles}${when}${about}${where}. Every statement links to the paragraph of the source that makes it.`;
  return { title, description: description.length <= SITE_TEXT_LIMITS.description ? description : `A cross-linked briefing built from ${articles}${when}.` };
}

/** site.yaml where it speaks, the articles where it is silent. */
export function resolveSiteSettings(given: SiteSettingsInput, model: IdentityModel): SiteSettings {
  const derived = given.title !== undefined && given.description !== undefined ? undefined : deriveSiteIdentity(model);
  return {
    title: given.title ?? derived!.title,
    ...(given.tagline !== undefined && { tagline: given.tagline }),
    description: given.description ?? derived!.description,
    discovery: discoveryThresholds(given),
  };
}

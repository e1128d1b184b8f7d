import type { DateValue, EntityKind, KnowledgeModel } from '../model.ts';
import { entityPath, sourcePath } from './paths.ts';
import { outletLabel } from './source-page.ts';

/** Site-wide settings from content/site.yaml. */
export interface SiteSettings {
  title: string;
  tagline?: string;
  description: string;
}

export interface HomeSource {
  path: string;
  title: string;
  outlet: string;
  published?: DateValue;
}

export interface HomeEntity {
  path: string;
  name: string;
  kind: EntityKind;
  subtype: string;
  mentions: number;
}

export interface HomePage {
  kind: 'home';
  path: '/';
  title: string;
  tagline?: string;
  description: string;
  counts: Record<EntityKind | 'source', number>;
  /** First and last publication dates in the corpus. */
  span?: { from: DateValue; to: DateValue };
  /** Newest first. */
  sources: HomeSource[];
  /** Most-mentioned entities of each kind, for "Start here". */
  leading: HomeEntity[];
}

/** Newest first; undated sources last, then by title so the order is stable. */
export function byPublicationDesc(a: { published?: DateValue; title: string }, b: { published?: DateValue; title: string }): number {
  const left = a.published?.start ?? '';
  const right = b.published?.start ?? '';
  if (left !== right) return left < right ? 1 : -1;
  return a.title.localeCompare(b.title);
}

export function assembleHomePage(model: KnowledgeModel, settings: SiteSettings, leadingPerKind = 6): HomePage {
  const sources = model.articles
    .map((article) => ({
      path: sourcePath(article.slug),
      title: article.meta.title,
      outlet: outletLabel(article),
      published: article.meta.published,
    }))
    .sort(byPublicationDesc);
  const dated = sources.flatMap((source) => (source.published ? [source.published] : []));
  const sortedDates = [...dated].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));

  const mentionCounts = new Map<string, number>();
  for (const mention of model.mentions) mentionCounts.set(mention.entityId, (mentionCounts.get(mention.entityId) ?? 0) + 1);

  const counts: HomePage['counts'] = { actor: 0, base: 0, event: 0, place: 0, source: model.articles.length };
  for (const entity of model.entities) counts[entity.kind]++;

  const leading: HomeEntity[] = [];
  for (const kind of ['actor', 'base', 'event'] as const) {
    leading.push(
      ...model.entities
        .filter((entity) => entity.kind === kind)
        .map((entity) => ({
          path: entityPath(entity.kind, entity.id),
          name: entity.name,
          kind: entity.kind,
          subtype: entity.subtype,
          mentions: mentionCounts.get(entity.id) ?? 0,
        }))
        .filter((entity) => entity.mentions > 0)
        .sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name))
        .slice(0, leadingPerKind),
    );
  }

  const first = sortedDates[0];
  const last = sortedDates.at(-1);
  return {
    kind: 'home',
    path: '/',
    title: settings.title,
    tagline: settings.tagline,
    description: settings.description,
    counts,
    ...(first && last && { span: { from: first, to: last } }),
    sources,
    leading,
  };
}

import type { DateValue, EntityKind, KnowledgeModel } from '../model.ts';
import { DEFAULT_DISCOVERY_THRESHOLDS, type DiscoveryThresholds } from '../resolve/thresholds.ts';
import { sourcePath } from '../shared/paths.ts';
import type { StatementView } from './citations.ts';
import { outletLabel } from '../shared/outlet.ts';
import type { MapChart } from '../charts/map.ts';
import type { NetworkChart } from '../charts/network.ts';
import { timelineData, type TimelineData } from '../charts/timeline.ts';
import { coverageData, type CoverageData } from '../charts/coverage.ts';

/**
 * When a name found in the texts (not in the registry) earns a page; one
 * definition, in resolve/thresholds.ts. content/site.yaml may override each
 * field (`discovery:`); see docs/registry.md.
 */
export type { DiscoveryThresholds };
export const DEFAULT_DISCOVERY: DiscoveryThresholds = DEFAULT_DISCOVERY_THRESHOLDS;

/** The site's identity as built: from content/site.yaml where it gives it, else from the articles (site-identity.ts). */
export interface SiteSettings {
  title: string;
  tagline?: string;
  description: string;
  /** Absent means DEFAULT_DISCOVERY; read it with `discoveryThresholds`. */
  discovery?: DiscoveryThresholds;
}

/** What content/site.yaml gave (the file is optional, and so is each field). */
export type SiteSettingsInput = Partial<SiteSettings>;

export function discoveryThresholds(settings: SiteSettingsInput): DiscoveryThresholds {
  return { ...DEFAULT_DISCOVERY, ...settings.discovery };
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
  sources: number;
  date?: DateValue;
}

/** What the home page needs to know of each briefing page. */
export interface EntitySummary {
  entity: { id: string; name: string; kind: EntityKind; subtype: string; date?: DateValue };
  path: string;
  stats: { mentions: number; sources: number };
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
  /** What happened, in the sources' own cited sentences, newest first (home-lede.ts). */
  lede?: StatementView[];
  /** Newest first. */
  sources: HomeSource[];
  /** Most-mentioned entities of each kind, for "Start here". */
  leading: HomeEntity[];
  /** Map of bases and places (scripts/pipeline/charts/map.ts). */
  map?: MapChart;
  /** Relation network of actors, bases and events (scripts/pipeline/charts/network.ts). */
  network?: NetworkChart;
  /** Timeline of the whole story (scripts/pipeline/charts/timeline.ts). */
  timeline?: TimelineData;
  /** Sources × entities mention counts (scripts/pipeline/charts/coverage.ts). */
  coverage?: CoverageData;
}

/** Newest first; undated sources last, then by title so the order is stable. */
export function byPublicationDesc(a: { published?: DateValue; title: string }, b: { published?: DateValue; title: string }): number {
  const left = a.published?.start ?? '';
  const right = b.published?.start ?? '';
  if (left !== right) return left < right ? 1 : -1;
  return a.title.localeCompare(b.title);
}

export function assembleHomePage(
  model: Pick<KnowledgeModel, 'articles' | 'entities' | 'statements' | 'mentions'>,
  summaries: readonly EntitySummary[],
  settings: SiteSettings,
  leadingPerKind = 6,
): HomePage {
  const sources = model.articles
    .map((article) => ({
      path: sourcePath(article.slug),
      title: article.meta.title,
      outlet: outletLabel(article),
      published: article.meta.published,
    }))
    .sort(byPublicationDesc);
  const sortedDates = sources
    .flatMap((source) => (source.published ? [source.published] : []))
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));

  const counts: HomePage['counts'] = { actor: 0, base: 0, event: 0, place: 0, source: model.articles.length };
  for (const entity of model.entities) counts[entity.kind]++;

  const view = (summary: EntitySummary): HomeEntity => ({
    path: summary.path,
    name: summary.entity.name,
    kind: summary.entity.kind,
    subtype: summary.entity.subtype,
    mentions: summary.stats.mentions,
    sources: summary.stats.sources,
    ...(summary.entity.date && { date: summary.entity.date }),
  });
  const covered = summaries.filter((summary) => summary.stats.sources > 0);
  const leading: HomeEntity[] = [];
  for (const kind of ['actor', 'base'] as const) {
    leading.push(
      ...covered
        .filter((summary) => summary.entity.kind === kind)
        .sort((a, b) => b.stats.sources - a.stats.sources || b.stats.mentions - a.stats.mentions || a.entity.name.localeCompare(b.entity.name))
        .slice(0, leadingPerKind)
        .map(view),
    );
  }
  // Events: the latest first, so the home page reads as "what happened most recently".
  leading.push(
    ...covered
      .filter((summary) => summary.entity.kind === 'event')
      .sort((a, b) => (b.entity.date?.start ?? '').localeCompare(a.entity.date?.start ?? '') || a.entity.name.localeCompare(b.entity.name))
      .slice(0, leadingPerKind)
      .map(view),
  );

  const timeline = timelineData(model.entities, model.statements, new Map(model.articles.map((article) => [article.slug, article])));
  const coverage = coverageData(model);
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
    ...(timeline.events.length + timeline.statements.length > 0 && { timeline }),
    ...(coverage.sources.length > 0 && coverage.entities.length > 0 && { coverage }),
  };
}

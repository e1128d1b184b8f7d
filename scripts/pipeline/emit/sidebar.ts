/**
 * The Starlight sidebar for the generated site.
 *
 * Starlight renders the whole sidebar into every page, so a sidebar that lists
 * every source makes the build quadratic in the number of sources (5,000
 * sources × 5,000 links per page). Sources are reached through their index
 * page instead; the curated registry (actors, bases, events) stays listed.
 */
import type { Entity } from '../model.ts';
import { entityPath, kindFolder } from '../shared/paths.ts';

export interface SidebarLink {
  label: string;
  link: string;
}
export interface SidebarGroup {
  label: string;
  collapsed?: boolean;
  items: SidebarItem[];
}
export type SidebarItem = SidebarLink | SidebarGroup;

const subtypeLabels: Record<string, string> = {
  person: 'People',
  state: 'States',
  'armed-group': 'Armed groups',
  organisation: 'Organisations',
  media: 'Media',
  government: 'Governments',
};

function subtypeLabel(subtype: string): string {
  return subtypeLabels[subtype] ?? subtype.charAt(0).toUpperCase() + subtype.slice(1).replace(/-/g, ' ');
}

function entityLink(entity: Entity): SidebarLink {
  return { label: entity.name, link: entityPath(entity.kind, entity.id) };
}

/**
 * A group lists its pages up to this many; a larger one (hundreds of people
 * at 5,000 articles) links to its index page instead. Starlight renders the
 * whole sidebar into every page: with 340 actors listed it was two thirds of
 * every page's HTML and most of Astro's rendering time.
 */
export const MAX_SIDEBAR_GROUP = 30;

function byName(a: Entity, b: Entity): number {
  return a.name.localeCompare(b.name);
}

/** Events in date order (undated last), then by name. */
function byDate(a: Entity, b: Entity): number {
  const left = a.date?.start ?? '9999';
  const right = b.date?.start ?? '9999';
  return left < right ? -1 : left > right ? 1 : byName(a, b);
}

export function buildSidebar(entities: readonly Entity[]): SidebarItem[] {
  const ofKind = (kind: Entity['kind']) => entities.filter((entity) => entity.kind === kind);

  const actorGroups = new Map<string, Entity[]>();
  for (const actor of ofKind('actor').sort(byName)) {
    const group = actorGroups.get(actor.subtype) ?? [];
    group.push(actor);
    actorGroups.set(actor.subtype, group);
  }

  const items: SidebarItem[] = [{ label: 'Overview', link: '/' }];
  if (actorGroups.size > 0) {
    items.push({
      label: 'Actors',
      items: [
        { label: 'All actors', link: `/${kindFolder.actor}/` },
        ...[...actorGroups.entries()]
          .sort(([a], [b]) => subtypeLabel(a).localeCompare(subtypeLabel(b)))
          .map(([subtype, members]): SidebarItem =>
            // No count in the label: every page carries the sidebar, and a count that moves with each
            // article made an incremental build render every page again (the index page gives it).
            members.length > MAX_SIDEBAR_GROUP
              ? { label: subtypeLabel(subtype), link: `/${kindFolder.actor}/` }
              : { label: subtypeLabel(subtype), collapsed: true, items: members.map(entityLink) },
          ),
      ],
    });
  }
  for (const [kind, label] of [
    ['base', 'Bases'],
    ['event', 'Events'],
    ['place', 'Places'],
  ] as const) {
    const members = ofKind(kind).sort(kind === 'event' ? byDate : byName);
    if (members.length === 0) continue;
    items.push({
      label,
      collapsed: kind === 'place',
      items: [
        { label: `All ${label.toLowerCase()}`, link: `/${kindFolder[kind]}/` },
        ...(members.length > MAX_SIDEBAR_GROUP ? [] : members.map(entityLink)),
      ],
    });
  }
  items.push({ label: 'Sources', link: '/sources/' });
  return items;
}

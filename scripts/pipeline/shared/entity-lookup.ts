/**
 * Lookups over an entity list, made once per list. The per-article stages
 * (quotes, descriptors) are given the whole registry for each article but
 * read only the entities the article names: building a map of every entity
 * per article made them grow with articles × entities, and left the collector
 * those maps to sweep (the cold pipeline at 5,000 articles took 47–50 s with them,
 * 40–41 s without: docs/bench.md, twenty-second pass). Pure: a memo keyed by
 * the list, which the stages never change; a list that has grown since is
 * indexed again.
 */
import type { Entity } from '../model.ts';

export interface EntityLookup {
  byId: ReadonlyMap<string, Entity>;
  /** Ids of the people (`actor` entities of subtype `person`). */
  persons: ReadonlySet<string>;
}

const lookups = new WeakMap<readonly Entity[], { length: number; lookup: EntityLookup }>();

export function entityLookup(entities: readonly Entity[]): EntityLookup {
  const known = lookups.get(entities);
  if (known && known.length === entities.length) return known.lookup;
  const byId = new Map<string, Entity>();
  const persons = new Set<string>();
  for (const entity of entities) {
    byId.set(entity.id, entity);
    if (entity.kind === 'actor' && entity.subtype === 'person') persons.add(entity.id);
  }
  const lookup = { byId, persons };
  lookups.set(entities, { length: entities.length, lookup });
  return lookup;
}

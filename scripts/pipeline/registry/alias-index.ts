/**
 * A plain lookup from surface text to the entities it can stand for. Matching
 * strategy (word boundaries, possessives, context) belongs to the linker; this
 * is only the table it starts from.
 */
import type { Entity, MentionVia } from '../model.ts';

export interface AliasTarget {
  entityId: string;
  via: Exclude<MentionVia, 'surname'>;
}

/**
 * Exact surface string (case-sensitive, NFC) → targets. More than one target
 * only happens for the allowed metonym/place overlap ("Moscow").
 */
export type AliasIndex = Record<string, AliasTarget[]>;

export function buildAliasIndex(entities: readonly Entity[]): AliasIndex {
  // Null prototype: a term like "constructor" must not hit Object.prototype.
  const index: AliasIndex = Object.create(null) as AliasIndex;
  const add = (text: string, target: AliasTarget): void => {
    const key = text.normalize('NFC');
    const targets = (index[key] ??= []);
    if (!targets.some((t) => t.entityId === target.entityId)) targets.push(target);
  };
  for (const entity of entities) {
    add(entity.name, { entityId: entity.id, via: 'name' });
    for (const alias of entity.aliases) add(alias, { entityId: entity.id, via: 'alias' });
    for (const demonym of entity.demonyms) add(demonym, { entityId: entity.id, via: 'demonym' });
    for (const metonym of entity.metonyms) add(metonym, { entityId: entity.id, via: 'metonym' });
  }
  return index;
}

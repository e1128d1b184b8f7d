/**
 * Checks that need the whole registry: duplicate ids, names that would make
 * the linker ambiguous, and references to entities that do not exist.
 */
import type { Diagnostic, Entity, EntityKind } from '../model.ts';
import type { LocatedEntity } from './validate-entry.ts';

/**
 * Keep the first definition of each id; later ones are reported (with both
 * locations) and dropped, so every page slug stays unique.
 */
export function dropDuplicateIds(entries: readonly LocatedEntity[]): { kept: LocatedEntity[]; diagnostics: Diagnostic[] } {
  const firstById = new Map<string, Entity>();
  const kept: LocatedEntity[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const located of entries) {
    const { entity } = located;
    const first = firstById.get(entity.id);
    if (first) {
      diagnostics.push({
        severity: 'error',
        code: 'registry/duplicate-id',
        file: entity.file,
        line: located.lineOf(['id']),
        message: `entry "${entity.id}": field "id": duplicate id, already defined at ${first.file}:${first.line}; this one (${entity.file}:${entity.line}) is skipped`,
      });
      continue;
    }
    firstById.set(entity.id, entity);
    kept.push(located);
  }
  return { kept, diagnostics };
}

type TermField = 'name' | 'aliases' | 'demonyms' | 'metonyms';

interface TermUse {
  entity: Entity;
  field: TermField;
  index: number;
  line: number;
}

/** Case-insensitive, NFC, whitespace-collapsed: "al-Sharaa" and "Al-Sharaa " collide. */
export function termKey(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * The one deliberate overlap: a metonym may repeat a place's name or alias
 * (Russia's metonym "Moscow" vs the city Moscow). The linker decides by context.
 */
function overlapAllowed(a: TermUse, b: TermUse): boolean {
  const isPlaceName = (u: TermUse): boolean => u.entity.kind === 'place' && (u.field === 'name' || u.field === 'aliases');
  return (a.field === 'metonyms' && isPlaceName(b)) || (b.field === 'metonyms' && isPlaceName(a));
}

const SINGULAR: Record<TermField, string> = { name: 'name', aliases: 'alias', demonyms: 'demonym', metonyms: 'metonym' };

/**
 * Every name, alias, demonym and metonym must point at one entity. A clash is
 * an error naming both entries; the later alias/demonym/metonym is removed so
 * the linker never sees an ambiguous term (a clashing `name` stays: it is
 * required). Exact repeats inside one entry are only a warning; case variants
 * inside one entry are allowed.
 */
export function checkTermClashes(entries: readonly LocatedEntity[]): { entities: Entity[]; diagnostics: Diagnostic[] } {
  const usesByKey = new Map<string, TermUse[]>();
  const diagnostics: Diagnostic[] = [];
  const entities: Entity[] = [];

  for (const { entity, lineOf } of entries) {
    const dropped = new Set<string>();
    const fields: TermField[] = ['name', 'aliases', 'demonyms', 'metonyms'];
    const ownKeys = new Set<string>();
    for (const field of fields) {
      const terms = field === 'name' ? [entity.name] : entity[field];
      terms.forEach((text, index) => {
        const path = field === 'name' ? ['name'] : [field, index];
        const use: TermUse = { entity, field, index, line: lineOf(path) };
        const key = termKey(text);
        const exact = text.normalize('NFC');
        const where = `field "${field === 'name' ? 'name' : `${field}[${index}]`}"`;
        if (ownKeys.has(exact)) {
          diagnostics.push({
            severity: 'warning',
            code: 'registry/repeated-term',
            file: entity.file,
            line: use.line,
            message: `entry "${entity.id}": ${where}: "${text}" is repeated within the entry, ignored`,
          });
          if (field !== 'name') dropped.add(`${field}:${index}`);
          return;
        }
        const others = usesByKey.get(key) ?? [];
        // Case variants inside one entry are fine ("Qamishli Airport" / "Qamishli airport"):
        // aliases match case-sensitively and both point at the same entity.
        const clash = others.find((other) => other.entity !== entity && !overlapAllowed(use, other));
        if (clash) {
          diagnostics.push({
            severity: 'error',
            code: 'registry/duplicate-term',
            file: entity.file,
            line: use.line,
            message:
              `entry "${entity.id}": ${where}: ${SINGULAR[field]} "${text}" is already the ${SINGULAR[clash.field]} of ` +
              `entry "${clash.entity.id}" (${clash.entity.file}:${clash.line})` +
              (field === 'name' ? '' : `; removed from entry "${entity.id}"`),
          });
          if (field !== 'name') {
            dropped.add(`${field}:${index}`);
            return;
          }
        }
        ownKeys.add(exact);
        others.push(use);
        usesByKey.set(key, others);
      });
    }
    if (dropped.size === 0) {
      entities.push(entity);
    } else {
      const keep = (field: TermField) => (_: string, index: number) => !dropped.has(`${field}:${index}`);
      entities.push({
        ...entity,
        aliases: entity.aliases.filter(keep('aliases')),
        demonyms: entity.demonyms.filter(keep('demonyms')),
        metonyms: entity.metonyms.filter(keep('metonyms')),
      });
    }
  }
  return { entities, diagnostics };
}

/** Which kind a reference field should point at, when the format implies one. */
const EXPECTED_KIND: Partial<Record<'operator' | 'place', EntityKind>> = { operator: 'actor', place: 'place' };

/** References to unknown ids are warnings: the page renders, the link is just missing. */
export function checkReferences(entries: readonly LocatedEntity[]): Diagnostic[] {
  const byId = new Map(entries.map(({ entity }) => [entity.id, entity]));
  const diagnostics: Diagnostic[] = [];
  for (const { entity, lineOf } of entries) {
    const check = (field: 'affiliation' | 'participants' | 'operator' | 'place', id: string, path: PropertyKey[]): void => {
      const target = byId.get(id);
      const where = `entry "${entity.id}": field "${field}"`;
      if (!target) {
        diagnostics.push({
          severity: 'warning',
          code: 'registry/unknown-reference',
          file: entity.file,
          line: lineOf(path),
          message: `${where}: no entry has id "${id}"`,
        });
        return;
      }
      const expected = field === 'operator' || field === 'place' ? EXPECTED_KIND[field] : undefined;
      if (expected && target.kind !== expected) {
        diagnostics.push({
          severity: 'warning',
          code: 'registry/reference-kind',
          file: entity.file,
          line: lineOf(path),
          message: `${where}: "${id}" is a ${target.kind}, expected a ${expected}`,
        });
      }
    };
    entity.affiliation.forEach((id, i) => check('affiliation', id, ['affiliation', i]));
    entity.participants.forEach((id, i) => check('participants', id, ['participants', i]));
    if (entity.operator !== undefined) check('operator', entity.operator, ['operator']);
    if (entity.place !== undefined) check('place', entity.place, ['place']);
  }
  return diagnostics;
}

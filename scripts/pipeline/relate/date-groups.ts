/**
 * Entity date facts: statements about one entity carrying the same date value,
 * from at least two articles — corroboration such as "Assad ousted in December
 * 2024" in two outlets. Deliberately simple: same entity, same exact date range
 * (start, end and precision), no inference. Event entities are left out because
 * event groups cover them.
 */
import type { DateValue, Entity, Statement } from '../model.ts';

export const MIN_ARTICLES_FOR_DATE_FACT = 2;

export interface DateFact {
  entityId: string;
  date: DateValue;
  statements: Statement[];
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function dateFacts(statements: readonly Statement[], entities: ReadonlyMap<string, Entity>): DateFact[] {
  const facts = new Map<string, DateFact & { ids: Set<string> }>();
  for (const statement of statements) {
    const dates = new Map((statement.dates ?? []).map((d) => [`${d.value.precision}|${d.value.start}|${d.value.end}`, d.value]));
    for (const entityId of new Set(statement.entityIds ?? [])) {
      if (entities.get(entityId)?.kind === 'event') continue;
      for (const [dateKey, date] of dates) {
        const key = `${entityId}|${dateKey}`;
        let fact = facts.get(key);
        if (!fact) {
          fact = { entityId, date, statements: [], ids: new Set() };
          facts.set(key, fact);
        }
        if (!fact.ids.has(statement.id)) {
          fact.ids.add(statement.id);
          fact.statements.push(statement);
        }
      }
    }
  }
  return [...facts.values()]
    .filter((f) => new Set(f.statements.map((s) => s.articleSlug)).size >= MIN_ARTICLES_FOR_DATE_FACT)
    .map(({ entityId, date, statements: members }) => ({ entityId, date, statements: members }))
    .sort((a, b) => cmp(a.entityId, b.entityId) || cmp(a.date.start, b.date.start) || cmp(a.date.end, b.date.end));
}

/**
 * The home page's lede: what happened, in the sources' own sentences (nothing
 * is written for it). One sentence for each of the best-supported events —
 * most independent sources first, then the latest — taken from the report
 * that states it most plainly: a reported fact before an attribution, a dated
 * sentence before an undated one, never an opinion or a bare quote, short
 * enough to read at a glance. Shown newest
 * first, each with its citation.
 *
 * A story without events (the texts report no happening) gets the latest
 * dated reported facts instead, one per source.
 */
import type { ClaimGroup, Entity, Statement } from '../model.ts';
import { MAX_PLAIN_CHARS as MAX_LEDE_CHARS, plainness, reportsFact } from './claims.ts';
import { viewStatement, type ModelIndex, type StatementView } from './citations.ts';
import { statementDate } from '../shared/statement-date.ts';

export const LEDE_SENTENCES = 3;

export function homeLede(model: { claimGroups: readonly ClaimGroup[]; statements: readonly Statement[]; entities: readonly Entity[] }, index: ModelIndex): StatementView[] {
  const statements = new Map(model.statements.map((statement) => [statement.id, statement]));
  const events = new Map(model.entities.filter((entity) => entity.kind === 'event').map((entity) => [entity.id, entity]));
  const chosen: { statement: Statement; date: string }[] = [];
  const used = new Set<string>();

  const ranked = model.claimGroups
    .filter((group) => group.kind === 'event' && events.has(group.subjectId))
    .sort((a, b) => b.independentSources - a.independentSources || (events.get(b.subjectId)!.date?.start ?? '').localeCompare(events.get(a.subjectId)!.date?.start ?? '') || a.id.localeCompare(b.id));
  for (const group of ranked) {
    if (chosen.length >= LEDE_SENTENCES) break;
    const best = group.statementIds
      .map((id) => statements.get(id))
      .filter((statement): statement is Statement => statement !== undefined && reportsFact(statement) && !used.has(statement.id))
      .sort((a, b) => plainness(a) - plainness(b) || a.id.localeCompare(b.id))[0];
    if (!best) continue;
    used.add(best.id);
    // Ordered by the date the line shows, so the lede reads newest first as printed.
    chosen.push({ statement: best, date: statementDate(best)?.start ?? events.get(group.subjectId)!.date?.start ?? '' });
  }

  if (chosen.length === 0) {
    const sources = new Set<string>();
    const dated = model.statements
      .filter((statement) => statement.basis === 'assertion' && statement.dates.length > 0 && statement.text.length <= MAX_LEDE_CHARS)
      .map((statement) => ({ statement, date: statementDate(statement)?.start ?? '' }))
      .sort((a, b) => b.date.localeCompare(a.date) || a.statement.id.localeCompare(b.statement.id));
    for (const item of dated) {
      if (chosen.length >= LEDE_SENTENCES) break;
      if (sources.has(item.statement.articleSlug)) continue;
      sources.add(item.statement.articleSlug);
      chosen.push(item);
    }
  }

  return chosen
    .sort((a, b) => b.date.localeCompare(a.date) || a.statement.id.localeCompare(b.statement.id))
    .map(({ statement }) => viewStatement(index, statement, 'lede'));
}

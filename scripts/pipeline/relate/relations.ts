/** Co-mention edges between entities named in the same sentence. */
import type { Relation, Statement } from '../model.ts';

/** Sentences kept per edge as evidence. */
export const MAX_EVIDENCE = 3;
/** Entities per sentence considered for pairs; bounds the pairwise step on pathological input. */
export const MAX_ENTITIES_PER_SENTENCE = 64;

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Undirected edges (`source` < `target`), weight = distinct sentences naming
 * both, with up to MAX_EVIDENCE sentence ids in input order; sorted by weight
 * (desc), then source, then target.
 */
export function buildRelations(statements: readonly Statement[]): Relation[] {
  const edges = new Map<string, { source: string; target: string; sentences: Set<string>; evidence: string[] }>();
  for (const statement of statements) {
    const ids = [...new Set(statement.entityIds ?? [])].sort(cmp).slice(0, MAX_ENTITIES_PER_SENTENCE);
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const source = ids[i] ?? '';
        const target = ids[j] ?? '';
        const key = `${source}\u0000${target}`;
        let edge = edges.get(key);
        if (!edge) {
          edge = { source, target, sentences: new Set(), evidence: [] };
          edges.set(key, edge);
        }
        if (edge.sentences.has(statement.sentenceId)) continue;
        edge.sentences.add(statement.sentenceId);
        if (edge.evidence.length < MAX_EVIDENCE) edge.evidence.push(statement.sentenceId);
      }
    }
  }
  return [...edges.values()]
    .map(({ source, target, sentences, evidence }) => ({ source, target, weight: sentences.size, sentenceIds: evidence }))
    .sort((a, b) => b.weight - a.weight || cmp(a.source, b.source) || cmp(a.target, b.target));
}

/**
 * One line per claim. Several outlets that report the same thing in
 * near-identical words (wire copy, a reprint, a shared press release) are one
 * claim: one line led by its plainest report, with every outlet's citation and
 * the number of sources and of independent sources behind it. Pure.
 *
 * Only wording makes a claim: two sentences that merely give the same date are
 * different claims (counting them as support made one outlet's line read
 * "3 sources, 3 independent").
 */
import type { Basis, Statement } from '../model.ts';
import { UnionFind } from '../relate/union-find.ts';

/** Above this many statements, wording is compared by identical word sets only (all pairs would be quadratic). */
export const PAIRWISE_WORDING_LIMIT = 300;
/** Share of the shorter statement's words the other must contain to count as the same wording. */
const SAME_WORDING = 0.6;
/** Statements this short ("He said so.") share most words with anything; they only ever match word for word. */
const MIN_WORDS = 6;

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []);
}

function overlap(left: ReadonlySet<string>, right: ReadonlySet<string>): number {
  let shared = 0;
  for (const word of left) if (right.has(word)) shared++;
  return shared / Math.max(1, Math.min(left.size, right.size));
}

function sameWording(left: ReadonlySet<string>, right: ReadonlySet<string>): boolean {
  if (Math.min(left.size, right.size) < MIN_WORDS) return left.size === right.size && overlap(left, right) === 1;
  return overlap(left, right) >= SAME_WORDING;
}

const BASIS_RANK: Record<Basis, number> = { assertion: 0, attributed: 1, quote: 3, opinion: 4 };
/** Longer sentences carry background clauses; a lead line is read at a glance. */
export const MAX_PLAIN_CHARS = 320;

/** Lower is plainer: a reported fact before an attribution, dated (it says when), short. */
export function plainness(statement: Statement): number {
  return (
    BASIS_RANK[statement.basis] * 2000 +
    (statement.dates.length === 0 ? 1000 : 0) +
    (statement.text.length > MAX_PLAIN_CHARS ? 500 : 0) +
    Math.min(statement.text.length, 499)
  );
}

/** A line a lede may use: what an outlet reports or attributes, never an opinion or a bare quote. */
export function reportsFact(statement: Statement): boolean {
  return statement.basis === 'assertion' || statement.basis === 'attributed';
}

/** Statements of one claim, the plainest first. */
export interface Claim {
  statements: Statement[];
}

/**
 * Group `statements` into claims (same wording, transitively), in the order of
 * each claim's first statement; within a claim the plainest report leads, and
 * the others follow in input order.
 */
export function groupByWording(statements: readonly Statement[]): Claim[] {
  const sets = new UnionFind();
  statements.forEach((_, position) => sets.add(String(position)));
  const wordSets = statements.map((statement) => words(statement.text));
  if (statements.length <= PAIRWISE_WORDING_LIMIT) {
    for (let i = 0; i < statements.length; i++) {
      for (let j = i + 1; j < statements.length; j++) if (sameWording(wordSets[i]!, wordSets[j]!)) sets.union(String(i), String(j));
    }
  } else {
    const first = new Map<string, number>();
    wordSets.forEach((set, position) => {
      const key = [...set].sort().join(' ');
      const seen = first.get(key);
      if (seen === undefined) first.set(key, position);
      else sets.union(String(seen), String(position));
    });
  }
  // Groups come in first-seen order of their members, which were added in input order.
  return sets.groups().map((positions) => {
    const members = positions.map((position) => statements[Number(position)]!);
    const lead = members.reduce((best, statement) => (plainness(statement) < plainness(best) ? statement : best));
    return { statements: [lead, ...members.filter((statement) => statement !== lead)] };
  });
}

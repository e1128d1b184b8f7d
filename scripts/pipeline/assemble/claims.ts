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
import { distinctSorted, intersectionSize, isPlainText, leastCountReaching, plainWords } from '../relate/text.ts';
import { IndexUnionFind } from '../relate/union-find.ts';
import { rememberedByText } from '../shared/remembered.ts';
import { numbering } from '../shared/numbering.ts';

/** Above this many statements, wording is compared by identical word sets only (all pairs would be quadratic). */
export const PAIRWISE_WORDING_LIMIT = 300;
/** Share of the shorter statement's words the other must contain to count as the same wording. */
const SAME_WORDING = 0.6;
/** Statements this short ("He said so.") share most words with anything; they only ever match word for word. */
const MIN_WORDS = 6;

/**
 * Every word compared so far, numbered in the order first seen. Any one
 * numbering of the words serves `sameWording`'s merge and `wordSetOf`'s key;
 * one for all pages lets each statement's numbers be made once, where
 * numbering each page's words afresh (sorting them, then every statement's
 * list again) was most of the grouping.
 */
const wordNumber = numbering<string>();

/**
 * Every word set of a long list grouped so far, numbered in the order first
 * seen: a statement is grouped on the page of each entity it names, so its
 * set is keyed once, and the groups are keyed by a number.
 */
const wordSetNumber = numbering<string>();

/**
 * A statement's distinct words, remembered per statement object: a sentence
 * naming three entities is grouped on each of their pages, and at 5,000
 * articles a state's page groups tens of thousands of statements. Only the
 * numbers are kept, not the words: these memos hold every statement for the
 * whole build, and a string per word made them large and slow to collect
 * (with the hashes `independence.ts` keeps, about 300 MiB less heap at 5,000
 * articles).
 */
interface Wording {
  /** The distinct words as numbers (`wordNumber`), ascending. */
  numbers: Int32Array;
  /** The word set as one number (`wordSetNumber`); made the first time a long list is grouped. */
  set?: number;
}
// A sentence's few repeated words are dropped once numbered, not hashed twice into a Set first.
// Plain text (relate/text.ts) has the same words through ASCII classes, for about half the time.
const wordsOf = (text: string): string[] =>
  isPlainText(text) ? plainWords(text) : (text.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []);
/** The words as numbers, in a loop: `Int32Array.from(words, wordNumber)` took three to five times as long. */
function wordNumbers(words: readonly string[]): Int32Array {
  const numbers = new Int32Array(words.length);
  for (let i = 0; i < words.length; i++) numbers[i] = wordNumber(words[i]!);
  return numbers;
}
const wording = rememberedByText((text): Wording => ({ numbers: distinctSorted(wordNumbers(wordsOf(text)).sort()) }));

function wordSetOf(statement: Statement): number {
  const entry = wording(statement);
  entry.set ??= wordSetNumber(entry.numbers.join(' '));
  return entry.set;
}

function numbersOf(statement: Statement): Int32Array {
  return wording(statement).numbers;
}

/**
 * Whether two statements' word sets (ascending word numbers) are the same
 * wording: at least SAME_WORDING of the smaller set's words are in the other,
 * or, for short statements, the very same words. A sorted merge that stops
 * as soon as the share can no longer be reached (`intersectionSize`), instead
 * of a Set lookup per word: all pairs of a page's statements are compared.
 */
function sameWording(left: Int32Array, right: Int32Array): boolean {
  const smaller = Math.min(left.length, right.length);
  if (smaller < MIN_WORDS) {
    if (left.length !== right.length || left.length === 0) return false;
    for (let i = 0; i < left.length; i++) if (left[i] !== right[i]) return false;
    return true;
  }
  const needed = leastCountReaching(Math.floor(SAME_WORDING * smaller) - 1, smaller, (shared) => shared / smaller >= SAME_WORDING);
  return intersectionSize(left, right, needed) >= needed;
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
  const sets = new IndexUnionFind(statements.length);
  if (statements.length <= PAIRWISE_WORDING_LIMIT) {
    // Words as numbers, so two sets compare by a merge of integers.
    const wordSets = statements.map(numbersOf);
    for (let i = 0; i < statements.length; i++) {
      for (let j = i + 1; j < statements.length; j++) {
        // Already one claim through others: comparing them cannot change the groups.
        if (sets.find(i) === sets.find(j)) continue;
        if (sameWording(wordSets[i]!, wordSets[j]!)) sets.union(i, j);
      }
    }
  } else {
    const first = new Map<number, number>();
    statements.forEach((statement, position) => {
      const key = wordSetOf(statement);
      const seen = first.get(key);
      if (seen === undefined) first.set(key, position);
      else sets.union(seen, position);
    });
  }
  // Groups come in first-seen order of their members, which were added in input order.
  return sets.groups().map((positions) => {
    const members = positions.map((position) => statements[position]!);
    const lead = members.reduce((best, statement) => (plainness(statement) < plainness(best) ? statement : best));
    return { statements: [lead, ...members.filter((statement) => statement !== lead)] };
  });
}

/**
 * Source profiles: how each article's statements are sourced (quote,
 * attributed claim, own assertion, opinion) and which of its paragraphs it
 * shares with other articles. Shown on source pages, in the sources index and
 * in the build report. Pure.
 */
import { groupBy } from '../shared/group-by.ts';
import type { Basis, SegmentedArticle, SharedPassage, Statement } from '../model.ts';
import { paragraphPath, sourcePath } from '../shared/paths.ts';
import { outletLabel } from '../shared/outlet.ts';
import { PAGE_LIMITS } from './page-limits.ts';

export const BASES: readonly Basis[] = ['quote', 'attributed', 'assertion', 'opinion'];

export type BasisCounts = Record<Basis, number> & { total: number };

/** This article's part in a shared text: it published first, it is a later copy, or the dates do not tell. */
export type ReuseRole = 'origin' | 'copy' | 'undetermined';

export interface ReusedPassage {
  /** /sources/<this>/#<paragraph> */
  here: string;
  /** /sources/<other>/#<paragraph> */
  there: string;
  similarity: number;
}

export interface Reuse {
  /** `named`: the outlet label comes from the metadata, not from the title (then it would repeat it). */
  other: { slug: string; path: string; title: string; outlet: string; named: boolean };
  role: ReuseRole;
  passages: ReusedPassage[];
}

export interface SourceProfile {
  basis: BasisCounts;
  reuse: Reuse[];
}

export function countBasis(statements: Iterable<Pick<Statement, 'basis'>>): BasisCounts {
  const counts: BasisCounts = { quote: 0, attributed: 0, assertion: 0, opinion: 0, total: 0 };
  for (const statement of statements) {
    counts[statement.basis] += 1;
    counts.total += 1;
  }
  return counts;
}

/** Whole percentages that add up to 100 (largest remainder), so a profile never reads 101 %. */
export function basisShares(counts: BasisCounts): Record<Basis, number> {
  const shares = { quote: 0, attributed: 0, assertion: 0, opinion: 0 };
  if (counts.total === 0) return shares;
  const exact = BASES.map((basis) => ({ basis, value: (counts[basis] * 100) / counts.total }));
  for (const { basis, value } of exact) shares[basis] = Math.floor(value);
  let left = 100 - BASES.reduce((sum, basis) => sum + shares[basis], 0);
  for (const { basis } of [...exact].sort((a, b) => (b.value % 1) - (a.value % 1) || BASES.indexOf(a.basis) - BASES.indexOf(b.basis))) {
    if (left <= 0) break;
    shares[basis] += 1;
    left -= 1;
  }
  return shares;
}

function roleOf(slug: string, passage: SharedPassage): ReuseRole {
  if (passage.origin === slug) return 'origin';
  if (passage.origin === 'undetermined') return 'undetermined';
  return 'copy';
}

/** Profiles of every article, keyed by slug. */
export function profileSources(model: {
  articles: readonly SegmentedArticle[];
  statements: readonly Statement[];
  sharedPassages: readonly SharedPassage[];
}): Map<string, SourceProfile> {
  const bySlug = new Map(model.articles.map((article) => [article.slug, article]));
  const statementsBySlug = groupBy(model.statements, (statement) => statement.articleSlug);

  // slug → other slug → reuse entry
  const reuse = new Map<string, Map<string, Reuse>>();
  const add = (here: { articleSlug: string; paragraphId: string }, there: { articleSlug: string; paragraphId: string }, passage: SharedPassage) => {
    const other = bySlug.get(there.articleSlug);
    if (!other || here.articleSlug === there.articleSlug) return;
    const forArticle = reuse.get(here.articleSlug) ?? new Map<string, Reuse>();
    reuse.set(here.articleSlug, forArticle);
    const entry = forArticle.get(there.articleSlug) ?? {
      other: {
        slug: other.slug,
        path: sourcePath(other.slug),
        title: other.meta.title,
        outlet: outletLabel(other),
        named: Boolean(other.meta.outlet || other.meta.author || other.meta.url),
      },
      role: roleOf(here.articleSlug, passage),
      passages: [],
    };
    forArticle.set(there.articleSlug, entry);
    entry.passages.push({
      here: paragraphPath(here.articleSlug, here.paragraphId),
      there: paragraphPath(there.articleSlug, there.paragraphId),
      similarity: passage.similarity,
    });
  };
  for (const passage of model.sharedPassages) {
    add(passage.a, passage.b, passage);
    add(passage.b, passage.a, passage);
  }

  const profiles = new Map<string, SourceProfile>();
  for (const article of model.articles) {
    const entries = [...(reuse.get(article.slug)?.values() ?? [])]
      .map((entry) => ({ ...entry, passages: dedupePassages(entry.passages) }))
      .sort((a, b) => b.passages.length - a.passages.length || a.other.slug.localeCompare(b.other.slug));
    profiles.set(article.slug, { basis: countBasis(statementsBySlug.get(article.slug) ?? []), reuse: entries });
  }
  return profiles;
}

/** One line per pair of paragraphs, in this article's paragraph order. */
function dedupePassages(passages: readonly ReusedPassage[]): ReusedPassage[] {
  const seen = new Map<string, ReusedPassage>();
  for (const passage of passages) {
    const key = `${passage.here} ${passage.there}`;
    const known = seen.get(key);
    if (!known || known.similarity < passage.similarity) seen.set(key, passage);
  }
  return [...seen.values()];
}

/**
 * The sources a source page and the sources index name (those sharing the
 * most paragraphs first, as `profileSources` sorts them), and how many they leave out.
 */
export function shownReuse(reuse: readonly Reuse[]): { shown: Reuse[]; more: number } {
  const shown = reuse.slice(0, PAGE_LIMITS.sharedWith);
  return { shown, more: reuse.length - shown.length };
}

/** "shares 3 paragraphs with", counted by this article's paragraphs. */
export function sharedParagraphCount(reuse: Reuse): number {
  return new Set(reuse.passages.map((passage) => passage.here)).size;
}

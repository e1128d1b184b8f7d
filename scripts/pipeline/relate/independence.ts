/**
 * Independence: copies of one text count as one source.
 *
 * Article level (`independentGroups`) is coarse: two articles sharing even one
 * paragraph land in one cluster. The statement level (`countIndependentSupport`)
 * is what claim groups use: a statement from a paragraph that was NOT copied
 * still counts as independent even when its article copied other paragraphs.
 */
import type { SharedPassage } from '../model.ts';
import { jaccardAtLeast, normalizeWords, shingleSetOfHashes, wordHashes } from './text.ts';
import type { IndependentSupport, SharedPassageDetail, SupportItem } from './types.ts';
import { IndexUnionFind, UnionFind } from './union-find.ts';
import { itemKeys, placeOrdinal } from './item-keys.ts';
import { rememberedByText } from '../shared/remembered.ts';
import { numbering } from '../shared/numbering.ts';

/** Article pairs sharing at least this many passages are one copy cluster. */
export const MIN_SHARED_FOR_CLUSTER = 1;
/** Sentences of different articles this similar (3-word shingle Jaccard) are one text. */
export const NEAR_IDENTICAL_SENTENCE = 0.7;
/** Above this many support items only exact normalised-text matches are checked (keeps it linear). */
export const PAIRWISE_SENTENCE_LIMIT = 200;

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The copy side of a passage with a known origin, or undefined. */
function copySide(passage: SharedPassage): string | undefined {
  if (passage.origin === 'undetermined') return undefined;
  return passage.origin === passage.a.articleSlug ? passage.b.articleSlug : passage.a.articleSlug;
}

/**
 * Picks a root per cluster: an article that is never a known copy inside it
 * (the origin), the smallest slug among those; or the smallest slug overall.
 */
function chooseRoot(members: readonly string[], copies: ReadonlySet<string>, preferred?: ReadonlySet<string>): string {
  const sorted = [...members].sort(cmp);
  const originals = sorted.filter((m) => !copies.has(m));
  const pool = originals.length > 0 ? originals : sorted;
  const favoured = preferred ? pool.filter((m) => preferred.has(m)) : [];
  return favoured[0] ?? pool[0] ?? '';
}

/** Whether `candidate` names a copy's origin better than `current`: a credited article first, then the smaller slug. */
function betterOrigin(candidate: string, current: string, credited: ReadonlySet<string>): boolean {
  if (credited.has(candidate) !== credited.has(current)) return credited.has(candidate);
  return cmp(candidate, current) < 0;
}

/**
 * Maps each article slug to the root slug of its copy cluster (union-find over
 * article pairs that share ≥ MIN_SHARED_FOR_CLUSTER passages). Slugs absent
 * from `articleSlugs` but present in `shared` are included too.
 */
export function independentGroups(articleSlugs: readonly string[], shared: readonly SharedPassage[]): Record<string, string> {
  const sets = new UnionFind();
  for (const slug of [...articleSlugs].sort(cmp)) sets.add(slug);
  const pairCounts = new Map<string, number>();
  const copies = new Set<string>();
  for (const passage of shared) {
    const [x, y] = [passage.a.articleSlug, passage.b.articleSlug].sort(cmp) as [string, string];
    if (x === y) continue;
    const key = `${x}\u0000${y}`;
    const count = (pairCounts.get(key) ?? 0) + 1;
    pairCounts.set(key, count);
    if (count >= MIN_SHARED_FOR_CLUSTER) sets.union(x, y);
    const copy = copySide(passage);
    if (copy) copies.add(copy);
  }
  const roots: Record<string, string> = {};
  const clusters = sets.groups().sort((p, q) => cmp([...p].sort(cmp)[0] ?? '', [...q].sort(cmp)[0] ?? ''));
  for (const members of clusters) {
    const root = chooseRoot(members, copies);
    for (const member of [...members].sort(cmp)) roots[member] = root;
  }
  return roots;
}

/** Distinct roots among `slugs` (a slug without a root is its own root). */
export function countIndependent(
  slugs: readonly string[],
  roots: ReadonlyMap<string, string> | Readonly<Record<string, string>>,
): number {
  const lookup = (slug: string): string =>
    (roots instanceof Map ? roots.get(slug) : (roots as Record<string, string>)[slug]) ?? slug;
  return new Set(slugs.map(lookup)).size;
}

/**
 * A passage list with its articles as numbers, built once per list: claim
 * groups and briefing pages call `countIndependentSupport` thousands of times
 * with the same list. A hub's count reaches most of the list, so finding the
 * passages among its articles must cost array reads, not string hashing.
 */
interface PassageTable {
  ordinals: Map<string, number>;
  /** Each passage's two articles, by ordinal. */
  a: Int32Array;
  b: Int32Array;
  /** Positions of the passages touching each article, in list order (a passage within one article once). */
  byArticle: number[][];
  /** Each passage's lookup keys, made the first time a count reads it (see `passageKeys`). */
  keys: (PassageKeys | undefined)[];
}

/** The places (`placeOrdinal`s of article and paragraph or sentence) a passage joins. */
type PassageKeys = { kind: 'paragraph'; a: number; b: number } | { kind: 'sentence'; pairs: [number, number][] };

const passageTables = new WeakMap<readonly SharedPassage[], PassageTable>();

function passageTable(shared: readonly SharedPassage[]): PassageTable {
  let table = passageTables.get(shared);
  if (table) return table;
  const ordinals = new Map<string, number>();
  const byArticle: number[][] = [];
  const ordinal = (slug: string): number => {
    let known = ordinals.get(slug);
    if (known === undefined) {
      known = byArticle.length;
      ordinals.set(slug, known);
      byArticle.push([]);
    }
    return known;
  };
  const a = new Int32Array(shared.length);
  const b = new Int32Array(shared.length);
  shared.forEach((passage, position) => {
    a[position] = ordinal(passage.a.articleSlug);
    b[position] = ordinal(passage.b.articleSlug);
    byArticle[a[position]!]!.push(position);
    if (b[position] !== a[position]) byArticle[b[position]!]!.push(position);
  });
  table = { ordinals, a, b, byArticle, keys: new Array(shared.length) };
  passageTables.set(shared, table);
  return table;
}

function passageKeys(table: PassageTable, passage: SharedPassage | SharedPassageDetail, position: number): PassageKeys {
  let keys = table.keys[position];
  if (keys) return keys;
  const detail = passage as Partial<SharedPassageDetail>;
  keys =
    detail.match === 'sentence' && detail.sentences
      ? { kind: 'sentence', pairs: detail.sentences.map((pair) => [placeOrdinal(passage.a.articleSlug, pair.a), placeOrdinal(passage.b.articleSlug, pair.b)]) }
      : { kind: 'paragraph', a: placeOrdinal(passage.a.articleSlug, passage.a.paragraphId), b: placeOrdinal(passage.b.articleSlug, passage.b.paragraphId) };
  table.keys[position] = keys;
  return keys;
}

/** Positions of the passages joining two of `articles`, in list order (only those can link support items). */
function passagesAmong(table: PassageTable, articles: ReadonlySet<string>): number[] {
  const marked = new Uint8Array(table.byArticle.length);
  const present: number[] = [];
  let reached = 0;
  for (const slug of articles) {
    const ordinal = table.ordinals.get(slug);
    if (ordinal === undefined) continue;
    marked[ordinal] = 1;
    present.push(ordinal);
    reached += table.byArticle[ordinal]!.length;
  }
  const { a, b } = table;
  const found: number[] = [];
  // A state's page counts statements from most articles: their passages are most of the list, each
  // reached twice (once per side), so one pass over the list, already in its order, costs less.
  if (reached >= a.length) {
    for (let position = 0; position < a.length; position++) if (marked[a[position]!] && marked[b[position]!]) found.push(position);
    return found;
  }
  // Each passage once, from its first side.
  for (const ordinal of present) {
    for (const position of table.byArticle[ordinal]!) if (a[position] === ordinal && marked[b[position]!]) found.push(position);
  }
  return found.sort((p, q) => p - q);
}

/**
 * Normalised wording per support item, remembered per item object: pages and
 * claim groups count the same statements again and again (the Russia page's
 * 150,000 statements at 5,000 articles), and normalising was most of the cost.
 */
interface TextKey {
  /** The normalised words joined, as a number: the same wording has the same number (see `wordingNumber`). */
  key: number;
  words: number;
  /**
   * Each normalised word hashed (`fnv1a32`), all the shingles need. Kept
   * instead of the words: these memos hold every statement of the corpus for
   * the whole build, and a string per word made them large and slow to
   * collect.
   */
  wordHashes: Uint32Array;
  /** Its 3-word shingles, made the first time a pairwise comparison needs them. */
  shingles?: Uint32Array;
}
/** Each normalised wording seen so far, numbered in the order first seen. */
const wordingNumber = numbering<string>();
const textKey = rememberedByText((text): TextKey => {
  const words = normalizeWords(text);
  return { key: wordingNumber(words.join(' ')), words: words.length, wordHashes: wordHashes(words) };
});

function shinglesOf(item: SupportItem): Uint32Array {
  const entry = textKey(item);
  entry.shingles ??= shingleSetOfHashes(entry.wordHashes, 3);
  return entry.shingles;
}

/**
 * Sources and independent sources behind a set of statements. Two statements
 * are one text when their paragraphs form a whole-paragraph SharedPassage, when
 * their sentences form a sentence-level match, or when their sentence texts are
 * near-identical. Each resulting text cluster is credited to one article: the
 * origin where dates tell, else (conservatively) an article already credited
 * with another text, else the smallest slug. `independent` counts the distinct
 * credited articles.
 */
export function countIndependentSupport(
  statements: readonly SupportItem[],
  shared: readonly (SharedPassage | SharedPassageDetail)[],
): IndependentSupport {
  const items = [...statements].sort((p, q) => cmp(p.articleSlug, q.articleSlug) || cmp(p.id, q.id));
  const articles = new Set(items.map((s) => s.articleSlug));
  const sources = articles.size;
  // Items are their positions in `items` from here on. Only linked items form
  // clusters: an item no passage or wording ties to another is its own text,
  // credited to its own article (most items, on a big page).
  const sets = new IndexUnionFind(items.length);
  /** Linked positions in the order first linked, which orders the clusters. */
  const linkedOrder: number[] = [];
  const linked = new Uint8Array(items.length);
  const markLinked = (position: number): void => {
    if (linked[position]) return;
    linked[position] = 1;
    linkedOrder.push(position);
  };

  // Index the statements by paragraph and sentence so each passage costs O(matches).
  const byParagraph = new Map<number, number[]>();
  const bySentence = new Map<number, number[]>();
  for (let position = 0; position < items.length; position++) {
    const { paragraph: pk, sentence: sk } = itemKeys(items[position]!);
    (byParagraph.get(pk) ?? byParagraph.set(pk, []).get(pk))?.push(position);
    (bySentence.get(sk) ?? bySentence.set(sk, []).get(sk))?.push(position);
  }
  /** Article-level direction of each merged pair: copy → origin (or undefined). */
  const copyEdges: { x: number; y: number; copy?: string }[] = [];
  const link = (xs: readonly number[] | undefined, ys: readonly number[] | undefined, copy?: string): void => {
    if (!xs || !ys) return;
    for (const x of xs) {
      for (const y of ys) {
        if (items[x]!.articleSlug === items[y]!.articleSlug) continue;
        markLinked(x);
        markLinked(y);
        sets.union(x, y);
        copyEdges.push({ x, y, ...(copy ? { copy } : {}) });
      }
    }
  };
  const table = passageTable(shared);
  for (const position of passagesAmong(table, articles)) {
    const passage = shared[position]!;
    const copy = copySide(passage);
    const keys = passageKeys(table, passage, position);
    if (keys.kind === 'sentence') {
      for (const [a, b] of keys.pairs) link(bySentence.get(a), bySentence.get(b), copy);
    } else {
      link(byParagraph.get(keys.a), byParagraph.get(keys.b), copy);
    }
  }

  // Near-identical sentences in different articles (copies the shingle index missed).
  const byText = new Map<number, number[]>();
  for (let position = 0; position < items.length; position++) {
    const { key, words } = textKey(items[position]!);
    if (words < 4) continue;
    (byText.get(key) ?? byText.set(key, []).get(key))?.push(position);
  }
  for (const same of byText.values()) {
    for (let k = 1; k < same.length; k++) link([same[0]!], [same[k]!]);
  }
  if (items.length <= PAIRWISE_SENTENCE_LIMIT) {
    const shingles = items.map(shinglesOf);
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++) {
        const sx = shingles[i]!;
        const sy = shingles[j]!;
        if (items[i]!.articleSlug === items[j]!.articleSlug) continue;
        if (sx.length < 2 || sy.length < 2) continue;
        // Jaccard is at most the smaller set's share of the larger: below the bar, no need to intersect.
        if (Math.min(sx.length, sy.length) / Math.max(sx.length, sy.length) < NEAR_IDENTICAL_SENTENCE) continue;
        if (jaccardAtLeast(sx, sy, NEAR_IDENTICAL_SENTENCE)) link([i], [j]);
      }
    }
  }

  // Each cluster's members in the order first linked; the clusters by their first member's id.
  const byRoot = new Map<number, number[]>();
  for (const position of linkedOrder) {
    const root = sets.find(position);
    const members = byRoot.get(root);
    if (members) members.push(position);
    else byRoot.set(root, [position]);
  }
  const clusters = [...byRoot.values()].sort((p, q) => cmp(items[p[0]!]!.id, items[q[0]!]!.id));
  const credited = new Set<string>();
  const rootOfItem: (string | undefined)[] = new Array(items.length);
  const undetermined: { cluster: number[]; articles: string[]; copies: Set<string> }[] = [];
  // Copy directions by item, so each cluster looks up only its own edges (not every edge).
  const copiesByItem = new Map<number, string[]>();
  for (const edge of copyEdges) {
    if (!edge.copy) continue;
    const list = copiesByItem.get(edge.x);
    if (list) list.push(edge.copy);
    else copiesByItem.set(edge.x, [edge.copy]);
  }
  const copiesOf = (cluster: readonly number[]): Set<string> => {
    const out = new Set<string>();
    for (const position of cluster) for (const copy of copiesByItem.get(position) ?? []) out.add(copy);
    return out;
  };
  const credit = (cluster: readonly number[], root: string): void => {
    credited.add(root);
    for (const position of cluster) rootOfItem[position] = root;
  };
  for (let position = 0; position < items.length; position++) if (!linked[position]) credited.add(items[position]!.articleSlug);
  for (const cluster of clusters) {
    const articles = [...new Set(cluster.map((position) => items[position]!.articleSlug))];
    const copies = copiesOf(cluster);
    if (articles.length === 1 || copies.size > 0) credit(cluster, chooseRoot(articles, copies));
    else undetermined.push({ cluster, articles, copies });
  }
  // Undetermined clusters second, so they can fall on an already credited article.
  for (const { cluster, articles, copies } of undetermined) credit(cluster, chooseRoot(articles, copies, credited));

  const directed = new Set(copyEdges.filter((e) => e.copy).map((e) => [items[e.x]!.articleSlug, items[e.y]!.articleSlug].sort(cmp).join('\u0000')));
  const copyPairs = new Map<string, { copy: string; of: string }>();
  for (const edge of copyEdges) {
    const x = items[edge.x]!;
    const y = items[edge.y]!;
    let copy: string;
    if (edge.copy !== undefined) copy = edge.copy;
    else {
      // A wording-only match: skip it when a passage already gives the direction;
      // otherwise the credited article is the original, or (display order only) the smaller slug.
      if (directed.has([x.articleSlug, y.articleSlug].sort(cmp).join('\u0000'))) continue;
      const root = rootOfItem[edge.x];
      copy = root === x.articleSlug ? y.articleSlug : root === y.articleSlug ? x.articleSlug : cmp(x.articleSlug, y.articleSlug) > 0 ? x.articleSlug : y.articleSlug;
    }
    const of = copy === x.articleSlug ? y.articleSlug : x.articleSlug;
    // One origin per copy: n outlets carrying one text would otherwise name every pair of
    // them (n² "reprints", megabytes on a wire story's line). The credited original wins,
    // then the smallest slug, so the choice does not depend on the order edges were found.
    const known = copyPairs.get(copy);
    if (!known || betterOrigin(of, known.of, credited)) copyPairs.set(copy, { copy, of });
  }
  return {
    sources,
    independent: credited.size,
    copies: [...copyPairs.values()].sort((p, q) => cmp(p.copy, q.copy) || cmp(p.of, q.of)),
  };
}

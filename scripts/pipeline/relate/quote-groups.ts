/**
 * Quote groups: the same words quoted more than once (across or within
 * articles), and a 'speaker' conflict when they are attributed to different
 * people — e.g. a tweet crediting one leader with words an article body gives
 * to another.
 */
import type { Conflict, Entity, Quote } from '../model.ts';
import { normalizeWords, overlap, shingleSet } from './text.ts';
import { UnionFind } from './union-find.ts';

/** Shorter quotes ("no doubt", "elite team") are too common to say two people said the same thing. */
export const MIN_QUOTE_WORDS = 6;
/** Two quotes are the same words when this share of the shorter one's 3-word shingles is in the other. */
export const QUOTE_CONTAINMENT = 0.8;
/** Shingles shared by more quotes than this are stock phrases and are not used to find pairs. */
export const MAX_POSTING = 50;

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface QuoteCluster {
  quotes: Quote[];
  /** Shortest normalised wording in the cluster: the words every member shares. */
  text: string;
}

/** Clusters of near-identical quotes (≥ 2 members), found through a shingle index, not all pairs. */
export function clusterQuotes(quotes: readonly Quote[]): QuoteCluster[] {
  const usable = [...quotes]
    .filter((q) => q && typeof q.text === 'string')
    .sort((p, q) => cmp(p.articleSlug, q.articleSlug) || cmp(p.id, q.id))
    .map((quote) => ({ quote, words: normalizeWords(quote.text) }))
    .filter((q) => q.words.length >= MIN_QUOTE_WORDS)
    .map((q) => ({ ...q, shingles: shingleSet(q.words, 3) }));

  const postings = new Map<number, number[]>();
  usable.forEach((q, index) => {
    for (const shingle of q.shingles) {
      const list = postings.get(shingle);
      if (list) list.push(index);
      else postings.set(shingle, [index]);
    }
  });
  const sets = new UnionFind();
  // Keys are positions, not quote ids, so two quotes that share an id never collapse into one.
  usable.forEach((_q, index) => sets.add(String(index)));
  const checked = new Set<number>();
  for (const list of postings.values()) {
    if (list.length < 2 || list.length > MAX_POSTING) continue;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const i = list[x] ?? 0;
        const j = list[y] ?? 0;
        const key = i * usable.length + j;
        if (checked.has(key)) continue;
        checked.add(key);
        const qi = usable[i];
        const qj = usable[j];
        if (qi && qj && overlap(qi.shingles, qj.shingles).containment >= QUOTE_CONTAINMENT) sets.union(String(i), String(j));
      }
    }
  }
  return sets
    .groups()
    .filter((keys) => keys.length >= 2)
    .map((keys) => {
      const members = keys.map((key) => usable[Number(key)]).filter((q) => q !== undefined);
      const texts = members.map((m) => m.words.join(' ')).sort((a, b) => a.length - b.length || cmp(a, b));
      return { quotes: members.map((m) => m.quote), text: texts[0] ?? '' };
    });
}

function lastWord(text: string): string {
  const words = normalizeWords(text);
  return words[words.length - 1] ?? '';
}

/**
 * One key per speaker: the registry id when known; otherwise the surname-like
 * last word of `speakerText`, matched against the names and aliases of the
 * registry speakers in the same cluster ("President Putin" → vladimir-putin).
 */
function speakerKeys(quotes: readonly Quote[], entities: ReadonlyMap<string, Entity>): Map<Quote, string> {
  const idBySurname = new Map<string, string>();
  for (const id of [...new Set(quotes.map((q) => q.speakerId).filter((x) => x !== undefined))].sort(cmp)) {
    const entity = entities.get(id);
    for (const name of [entity?.name ?? id, ...(entity?.aliases ?? [])]) {
      const surname = lastWord(name.replace(/-/g, ' '));
      if (surname && !idBySurname.has(surname)) idBySurname.set(surname, id);
    }
  }
  const keys = new Map<Quote, string>();
  for (const quote of quotes) {
    if (quote.speakerId) keys.set(quote, quote.speakerId);
    else {
      const surname = lastWord(quote.speakerText ?? '');
      keys.set(quote, idBySurname.get(surname) ?? `text:${surname}`);
    }
  }
  return keys;
}

/**
 * Tweets are reported with the account as speaker; when the same paragraph
 * also carries the quote with a named speaker ("Syrian President …:"), the
 * named one is the attribution to compare, so the account is left out.
 */
function attributedQuotes(quotes: readonly Quote[]): Quote[] {
  const namedParagraphs = new Set(
    quotes.filter((q) => q.via !== 'tweet').map((q) => `${q.articleSlug}\u0000${q.paragraphId}`),
  );
  return quotes.filter((q) => q.via !== 'tweet' || !namedParagraphs.has(`${q.articleSlug}\u0000${q.paragraphId}`));
}

export interface SpeakerAnalysis {
  conflict?: Conflict;
  /** Most frequent registry speaker (ties: smallest id), if any. */
  mainSpeakerId?: string;
}

/**
 * `embeddedParagraphs`: `articleSlug NUL paragraphId` of embedded posts (tweet
 * paragraphs), so a conflict inside one source can say which attribution is
 * the article's and which the post's.
 */
export function analyseSpeakers(quotes: readonly Quote[], entities: ReadonlyMap<string, Entity>, embeddedParagraphs: ReadonlySet<string> = new Set()): SpeakerAnalysis {
  const compared = attributedQuotes(quotes);
  const keys = speakerKeys(compared, entities);
  const variants = new Map<string, { label: string; statementIds: Set<string>; articleSlugs: Set<string> }>();
  for (const quote of compared) {
    const key = keys.get(quote) ?? '';
    let variant = variants.get(key);
    if (!variant) {
      const entity = quote.speakerId ? entities.get(quote.speakerId) : undefined;
      variant = { label: entity?.name ?? quote.speakerText ?? key, statementIds: new Set(), articleSlugs: new Set() };
      variants.set(key, variant);
    }
    variant.statementIds.add(quote.sentenceId);
    variant.articleSlugs.add(quote.articleSlug);
  }
  const counts = new Map<string, number>();
  for (const quote of compared) if (quote.speakerId) counts.set(quote.speakerId, (counts.get(quote.speakerId) ?? 0) + 1);
  const mainSpeakerId = [...counts.entries()].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]))[0]?.[0];
  if (variants.size < 2) return mainSpeakerId ? { mainSpeakerId } : {};
  const list = [...variants.entries()]
    .sort(([a], [b]) => cmp(a, b))
    .map(([, v]) => ({
      value: v.label,
      statementIds: [...v.statementIds].sort(cmp),
      articleSlugs: [...v.articleSlugs].sort(cmp),
    }));
  // Readers see outlets and wording beside the summary; file ids never enter it.
  const articles = new Set(compared.map((quote) => quote.articleSlug));
  const embedded = new Set([...embeddedParagraphs, ...quotes.filter((quote) => quote.via === 'tweet').map((quote) => `${quote.articleSlug}\u0000${quote.paragraphId}`)]);
  const where = (value: string): string => {
    const inPost = compared.filter((quote) => (keys.get(quote) ?? '') === value).every((quote) => embedded.has(`${quote.articleSlug}\u0000${quote.paragraphId}`));
    return inPost ? 'in an embedded post' : 'in its own text';
  };
  const keyed = [...variants.entries()].sort(([a], [b]) => cmp(a, b));
  const summary =
    articles.size === 1
      ? `One source attributes the same words to two speakers: ${keyed.map(([key, v]) => `${v.label} (${where(key)})`).join(' and ')}.`
      : `Sources attribute the same words to different speakers: ${list.map((v) => v.value).join(' vs ')}.`;
  return { conflict: { kind: 'speaker', summary, variants: list }, ...(mainSpeakerId ? { mainSpeakerId } : {}) };
}

/**
 * When two spellings name the same thing: one general rule for the
 * transliteration variants news copy is full of (Aliyev/Aliev,
 * Pashinyan/Pashinian, Nakhchivan/Nakhichevan, Erdogan/Erdoğan,
 * Tartus/Tartous), never a list of names.
 *
 * Hand-rolled: the libraries at hand (compromise, d3) have no
 * transliteration-aware comparison, and the rule is a few lines.
 *
 * Rule, per word: equal after folding (case, diacritics, kh→h, ou→u,
 * y/ie/ii→i, doubled letters); or, for words of 5+ letters, the same first
 * letter, the same consonant skeleton and at most two edits apart. Short
 * words must fold equal ("Iran" is never "Iraq"). Multiword names match when
 * every word matches, in order.
 */

/**
 * Resolve compares every name with every other (clustering, surname bearers):
 * the same few thousand words are folded millions of times at 1,000 articles,
 * so each word is folded once. Bounded, so a long-running watcher does not grow it forever.
 */
const folded = new Map<string, string>();
const FOLD_CACHE_LIMIT = 200_000;

/** Case, diacritics and the usual romanisation alternatives folded away. */
export function foldWord(word: string): string {
  let result = folded.get(word);
  if (result === undefined) {
    if (folded.size >= FOLD_CACHE_LIMIT) folded.clear();
    result = foldUncached(word);
    folded.set(word, result);
  }
  return result;
}

function foldUncached(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ı/g, 'i')
    .replace(/[‐‑'’`]/g, '')
    .replace(/kh/g, 'h')
    .replace(/ou/g, 'u')
    .replace(/dj/g, 'j')
    .replace(/y/g, 'i')
    .replace(/ie/g, 'i')
    .replace(/(\p{L})\1+/gu, '$1');
}

function skeleton(folded: string): string {
  return folded.replace(/[aeiou]/g, '');
}

/** Levenshtein distance, stopping early above `limit`. */
export function editDistance(a: string, b: string, limit = 3): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * A key two words share whenever `wordsMatch` holds between them (both of its
 * branches require the same folded skeleton): an index by it finds every
 * word a given word can match without comparing it with all of them.
 */
export function matchKey(word: string): string {
  return skeleton(foldWord(word));
}

export function wordsMatch(a: string, b: string): boolean {
  const left = foldWord(a);
  const right = foldWord(b);
  if (left === right) return true;
  if (left.length < 5 || right.length < 5 || left[0] !== right[0]) return false;
  return skeleton(left) === skeleton(right) && editDistance(left, right, 2) <= 2;
}

/** The words of a name, particles and possessive marks aside: "Ahmed al-Sharaa" → ["Ahmed", "Sharaa"]. */
export function nameWords(name: string): string[] {
  return name
    .replace(/['’]s$/u, '')
    .split(/[\s‐‑-]+/)
    .filter((word) => word.length > 0 && !/^(?:al|el|ad|as|ash|bin|ibn|the|of|de|da|di|du|van|von|der|la|le)$/i.test(word));
}

export function namesMatch(a: string, b: string): boolean {
  const left = nameWords(a);
  const right = nameWords(b);
  return left.length > 0 && left.length === right.length && left.every((word, k) => wordsMatch(word, right[k]!));
}

/**
 * A person's shorter full name inside a longer one: "Ali Khamenei" in
 * "Ayatollah Ali Khamenei", "Recep Erdoğan" never in "Tayyip Erdoğan" alone
 * (two words at least, and the same final words).
 */
export function personNamesMatch(a: string, b: string): boolean {
  const left = nameWords(a);
  const right = nameWords(b);
  const [shorter, longer] = left.length <= right.length ? [left, right] : [right, left];
  if (shorter.length < 2) return false;
  const tail = longer.slice(longer.length - shorter.length);
  return shorter.every((word, k) => wordsMatch(word, tail[k]!));
}

/** One key per spelling family for exact lookups (the loose rule above still needs pairwise checks). */
export function foldName(name: string): string {
  return nameWords(name).map(foldWord).join(' ');
}

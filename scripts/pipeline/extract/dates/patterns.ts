/**
 * Shared regular-expression fragments and the word guards that keep them
 * from firing on ordinary words and numbers.
 */

/** Full month names and their usual abbreviations (longest first so "Sept" beats "Sep"). */
export const MONTH_SOURCE =
  'January|February|March|April|May|June|July|August|September|October|November|December|Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec';

/** Years the pipeline treats as calendar years: 1800–2099, not glued to further digits. */
export const YEAR_SOURCE = '(?:18|19|20)\\d\\d(?!\\d)';

const MONTH_BY_PREFIX: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

/** 1–12 for a month name or abbreviation, any case. */
export function monthNumber(word: string): number | undefined {
  return MONTH_BY_PREFIX[word.slice(0, 3).toLowerCase()];
}

/**
 * News text capitalises month names, so a lowercase "may" or "march" is the
 * modal verb or the verb, never the month: "He may accept", "they march on".
 */
export function isCapitalised(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLowerCase();
}

/**
 * Words that, written just before a four-digit number, make it a label or a
 * quantity rather than a year: "Resolution 2254", "No. 2015", "some 2000".
 */
export const NON_YEAR_BEFORE = new Set([
  'resolution', 'no', 'number', 'nos', 'page', 'pages', 'article', 'articles', 'flight', 'route', 'highway',
  'chapter', 'section', 'model', 'room', 'code', 'item', 'decree', 'law', 'unit', 'squadron', 'brigade', 'division',
  'regiment', 'battalion', 'hill', 'height', 'point', 'km', 'some', 'nearly', 'almost', 'approximately', 'roughly',
  'estimated', 'least', 'additional', 'another', 'extra', 'over', 'about', 'than',
]);

/**
 * Count nouns and units that, written just after a four-digit number, make it
 * a quantity: "2000 troops", "1800 km". Kept to words that are never
 * modified by a year ("the 2015 intervention" stays a year).
 */
export const NON_YEAR_AFTER = new Set([
  'troops', 'soldiers', 'people', 'persons', 'civilians', 'fighters', 'militants', 'men', 'women', 'children',
  'families', 'refugees', 'casualties', 'dead', 'deaths', 'killed', 'wounded', 'injured', 'prisoners', 'detainees',
  'tons', 'tonnes', 'km', 'kilometres', 'kilometers', 'miles', 'metres', 'meters', 'feet', 'kg', 'dollars', 'euros',
  'pounds', 'rubles', 'roubles', 'lira', 'barrels', 'vehicles', 'tanks', 'aircraft', 'planes', 'jets', 'missiles',
  'rockets', 'drones', 'shells', 'units', 'personnel', 'households', 'homes', 'houses', 'buildings', 'members',
  'votes', 'cases', 'times', 'hours', 'minutes', 'seconds', 'days', 'weeks', 'months', 'years', 'words', 'pages',
  'troop', 'strong', 'hectares', 'acres', 'sorties', 'strikes', 'airstrikes', 'attacks', 'positions', 'posts',
]);

/** The word (letters only, lowercased) ending right before `index`, skipping spaces and one dot ("No. 2015"). */
export function wordBefore(text: string, index: number): string {
  let end = index;
  while (end > 0 && /\s/.test(text.charAt(end - 1))) end--;
  if (text.charAt(end - 1) === '.') end--;
  let start = end;
  // Bounded look-back keeps this O(1) per match even on text without spaces.
  while (start > 0 && end - start < 32 && /\p{L}/u.test(text.charAt(start - 1))) start--;
  return text.slice(start, end).toLowerCase();
}

/** The word (letters only, lowercased) starting right after `index`, skipping spaces. */
export function wordAfter(text: string, index: number): string {
  let start = index;
  while (start < text.length && /\s/.test(text.charAt(start))) start++;
  let end = start;
  while (end < text.length && end - start < 32 && /\p{L}/u.test(text.charAt(end))) end++;
  return text.slice(start, end).toLowerCase();
}

/**
 * Word lists for the sentence splitter's repair pass. Lowercase, without the final dot.
 */

/**
 * Abbreviations that (almost) never end an English sentence: titles and ranks
 * come before a name, month abbreviations before a day. Ones that often do end
 * a sentence ("etc.", "Jr.", "Inc.", "No.") are deliberately absent.
 */
export const NON_TERMINAL_ABBREVIATIONS: ReadonlySet<string> = new Set([
  // titles and ranks
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'gen', 'lt', 'col', 'maj', 'capt', 'cpt', 'sgt', 'cpl', 'adm', 'cmdr',
  'gov', 'sen', 'rep', 'rev', 'fr', 'hon', 'pres', 'amb', 'sec', 'supt', 'insp', 'brig',
  // places
  'st', 'mt', 'ft',
  // months
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  // Latin and reference abbreviations
  'e.g', 'i.e', 'vs', 'approx', 'cf', 'al', 'fig', 'p', 'pp', 'vol', 'ed',
]);

/**
 * Words that, after a dotted acronym such as "U.S.", signal a new sentence
 * rather than a noun the acronym modifies ("the U.S. Army").
 */
export const ACRONYM_SENTENCE_STARTERS: ReadonlySet<string> = new Set([
  'A', 'An', 'The', 'This', 'That', 'These', 'Those', 'It', 'Its', 'He', 'She', 'They', 'We', 'I', 'You',
  'His', 'Her', 'Their', 'Our', 'But', 'And', 'Yet', 'So', 'However', 'Meanwhile', 'In', 'On', 'At', 'As',
  'For', 'If', 'When', 'While', 'After', 'Before', 'Since', 'There', 'Now', 'Still', 'Also', 'Such',
]);

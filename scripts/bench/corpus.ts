/**
 * A synthetic corpus for the benchmark, recombined from real seed articles.
 *
 * Pure and deterministic: the seed texts and registry come in as strings, a
 * seeded PRNG (mulberry32) makes every choice, and the same options give the
 * same bytes. No Math.random, no clock, no file system (see write-corpus.ts).
 *
 * What makes the corpus realistic enough to measure the pipeline:
 * - prose paragraphs and sentences of the seeds, shuffled and recombined into
 *   articles of ~600–1,200 words;
 * - one publication date per article spread over ~2 years, and every date in
 *   the text shifted by the same number of days as its seed article's date, so
 *   "28 January 2026" in a seed published on 29 January 2026 becomes the day
 *   before the new article's date;
 * - person names swapped per article for generated ones (a cast): most
 *   mentions are of people out of the registry, as in a real corpus where
 *   the registry is a curation layer over what discovery finds. Their
 *   popularity is skewed, so some recur across many articles (the actors
 *   discovery should give pages) and a long tail appears once or twice; a
 *   few hundred registered people (and the real registry's, where an
 *   article keeps them) give linking its work. Armed groups likewise;
 * - per-article word choices (synonyms) so that recombined sentences are not
 *   all verbatim copies of each other;
 * - ~5 % near-copies that reuse paragraphs of an earlier article verbatim, for
 *   the shared-text detector.
 */
import { escapeRegExp } from '../pipeline/shared/regexp.ts';
import { parse as parseYaml } from 'yaml';
import type { PipelineInputs } from '../pipeline/run.ts';

export interface SeedArticle {
  file: string;
  text: string;
  /** Publication date of the seed, YYYY-MM-DD (dates in its text are shifted relative to it). */
  published: string;
}

export interface CorpusOptions {
  size: number;
  seed?: number;
  seeds: SeedArticle[];
  /** The real registry files (content/entities/*.yaml); kept, plus one generated file. */
  registryFiles: { file: string; text: string }[];
  /** First publication date of the corpus (YYYY-MM-DD). */
  startDate?: string;
  /** Days the publication dates spread over. */
  spanDays?: number;
  /** Generated people and groups written to the synthetic registry. */
  registeredPeople?: number;
  registeredGroups?: number;
  /** Chance that an article replaces a given real registry person (or its group) with a generated one. */
  swapRate?: number;
  /** Of the generated people (and groups) an article casts, the share taken from the registered ones. */
  registeredShare?: number;
  /** Share of articles (after the first 20) that reuse paragraphs of an earlier one. */
  nearCopyRate?: number;
}

export interface CorpusArticle {
  file: string;
  text: string;
  published: string;
  /** Index of the earlier article whose paragraphs this one reuses verbatim. */
  nearCopyOf?: number;
  words: number;
}

export interface Corpus {
  inputs: PipelineInputs;
  articles: CorpusArticle[];
  /** The generated registry file (YAML), also the last entry of `inputs.registryFiles`. */
  generatedRegistry: { file: string; text: string };
  stats: {
    words: number;
    nearCopies: number;
    registeredPeople: number;
    registeredGroups: number;
    distinctPeople: number;
    /**
     * Person and group names the generator wrote (near-copies' verbatim
     * paragraphs are not counted again), by whether the registry holds them.
     */
    mentions: { registered: number; unregistered: number };
    /** Every generated person cast at least once, with the articles that name them. */
    people: { name: string; registered: boolean; articles: number }[];
  };
}

/** Counts the names an article's text gets, by whether the registry holds them. */
interface MentionTally { registered: number; unregistered: number }

const SETTINGS = { title: 'Benchmark Briefing', description: 'A synthetic corpus recombined from the seed articles.' };

// ------------------------------------------------------------ randomness

/** mulberry32: tiny, fast, well-distributed enough for test data, and seedable. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function shuffle<T>(random: () => number, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

function hex(random: () => number, length: number): string {
  let out = '';
  while (out.length < length) out += Math.floor(random() * 16).toString(16);
  return out;
}

// ------------------------------------------------------------ dates

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAY_MS = 86_400_000;

function isoToDays(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y!, (m ?? 1) - 1, d ?? 1) / DAY_MS;
}

function daysToParts(days: number): { year: number; month: number; day: number } {
  const date = new Date(days * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth(), day: date.getUTCDate() };
}

function daysToIso(days: number): string {
  const { year, month, day } = daysToParts(days);
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const MONTH = `(${MONTHS.join('|')})`;
/**
 * One alternation so matches never overlap: full dates first, then month + year,
 * day + month, month + day, bare years.
 */
const DATE_PATTERN = new RegExp(
  [
    `${MONTH} (\\d{1,2})(?:st|nd|rd|th)?, (\\d{4})`, // January 28, 2026
    `(\\d{1,2})(?:st|nd|rd|th)?(?: of)? ${MONTH},? (\\d{4})`, // 28 January 2026, 15th of October 2025
    `${MONTH},? (\\d{4})`, // December 2024
    `(\\d{1,2})(?:st|nd|rd|th)? ${MONTH}\\b`, // 27 January
    `${MONTH} (\\d{1,2})(?:st|nd|rd|th)?\\b(?!,? \\d)`, // January 23
    `\\b((?:19|20)\\d\\d)\\b`, // 2015
  ].join('|'),
  'g',
);

/** Shift every date in `text` by `delta` days; `referenceYear` completes dates written without a year. */
export function shiftDates(text: string, delta: number, referenceYear: number): string {
  if (delta === 0) return text;
  const shiftDay = (year: number, month: string, day: number) => daysToParts(isoToDays(`${year}-${MONTHS.indexOf(month) + 1}-${day}`) + delta);
  const shiftMonth = (year: number, month: string) => {
    const { year: y, month: m } = daysToParts(isoToDays(`${year}-${MONTHS.indexOf(month) + 1}-15`) + delta);
    return `${MONTHS[m]} ${y}`;
  };
  return text.replace(DATE_PATTERN, (whole, ...g: (string | undefined)[]) => {
    if (g[0]) { const p = shiftDay(Number(g[2]), g[0], Number(g[1])); return `${MONTHS[p.month]} ${p.day}, ${p.year}`; }
    if (g[3]) { const p = shiftDay(Number(g[5]), g[4]!, Number(g[3])); return `${p.day} ${MONTHS[p.month]} ${p.year}`; }
    if (g[6]) return shiftMonth(Number(g[7]), g[6]);
    if (g[8]) { const p = shiftDay(referenceYear, g[9]!, Number(g[8])); return `${p.day} ${MONTHS[p.month]}`; }
    if (g[10]) { const p = shiftDay(referenceYear, g[10], Number(g[11])); return `${MONTHS[p.month]} ${p.day}`; }
    if (g[12]) return String(Number(g[12]) + Math.round(delta / 365.25));
    return whole;
  });
}

// ------------------------------------------------------------ names

const FIRST_NAMES = [
  'Karim', 'Omar', 'Yusuf', 'Hassan', 'Tariq', 'Samir', 'Nabil', 'Rami', 'Fadi', 'Ziad', 'Bilal', 'Khalil',
  'Mahmoud', 'Faisal', 'Walid', 'Jamal', 'Anas', 'Majd', 'Layla', 'Rania', 'Hala', 'Nour', 'Dina', 'Salma',
  'Mariam', 'Yasmin', 'Lina', 'Reem', 'Sana', 'Amal', 'Sergei', 'Andrei', 'Nikolai', 'Pavel', 'Oleg', 'Igor',
  'Mikhail', 'Yuri', 'Anatoly', 'Viktor', 'Irina', 'Olga', 'Tatiana', 'Natalia', 'Elena', 'Mehmet', 'Emre',
  'Kemal', 'Selin', 'Ayse', 'Daniel', 'Michael', 'Robert', 'Susan', 'Karen', 'Thomas', 'Laura', 'Peter',
  'Claire', 'Martin', 'Helen', 'James', 'Sophie', 'Lucas', 'Anna',
];
const LAST_NAMES = [
  'Haddad', 'Khoury', 'Nasser', 'Saleh', 'Mansour', 'Darwish', 'Qasim', 'Halabi', 'Tahan', 'Rifai', 'Zaidan',
  'Sabbagh', 'Kanaan', 'Barakat', 'Jaber', 'Hamdan', 'Othman', 'Shami', 'Attar', 'Farouk', 'Najjar', 'Bitar',
  'Maalouf', 'Sarraf', 'Hilal', 'Idlibi', 'Kurdi', 'Masri', 'Yazji', 'Zoubi', 'Volkov', 'Sokolov', 'Morozov',
  'Lebedev', 'Kozlov', 'Novikov', 'Pavlov', 'Orlov', 'Belov', 'Zaitsev', 'Fedorov', 'Gromov', 'Kuznetsov',
  'Yilmaz', 'Demir', 'Kaya', 'Celik', 'Aydin', 'Ozturk', 'Arslan', 'Dogan', 'Harrington', 'Whitfield',
  'Caldwell', 'Prescott', 'Lindqvist', 'Moreau', 'Bertrand', 'Fischer', 'Hoffmann', 'Ricci', 'Esposito',
  'Kowalski', 'Novak', 'Horvath', 'Petrov', 'Marchetti', 'Delacroix', 'Vandermeer', 'Okafor', 'Mwangi',
];
const GROUP_WORDS = ['Dawn', 'Banner', 'Shield', 'Falcon', 'Valley', 'Coast', 'Desert', 'Mountain', 'River', 'Victory', 'Liberation', 'Unity', 'Martyrs', 'Free', 'Eastern', 'Northern', 'Southern', 'Western'];
const GROUP_NOUNS = ['Brigade', 'Front', 'Battalion', 'Legion', 'Movement', 'Forces', 'Army', 'Division'];
const OUTLETS = ['The Levant Ledger', 'Eastern Mediterranean Monitor', 'Northern Dispatch', 'Global Affairs Review', 'The Daily Courier', 'Capital Wire', 'Frontline Report', 'Regional Observer', 'The Strategic Times', 'Coastline News', 'World Desk', 'The Analyst'];

interface PersonEntry { id: string; name: string; aliases: string[] }

/** Person entries (and their aliases) of the real registry: the names a cast swaps out. */
function registryPeople(files: { text: string }[]): { people: PersonEntry[]; groups: PersonEntry[]; taken: Set<string> } {
  const people: PersonEntry[] = [];
  const groups: PersonEntry[] = [];
  const taken = new Set<string>();
  for (const file of files) {
    let entries: unknown;
    try { entries = parseYaml(file.text); } catch { continue; }
    if (!Array.isArray(entries)) continue;
    for (const raw of entries as Record<string, unknown>[]) {
      if (!raw || typeof raw.name !== 'string') continue;
      const strings = [raw.name, ...['aliases', 'demonyms', 'metonyms'].flatMap((k) => (Array.isArray(raw[k]) ? (raw[k] as unknown[]).map(String) : []))];
      for (const s of strings) taken.add(s.toLowerCase());
      const entry = { id: String(raw.id), name: raw.name, aliases: Array.isArray(raw.aliases) ? (raw.aliases as unknown[]).map(String) : [] };
      if (raw.kind === 'actor' && raw.subtype === 'person') people.push(entry);
      if (raw.kind === 'actor' && raw.subtype === 'armed-group') groups.push(entry);
    }
  }
  return { people, groups, taken };
}

const TITLE_WORDS = /^(?:President|Prime Minister|Minister|General|Spokesman|Spokeswoman|Sheikh|Dr\.?)\s/;

/** One real registry person as an article writes them: swapped for a generated person, or kept (`as` absent). */
interface CastRole { entry: PersonEntry; as?: { first: string; last: string; registered: boolean } }

/**
 * Whole-word, case-sensitive replacement of every name form of the swapped
 * registry people; every name form it meets, swapped or kept, goes to the tally.
 */
function castReplacer(cast: CastRole[]): (text: string, tally: MentionTally) => string {
  const forms = new Map<string, { to: string; registered: boolean }>();
  for (const { entry, as } of cast) {
    for (const form of [entry.name, ...entry.aliases]) {
      if (form.startsWith('@') || /_/.test(form)) continue; // social handles stay: they are part of embedded posts
      if (!as) {
        forms.set(form, { to: form, registered: true });
        continue;
      }
      const title = TITLE_WORDS.exec(form)?.[0] ?? '';
      const rest = form.slice(title.length);
      forms.set(form, { to: title + (/\s/.test(rest) ? `${as.first} ${as.last}` : as.last), registered: as.registered });
    }
  }
  if (forms.size === 0) return (text) => text;
  const keys = [...forms.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${keys.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return (text, tally) =>
    text.replace(pattern, (match) => {
      const form = forms.get(match);
      if (!form) return match;
      if (form.registered) tally.registered++;
      else tally.unregistered++;
      return form.to;
    });
}

/**
 * An index into a pool of `size`, most often near its start: U³ puts a third
 * of the draws on the first 4 % of the pool, so a few generated people recur
 * in many articles (as the main actors of a story do) and most appear once
 * or twice.
 */
function popular(random: () => number, size: number): number {
  return Math.min(size - 1, Math.floor(random() ** 3 * size));
}

// ------------------------------------------------------------ word choice

/** Interchangeable wordings; each article picks one side per pair, so recombined sentences diverge. */
const SYNONYMS: [string, string][] = [
  ['withdrawal', 'pullout'], ['forces', 'troops'], ['meeting', 'summit'], ['military', 'armed'], ['said', 'stated'],
  ['government', 'administration'], ['relations', 'ties'], ['support', 'backing'], ['leader', 'head'],
  ['region', 'area'], ['presence', 'footprint'], ['strategic', 'geopolitical'], ['however', 'yet'],
  ['important', 'significant'], ['future', 'fate'], ['bases', 'installations'], ['new', 'current'],
  ['country', 'nation'], ['officials', 'authorities'], ['influence', 'sway'], ['security', 'safety'],
  ['agreement', 'accord'], ['several', 'multiple'], ['long-time', 'longstanding'], ['signals', 'indicates'],
  ['visit', 'trip'], ['focused', 'centred'], ['according to', 'citing'], ['also', 'additionally'],
  ['recognition', 'acceptance'], ['policy', 'approach'], ['remain', 'stay'], ['seeking', 'trying'],
  ['negotiations', 'discussions'], ['uncertain', 'unclear'], ['power', 'authority'],
  ['role', 'part'], ['fighters', 'militants'], ['equipment', 'materiel'], ['personnel', 'staff'],
  ['economic', 'financial'], ['cooperation', 'collaboration'], ['reported', 'said'], ['began', 'started'],
  ['shift', 'change'], ['key', 'central'], ['critical', 'vital'], ['because', 'since'], ['while', 'whereas'],
  ['major', 'large'], ['recent', 'latest'], ['interests', 'priorities'], ['demands', 'insists on'],
  ['effort', 'attempt'], ['stability', 'calm'], ['control', 'command'], ['international', 'global'],
  ['foreign', 'outside'], ['allies', 'partners'],
];

function wordChoice(random: () => number): (text: string) => string {
  const chosen = new Map<string, string>();
  for (const [a, b] of SYNONYMS) {
    const r = random();
    if (r < 0.45) chosen.set(a, b);
    else if (r < 0.9) chosen.set(b, a);
  }
  const keys = [...chosen.keys()].sort((x, y) => y.length - x.length).map(escapeRegExp);
  const pattern = new RegExp(`\\b(?:${keys.join('|')})\\b`, 'gi');
  return (text) =>
    text.replace(pattern, (match) => {
      const to = chosen.get(match.toLowerCase()) ?? match;
      return match[0] !== match[0]!.toLowerCase() ? to[0]!.toUpperCase() + to.slice(1) : to;
    });
}

/** Hedges and adverbs a reporter might add; inserted per use of a sentence so no two uses are identical. */
const FILLERS = ['reportedly', 'notably', 'apparently', 'still', 'now', 'already', 'largely', 'quietly', 'publicly', 'effectively', 'also', 'clearly', 'initially', 'later', 'partly', 'openly', 'firmly', 'again'];

/**
 * Insert about one filler word per `every` words, before a lower-case word.
 * Why: the shared-text detector compares 5-word shingles, and the seeds give only a
 * few hundred sentences; without per-use edits every reused sentence would be a
 * verbatim copy in a fifth of the corpus, which is not what real coverage looks like.
 */
function vary(random: () => number, text: string, every: number): string {
  const words = text.split(' ');
  const out: string[] = [];
  let gap = Math.floor(random() * every);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (gap <= 0 && i > 0 && /^[a-z]/.test(word) && !/[.!?:;”"]$/.test(words[i - 1]!)) {
      out.push(pick(random, FILLERS));
      gap = every - 2 + Math.floor(random() * 4);
    }
    out.push(word);
    gap--;
  }
  return out.join(' ');
}

// ------------------------------------------------------------ seed material

interface Piece { text: string; seed: number }

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’‑-]*/gu;
function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** Prose paragraphs (≥ 8 words, no embedded-post fragments) and their sentences. */
function seedMaterial(seeds: SeedArticle[]): { paragraphs: Piece[]; sentences: Piece[] } {
  const paragraphs: Piece[] = [];
  const sentences: Piece[] = [];
  seeds.forEach((seed, index) => {
    // A Markdown seed's frontmatter is metadata, not prose to recombine.
    const frontmatter = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(seed.text)?.[0] ?? '';
    for (const rawLine of seed.text.slice(frontmatter.length).split(/\r?\n/)) {
      const line = rawLine.trim();
      if (countWords(line) < 8 || /pic\.twitter\.com|https?:\/\/|^[—–]|@\w/.test(line) || /^[-*•]\s/.test(line)) continue;
      paragraphs.push({ text: line, seed: index });
      for (const sentence of line.split(/(?<=[.!?][”"’)]?)\s+(?=[A-Z“"])/)) {
        if (countWords(sentence) >= 6) sentences.push({ text: sentence, seed: index });
      }
    }
  });
  return { paragraphs, sentences };
}

// ------------------------------------------------------------ the corpus

export function generateCorpus(options: CorpusOptions): Corpus {
  const {
    size,
    seed = 1,
    seeds,
    registryFiles,
    startDate = '2024-03-01',
    spanDays = 730,
    registeredPeople = 300,
    registeredGroups = 40,
    nearCopyRate = 0.05,
    swapRate = 0.85,
    registeredShare = 0.2,
  } = options;
  const random = createRandom(seed);
  const material = seedMaterial(seeds);
  if (material.paragraphs.length === 0 || material.sentences.length === 0) throw new Error('generateCorpus: the seed articles hold no prose paragraphs');
  const seedDays = seeds.map((s) => isoToDays(s.published));
  const seedYears = seeds.map((s) => Number(s.published.slice(0, 4)));
  const real = registryPeople(registryFiles);

  // The pool of generated people: the first `registeredPeople` get registry entries.
  const people: { first: string; last: string; name: string }[] = [];
  for (const first of FIRST_NAMES) for (const last of LAST_NAMES) {
    const name = `${first} ${last}`;
    if (!real.taken.has(name.toLowerCase()) && !real.taken.has(last.toLowerCase())) people.push({ first, last, name });
  }
  shuffle(random, people);
  const groups: string[] = [];
  for (const a of GROUP_WORDS) for (const b of GROUP_NOUNS) if (!real.taken.has(`${a} ${b}`.toLowerCase())) groups.push(`${a} ${b}`);
  shuffle(random, groups);
  const nRegisteredPeople = Math.min(registeredPeople, people.length);
  const nRegisteredGroups = Math.min(registeredGroups, groups.length);

  const articles: CorpusArticle[] = [];
  const bodies: string[][] = [];
  /** Articles naming each cast person (by index into `people`). */
  const castIn = new Map<number, number>();
  const mentions: MentionTally = { registered: 0, unregistered: 0 };
  let nearCopies = 0;
  // The registered come first in `people` and `groups`; the rest are drawn by popularity.
  const castPerson = (): number =>
    random() < registeredShare || people.length === nRegisteredPeople
      ? Math.floor(random() * nRegisteredPeople)
      : nRegisteredPeople + popular(random, people.length - nRegisteredPeople);
  const castGroup = (): number =>
    random() < registeredShare || groups.length === nRegisteredGroups
      ? Math.floor(random() * nRegisteredGroups)
      : nRegisteredGroups + popular(random, groups.length - nRegisteredGroups);
  for (let i = 0; i < size; i++) {
    // Roughly chronological (so near-copies usually come after their source), with jitter.
    const day = isoToDays(startDate) + Math.floor((i * spanDays) / Math.max(1, size)) + Math.floor(random() * 4);
    const published = daysToIso(day);

    // This article's cast: each registry person is swapped with probability `swapRate`.
    const cast: CastRole[] = real.people.map((entry) => {
      if (random() >= swapRate) return { entry };
      const index = castPerson();
      castIn.set(index, (castIn.get(index) ?? 0) + 1);
      return { entry, as: { ...people[index]!, registered: index < nRegisteredPeople } };
    });
    const swapNames = castReplacer(cast);
    const groupIndex = real.groups.length > 0 && groups.length > 0 && random() < swapRate ? castGroup() : undefined;
    const group = groupIndex === undefined ? undefined : { from: pick(random, real.groups).name, to: groups[groupIndex]!, registered: groupIndex < nRegisteredGroups };
    const choose = wordChoice(random);
    const transform = (piece: Piece) => {
      let text = shiftDates(piece.text, day - seedDays[piece.seed]!, seedYears[piece.seed]!);
      text = swapNames(text, mentions);
      if (group) {
        const parts = text.split(group.from);
        mentions[group.registered ? 'registered' : 'unregistered'] += parts.length - 1;
        text = parts.join(group.to);
      }
      return vary(random, choose(text), 6);
    };

    const target = 600 + Math.floor(random() * 600);
    const body: string[] = [];
    let words = 0;
    while (words < target) {
      let paragraph: string;
      if (random() < 0.35) {
        paragraph = transform(pick(random, material.paragraphs));
      } else {
        const count = 2 + Math.floor(random() * 4);
        const chosen = new Set<Piece>();
        for (let k = 0; k < count * 2 && chosen.size < count; k++) chosen.add(pick(random, material.sentences));
        paragraph = [...chosen].map(transform).join(' ');
      }
      body.push(paragraph);
      words += countWords(paragraph);
    }

    let nearCopyOf: number | undefined;
    if (i >= 20 && random() < nearCopyRate) {
      nearCopyOf = Math.max(0, i - 1 - Math.floor(random() * Math.min(200, i)));
      const source = bodies[nearCopyOf]!;
      const reused = 2 + Math.floor(random() * 3);
      for (let k = 0; k < reused; k++) {
        const at = Math.floor(random() * (body.length + 1));
        body.splice(at, 0, source[Math.floor(random() * source.length)]!);
      }
      nearCopies++;
    }
    bodies.push(body);

    const lead = pick(random, material.sentences);
    const title = transform(lead).replace(/[.!?”"’]+$/, '').split(/\s+/).slice(0, 8 + Math.floor(random() * 6)).join(' ');
    const outlet = pick(random, OUTLETS);
    const id = `${String(i).padStart(5, '0')}_${hex(random, 12)}`;
    const asMarkdown = random() < 0.7;
    const text = asMarkdown
      ? `---\ntitle: ${JSON.stringify(title)}\noutlet: ${JSON.stringify(outlet)}\npublished: ${published}\n---\n\n${body.join('\n\n')}\n`
      : `${title}\n\n${datelineFor(day)}\n\n${body.join('\n\n')}\n`;
    articles.push({
      file: `content/articles/${id}.${asMarkdown ? 'md' : 'txt'}`,
      text,
      published,
      nearCopyOf,
      words: body.reduce((sum, p) => sum + countWords(p), 0),
    });
  }

  const generatedRegistry = { file: 'content/entities/generated.yaml', text: registryYaml(people.slice(0, nRegisteredPeople).map((p) => p.name), groups.slice(0, nRegisteredGroups)) };
  const encoder = new TextEncoder();
  return {
    inputs: {
      settings: SETTINGS,
      articles: articles.map((a) => ({ file: a.file, bytes: encoder.encode(a.text) })),
      registryFiles: [...registryFiles, generatedRegistry],
    },
    articles,
    generatedRegistry,
    stats: {
      words: articles.reduce((sum, a) => sum + a.words, 0),
      nearCopies,
      registeredPeople: nRegisteredPeople,
      registeredGroups: nRegisteredGroups,
      distinctPeople: castIn.size,
      mentions,
      people: [...castIn].sort(([a], [b]) => a - b).map(([index, count]) => ({ name: people[index]!.name, registered: index < nRegisteredPeople, articles: count })),
    },
  };
}

function datelineFor(days: number): string {
  const { year, month, day } = daysToParts(days);
  return `${MONTHS[month]!.slice(0, 3).toUpperCase()} ${day}, ${year}`;
}

function idFor(name: string): string {
  return `gen-${name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
}

/** The generated registry file, in the format of docs/registry.md. */
function registryYaml(people: string[], groups: string[]): string {
  const lines = ['# Generated for the benchmark (scripts/bench/corpus.ts): synthetic actors.', ''];
  for (const name of people) {
    lines.push(`- id: ${idFor(name)}`, '  kind: actor', '  subtype: person', `  name: ${name}`, '  description: Synthetic person generated for the benchmark.', '');
  }
  for (const name of groups) {
    lines.push(`- id: ${idFor(name)}`, '  kind: actor', '  subtype: armed-group', `  name: ${name}`, '  description: Synthetic armed group generated for the benchmark.', '');
  }
  return lines.join('\n');
}

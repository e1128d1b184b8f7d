/**
 * Content checks for the curated entity registry (a copy of the seed registry in `tests/fixtures/seed-story/entities/`).
 *
 * Parses the YAML directly with the `yaml` package rather than through the
 * registry loader, so the data can be checked independently of (and before)
 * the loader: ids, cross-entry string uniqueness, references, coordinates,
 * dates, and that the registry's names actually occur in the articles.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';

/* ------------------------------------------------------------------ */
/* Loading                                                             */
/* ------------------------------------------------------------------ */

const ENTITY_FILES = ['actors.yaml', 'bases.yaml', 'events.yaml', 'places.yaml'] as const;
const ENTITIES_DIR = new URL('../../fixtures/seed-story/entities/', import.meta.url);
const ARTICLES_DIR = new URL('../../fixtures/seed-story/articles/', import.meta.url);

interface RawEntry {
  id: string;
  kind: string;
  subtype: string;
  name: string;
  description: string;
  aliases?: string[];
  demonyms?: string[];
  metonyms?: string[];
  affiliation?: string[];
  coordinates?: [number, number];
  operator?: string;
  place?: string;
  date?: unknown;
  participants?: string[];
  file: string;
}

function loadFile(file: string): { entries: RawEntry[]; errors: string[] } {
  const doc = parseDocument(readFileSync(new URL(file, ENTITIES_DIR), 'utf8'));
  const errors = doc.errors.map((e) => `${file}: ${e.message}`);
  const data: unknown = doc.toJS();
  if (!Array.isArray(data)) return { entries: [], errors: [...errors, `${file}: top level is not a sequence`] };
  return { entries: data.map((e) => ({ ...(e as Omit<RawEntry, 'file'>), file })), errors };
}

const loaded = ENTITY_FILES.map(loadFile);
const entries: RawEntry[] = loaded.flatMap((l) => l.entries);
const byId = new Map(entries.map((e) => [e.id, e]));

// Every article in the folder (the seeds today), so adding articles keeps the checks meaningful.
const articleTexts: string[] = readdirSync(ARTICLES_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(new URL(f, ARTICLES_DIR), 'utf8'));
const corpus = articleTexts.join('\n');

/* ------------------------------------------------------------------ */
/* Helpers (tested below on synthetic input so they can fail)          */
/* ------------------------------------------------------------------ */

type SurfaceField = 'name' | 'aliases' | 'demonyms' | 'metonyms';

interface Surface {
  id: string;
  kind: string;
  subtype: string;
  field: SurfaceField;
}

function surfacesOf(e: Pick<RawEntry, 'name' | 'aliases' | 'demonyms' | 'metonyms'>): [string, SurfaceField][] {
  return [
    [e.name, 'name'],
    ...(e.aliases ?? []).map((s): [string, SurfaceField] => [s, 'aliases']),
    ...(e.demonyms ?? []).map((s): [string, SurfaceField] => [s, 'demonyms']),
    ...(e.metonyms ?? []).map((s): [string, SurfaceField] => [s, 'metonyms']),
  ];
}

/**
 * Strings (case-insensitive) claimed by more than one entry. The one allowed
 * overlap: a place's name/alias repeated as a state's metonym ("Moscow" the
 * city vs. "Moscow" the Russian government), and only one place may take part.
 */
function duplicateSurfaces(list: Pick<RawEntry, 'id' | 'kind' | 'subtype' | 'name' | 'aliases' | 'demonyms' | 'metonyms'>[]): string[] {
  const owners = new Map<string, Surface[]>();
  for (const e of list) {
    for (const [text, field] of surfacesOf(e)) {
      const key = text.toLowerCase();
      const current = owners.get(key) ?? [];
      // Case variants inside one entry are intentional (matching is case-sensitive).
      if (!current.some((s) => s.id === e.id)) current.push({ id: e.id, kind: e.kind, subtype: e.subtype, field });
      owners.set(key, current);
    }
  }
  const problems: string[] = [];
  for (const [key, surfaces] of owners) {
    if (surfaces.length < 2) continue;
    const places = surfaces.filter((s) => s.kind === 'place' && (s.field === 'name' || s.field === 'aliases'));
    const stateMetonyms = surfaces.filter((s) => s.kind === 'actor' && s.subtype === 'state' && s.field === 'metonyms');
    const allowed = places.length === 1 && stateMetonyms.length === surfaces.length - 1;
    if (!allowed) problems.push(`"${key}": ${surfaces.map((s) => `${s.id}.${s.field}`).join(', ')}`);
  }
  return problems;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whole-word, case-sensitive occurrence, the way the linker matches. */
function occursAsWord(text: string, haystack: string): boolean {
  return new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(text)}(?![\\p{L}\\p{N}_])`, 'u').test(haystack);
}

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const YEAR = /^\d{4}$/;

/** First and last ISO day a registry date form covers, or undefined if malformed. */
function dateSpan(raw: unknown): [string, string] | undefined {
  const value = typeof raw === 'number' ? String(raw) : raw;
  if (typeof value === 'string') {
    if (DAY.test(value)) return [value, value];
    if (MONTH.test(value)) return [`${value}-01`, `${value}-31`];
    if (YEAR.test(value)) return [`${value}-01-01`, `${value}-12-31`];
    return undefined;
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const { from, to } = value as { from?: unknown; to?: unknown };
    const a = dateSpan(from);
    const b = dateSpan(to);
    if (!a || !b || typeof from === 'object' || typeof to === 'object') return undefined;
    return a[0] <= b[1] ? [a[0], b[1]] : undefined;
  }
  return undefined;
}

const entry = (id: string, kind: string, subtype: string, name: string, extra: Partial<RawEntry> = {}) => ({
  id,
  kind,
  subtype,
  name,
  ...extra,
});

describe('helpers used by the content checks', () => {
  it('duplicateSurfaces flags a string shared by two entries, case-insensitively', () => {
    const problems = duplicateSurfaces([
      entry('a', 'actor', 'person', 'Ali', { aliases: ['Sharaa'] }),
      entry('b', 'actor', 'person', 'Bob', { aliases: ['sharaa'] }),
    ]);
    expect(problems).toEqual(['"sharaa": a.aliases, b.aliases']);
  });

  it('duplicateSurfaces allows a state metonym equal to a place name, and nothing looser', () => {
    const city = entry('moscow', 'place', 'city', 'Moscow');
    expect(duplicateSurfaces([city, entry('russia', 'actor', 'state', 'Russia', { metonyms: ['Moscow'] })])).toEqual([]);
    // Same word as an alias (not a metonym) of the state: error.
    expect(duplicateSurfaces([city, entry('russia', 'actor', 'state', 'Russia', { aliases: ['Moscow'] })])).toHaveLength(1);
    // Metonym of a non-state actor: error.
    expect(duplicateSurfaces([city, entry('times', 'actor', 'media', 'Times', { metonyms: ['Moscow'] })])).toHaveLength(1);
    // Two places with the same name: error even with a state metonym.
    expect(
      duplicateSurfaces([city, entry('moscow-idaho', 'place', 'city', 'Moscow'), entry('russia', 'actor', 'state', 'Russia', { metonyms: ['Moscow'] })]),
    ).toHaveLength(1);
  });

  it('duplicateSurfaces accepts case variants within one entry', () => {
    expect(duplicateSurfaces([entry('a', 'actor', 'person', 'Al-Sharaa', { aliases: ['al-Sharaa'] })])).toEqual([]);
  });

  it('occursAsWord matches whole words only, case-sensitively', () => {
    expect(occursAsWord('US', 'US-backed Kurdish forces')).toBe(true);
    expect(occursAsWord('US', 'let us go')).toBe(false);
    expect(occursAsWord('Assad', 'Assadists')).toBe(false);
    expect(occursAsWord('@white_lenka', '— Lenka White (@white_lenka) January')).toBe(true);
  });

  it('dateSpan accepts the four registry forms and rejects others', () => {
    expect(dateSpan('2026-01-28')).toEqual(['2026-01-28', '2026-01-28']);
    expect(dateSpan('2024-12')).toEqual(['2024-12-01', '2024-12-31']);
    expect(dateSpan(2015)).toEqual(['2015-01-01', '2015-12-31']);
    expect(dateSpan({ from: '2026-01-23', to: '2026-01-27' })).toEqual(['2026-01-23', '2026-01-27']);
    expect(dateSpan({ from: '2026-01-27', to: '2026-01-23' })).toBeUndefined();
    expect(dateSpan('January 2026')).toBeUndefined();
    expect(dateSpan('2026-13')).toBeUndefined();
    expect(dateSpan({ from: '2026-01-23' })).toBeUndefined();
  });
});

/* ------------------------------------------------------------------ */
/* The registry                                                        */
/* ------------------------------------------------------------------ */

const KINDS = ['actor', 'base', 'event', 'place'];
const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

describe('seed-story registry (tests/fixtures/seed-story/entities)', () => {
  it('parses without YAML errors into non-empty sequences', () => {
    expect(loaded.flatMap((l) => l.errors)).toEqual([]);
    for (const l of loaded) expect(l.entries.length).toBeGreaterThan(0);
  });

  it('every entry has the required fields and a known kind', () => {
    const problems = entries.flatMap((e) => {
      const missing = (['id', 'kind', 'subtype', 'name', 'description'] as const).filter(
        (f) => typeof e[f] !== 'string' || e[f].trim() === '',
      );
      const out = missing.map((f) => `${e.file}:${e.id ?? '?'} missing ${f}`);
      if (!KINDS.includes(e.kind)) out.push(`${e.id}: unknown kind ${e.kind}`);
      if (!KEBAB_CASE.test(e.id)) out.push(`${e.id}: id is not kebab-case`);
      return out;
    });
    expect(problems).toEqual([]);
  });

  it('keeps each kind in its own file', () => {
    const fileOfKind: Record<string, string> = { actor: 'actors.yaml', base: 'bases.yaml', event: 'events.yaml', place: 'places.yaml' };
    expect(entries.filter((e) => fileOfKind[e.kind] !== e.file).map((e) => e.id)).toEqual([]);
  });

  it('has unique ids across all files', () => {
    const seen = new Set<string>();
    const dupes = entries.filter((e) => (seen.has(e.id) ? true : (seen.add(e.id), false))).map((e) => e.id);
    expect(dupes).toEqual([]);
  });

  it('gives every name/alias/demonym/metonym to one entry only (except state metonym = place)', () => {
    expect(duplicateSurfaces(entries)).toEqual([]);
  });

  it('uses the metonym overlap exactly for the capitals standing for governments', () => {
    const overlaps = entries
      .filter((e) => e.kind === 'actor')
      .flatMap((e) => (e.metonyms ?? []).filter((m) => entries.some((p) => p.kind === 'place' && p.name === m)).map((m) => `${e.id}:${m}`));
    expect(overlaps.sort()).toEqual(['russia:Moscow', 'syria:Damascus']);
  });

  it('resolves every referenced id to an entry of the right kind', () => {
    const problems: string[] = [];
    const check = (from: RawEntry, field: string, id: string, kinds: string[]) => {
      const target = byId.get(id);
      if (!target) problems.push(`${from.id}.${field} → ${id} does not exist`);
      else if (!kinds.includes(target.kind)) problems.push(`${from.id}.${field} → ${id} is a ${target.kind}`);
    };
    for (const e of entries) {
      for (const id of e.affiliation ?? []) check(e, 'affiliation', id, ['actor']);
      for (const id of e.participants ?? []) check(e, 'participants', id, ['actor']);
      if (e.operator !== undefined) check(e, 'operator', e.operator, ['actor']);
      if (e.place !== undefined) check(e, 'place', e.place, ['place']);
    }
    expect(problems).toEqual([]);
  });

  it('gives every base and place valid [lat, lon] coordinates, and every base an operator', () => {
    const problems = entries
      .filter((e) => e.kind === 'base' || e.kind === 'place')
      .flatMap((e) => {
        const c = e.coordinates;
        const ok =
          Array.isArray(c) &&
          c.length === 2 &&
          typeof c[0] === 'number' &&
          typeof c[1] === 'number' &&
          Math.abs(c[0]) <= 90 &&
          Math.abs(c[1]) <= 180;
        const out = ok ? [] : [`${e.id}: bad coordinates ${JSON.stringify(c)}`];
        if (e.kind === 'base' && typeof e.operator !== 'string') out.push(`${e.id}: base without operator`);
        return out;
      });
    expect(problems).toEqual([]);
  });

  it('places the Syrian bases and places inside Syria, and Moscow in Russia', () => {
    // A rough bounding box catches swapped [lon, lat] pairs, the commonest slip.
    const inSyria = (id: string) => {
      const [lat, lon] = byId.get(id)?.coordinates ?? [0, 0];
      return lat > 32 && lat < 37.5 && lon > 35.5 && lon < 42.5;
    };
    for (const id of ['hmeimim-air-base', 'tartus-naval-base', 'qamishli-airport', 'damascus', 'latakia', 'tartus', 'qamishli', 'quneitra', 'deraa']) {
      expect(inSyria(id), id).toBe(true);
    }
    expect(byId.get('moscow')?.coordinates).toEqual([55.7558, 37.6173]);
  });

  it('gives every event a valid date and at least one participant', () => {
    const events = entries.filter((e) => e.kind === 'event');
    expect(events.filter((e) => dateSpan(e.date) === undefined).map((e) => e.id)).toEqual([]);
    expect(events.filter((e) => (e.participants ?? []).length === 0).map((e) => e.id)).toEqual([]);
  });

  it('dates the key events at the precision the articles give', () => {
    expect(byId.get('putin-sharaa-meeting-october-2025')?.date).toBe('2025-10-15');
    expect(byId.get('putin-sharaa-meeting-january-2026')?.date).toBe('2026-01-28');
    expect(byId.get('kremlin-announcement-sharaa-visit')?.date).toBe('2026-01-27');
    expect(byId.get('trump-sharaa-call-january-2026')?.date).toBe('2026-01-28');
    expect(byId.get('russian-withdrawal-qamishli')?.date).toEqual({ from: '2026-01-23', to: '2026-01-27' });
    expect(byId.get('assad-ouster')?.date).toBe('2024-12');
    // "2015" must stay a year: an invented day would misstate the source.
    expect(String(byId.get('russian-intervention-in-syria')?.date)).toBe('2015');
  });

  it('keeps bare "Tartus" for the city and multi-word names for the naval base', () => {
    expect(byId.get('tartus')?.name).toBe('Tartus');
    const base = byId.get('tartus-naval-base');
    expect(base).toBeDefined();
    for (const [text] of surfacesOf(base!)) expect(text.trim().split(/\s+/).length).toBeGreaterThan(1);
  });
});

/* ------------------------------------------------------------------ */
/* The registry matches the texts                                      */
/* ------------------------------------------------------------------ */

describe('registry coverage of the articles', () => {
  /** [entity id, the exact string as it appears in a seed article]. */
  const SEED_FORMS: [string, string][] = [
    ['vladimir-putin', 'Vladimir Putin'],
    ['vladimir-putin', 'Putin'],
    ['ahmed-al-sharaa', 'Ahmed al-Sharaa'],
    ['ahmed-al-sharaa', 'Ahmad al-Sharaa'],
    ['ahmed-al-sharaa', 'al\u2011Sharaa'], // U+2011 non-breaking hyphen, seed 004
    ['ahmed-al-sharaa', 'Ahmed al\u2011Sharaa'],
    ['ahmed-al-sharaa', 'Sharaa'],
    ['ahmed-al-sharaa', 'Abu Mohammad al-Jolani'],
    ['donald-trump', 'President Trump'],
    ['donald-trump', 'Trump'],
    ['bashar-al-assad', 'Bashar al-Assad'],
    ['bashar-al-assad', 'Bashar al\u2011Assad'],
    ['bashar-al-assad', 'Assad'],
    ['dmitry-peskov', 'Dmitry Peskov'],
    ['dmitry-peskov', 'Peskov'],
    ['samuel-ramani', 'Samuel Ramani'],
    ['samuel-ramani', 'Ramani'],
    ['ahmed-ali', 'Ahmed Ali'],
    ['aghiad-hegazi', 'Aghiad Hegazi'],
    ['pepe-escobar', '@RealPepeEscobar'],
    ['lenka-white', '@white_lenka'],
    ['levent-kemal', '@leventkemaI'],
    ['russia', 'Russia'],
    ['russia', 'Russians'],
    ['russia', 'the Kremlin'],
    ['russia', 'Moscow'],
    ['syria', 'Syrian'],
    ['syria', 'Damascus'],
    ['united-states', 'US'],
    ['united-states', 'U.S.'],
    ['united-states', 'United States'],
    ['united-states', 'Washington'],
    ['turkiye', 'Türkiye'],
    ['turkiye', 'Turkey'],
    ['turkiye', 'Ankara'],
    ['iran', 'Tehran'],
    ['israel', 'Israeli'],
    ['syrian-democratic-forces', 'Syrian Democratic Forces'],
    ['syrian-democratic-forces', 'SDF'],
    ['hayat-tahrir-al-sham', 'HTS'],
    ['hayat-tahrir-al-sham', 'Hayat Tahrir al\u2011Sham'],
    ['islamic-state', 'ISIS'],
    ['islamic-state', 'ISIS/Daesh'],
    ['nusra-front', 'Syrian al-Qaeda'],
    ['un-security-council', 'UN Security Council'],
    ['hmeimim-air-base', 'Hmeimim Air Base'],
    ['hmeimim-air-base', 'Hmeimim airbase'],
    ['hmeimim-air-base', 'Hmeimim'],
    ['tartus-naval-base', 'Tartus naval base'],
    ['tartus-naval-base', 'naval base at Tartus'],
    ['tartus', 'Tartus'],
    ['qamishli-airport', 'Qamishli Airport'],
    ['qamishli-airport', 'Qamishli airport'],
    ['moscow', 'Moscow'],
    ['latakia', 'Latakia'],
    ['quneitra', 'Quneitra'],
    ['deraa', 'Deraa'],
    ['northeast-syria', 'northeast Syria'],
    ['eastern-syria', 'eastern Syria'],
    ['southern-syria', 'southern Syria'],
    ['northern-syria', 'northern Syria'],
    ['al-jazeera', 'Al Jazeera'],
    ['shafaq-news', 'Shafaq News'],
    ['associated-press', 'AP'],
    ['the-cradle', 'The Cradle'],
    ['tass', 'TASS'],
    ['rusi', 'RUSI'],
    ['chatham-house', 'Chatham House'],
    ['csis', 'csis.org'],
    ['fdd', 'fdd.org'],
    ['strategiecs', 'Strategiecs'],
    ['reuters', 'Reuters'],
    ['the-moscow-times', 'The Moscow Times'],
    ['the-jerusalem-post', 'The Jerusalem Post'],
    ['the-guardian', 'theguardian.com'],
    ['turkiye-today', 'Türkiye Today'],
    ['putin-sharaa-meeting-january-2026', 'Putin-Sharaa summit'],
    ['arab-russia-summit-postponement', 'Arab\u2011Russia summit'],
  ];

  it.each(SEED_FORMS)('%s is found as "%s", which occurs in an article', (id, form) => {
    const e = byId.get(id);
    expect(e, `no entry ${id}`).toBeDefined();
    expect(surfacesOf(e!).map(([text]) => text)).toContain(form);
    expect(occursAsWord(form, corpus)).toBe(true);
  });

  it('attests every actor, base and place in the articles (no entries for names nobody uses)', () => {
    // Events are exempt: most are referred to by description, not by a name.
    const unattested = entries
      .filter((e) => e.kind !== 'event')
      .filter((e) => !surfacesOf(e).some(([text]) => occursAsWord(text, corpus)))
      .map((e) => e.id);
    // The southern posts and the Quneitra hub are described, never named.
    expect(unattested.sort()).toEqual(['quneitra-logistics-hub', 'southern-syria-posts']);
  });

  it('does not link the seed texts through generic words', () => {
    // Generic event words must never be aliases; they would link every article.
    const generic = new Set(['the meeting', 'meeting', 'the visit', 'visit', 'the talks', 'talks', 'summit', 'the base', 'the airport']);
    expect(entries.flatMap((e) => (e.aliases ?? []).filter((a) => generic.has(a.toLowerCase())).map((a) => `${e.id}:${a}`))).toEqual([]);
  });
});

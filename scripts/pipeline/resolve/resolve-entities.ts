/**
 * Resolve stage: the names discovery found → one entity per referent.
 *
 *   type each name (head words, cues, reference data)
 *   → cluster people (full names, spelling variants, bare surnames)
 *   → cluster everything else (spelling variants, acronyms, demonyms → state)
 *   → match the registry (it confirms, renames, retypes, describes, merges, hides)
 *   → keep what the sources support (thresholds) as entities; the rest stays a candidate.
 *
 * Pure: reference data comes in as plain data and one lookup function.
 */
import nlp from 'compromise';
import { Document, isSeq, visit } from 'yaml';
import type { Candidate, Curation, DateValue, Diagnostic, Entity, SentenceRef } from '../model.ts';
import type { DiscoveredName } from '../discover/index.ts';
import { slugify } from '../shared/slug.ts';
import { surnamesOf } from '../link/surface-forms.ts';
import type { CountryRecord, GazetteerPlace, ReferenceData } from './reference.ts';
import { foldName, matchKey, nameWords, namesMatch, personNamesMatch, wordsMatch, foldWord } from './similar-names.ts';
import { DEFAULT_DISCOVERY_THRESHOLDS, type DiscoveryThresholds } from './thresholds.ts';
import { guessFromHead, guessOf, kindOfEntity, type DiscoveredKind } from './typing.ts';

export interface ResolveInputs {
  names: readonly DiscoveredName[];
  /** The loaded registry, `ignore: true` entries included. */
  registry: readonly Entity[];
  reference: ReferenceData;
  /** Articles in corpus order, with their publication dates. */
  articles: readonly { slug: string; published?: DateValue }[];
  thresholds?: DiscoveryThresholds;
}

export interface Resolution {
  /** Registry entries (with what the texts add) and discovered entities that get a page. */
  entities: Entity[];
  /** Names below the thresholds, or doubtful: for the report. */
  candidates: Candidate[];
  curation: Omit<Curation, 'unmentioned'>;
  diagnostics: Diagnostic[];
}

interface Cluster {
  names: DiscoveredName[];
  kind: DiscoveredKind;
  subtype?: string;
  country?: CountryRecord;
  /** Bare single-word forms of a person (surnames as written). */
  surnames: DiscoveredName[];
  /** Evidence beyond the name's shape: a cue, reference data, a head word. */
  supported: boolean;
  registry?: Entity;
  /** A capital city: its coordinates come from the gazetteer entry in that state. */
  capitalOf?: CountryRecord;
  /** The gazetteer knows it as a place (a town or a division). */
  inGazetteer?: true;
}

const PERSON_NOUN = /\b(?:president|minister|premier|spokes(?:man|woman|person)|advis[eo]r|envoy|ambassador|chair(?:man|woman)?|leader|commander|general|secretary|analyst|researcher|director|governor|mayor|official|diplomat|aide|deputy|professor|journalist|correspondent|fellow|senator|lawmaker|negotiator|expert|king|emir|chancellor|speaker|founder|head|chief|mediator|representative|colonel|activist|editor|reporter|politician|counterpart)\b/i;
const ACRONYM = /^\p{Lu}[\p{Lu}\p{N}]{1,7}$/u;

/**
 * A title or role names a person; speech does so only for a multiword name
 * (a ministry or "the Kremlin" also "said").
 */
function personCue(name: DiscoveredName): boolean {
  return name.roles.some((role) => PERSON_NOUN.test(role.phrase)) || (name.speech > 0 && name.words > 1 && !ACRONYM.test(name.name));
}

function compareNames(a: { count: number; name: string }, b: { count: number; name: string }): number {
  return b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

/** Reference lookups by folded name. */
function indexCountries(countries: readonly CountryRecord[]) {
  const byName = new Map<string, CountryRecord>();
  const byDemonym = new Map<string, CountryRecord>();
  const byCapital = new Map<string, CountryRecord>();
  for (const country of countries) {
    for (const name of [country.name, ...country.variants]) {
      const key = ACRONYM.test(name) ? name : foldName(name);
      if (key && !byName.has(key)) byName.set(key, country);
    }
    for (const demonym of country.demonyms) {
      for (const form of [demonym, `${demonym}s`]) if (!byDemonym.has(foldName(form))) byDemonym.set(foldName(form), country);
    }
    for (const capital of country.capitals) {
      // "Washington D.C." is written "Washington".
      for (const form of [capital, capital.replace(/,?\s+(?:\p{Lu}\.)+$/u, '')]) if (!byCapital.has(foldName(form))) byCapital.set(foldName(form), country);
    }
  }
  const keyOf = (name: string) => (ACRONYM.test(name) ? name : foldName(name));
  return {
    country: (name: string) => byName.get(keyOf(name)),
    demonym: (name: string) => byDemonym.get(foldName(name)),
    capital: (name: string) => byCapital.get(foldName(name)),
  };
}

function totalCount(cluster: Cluster): number {
  return [...cluster.names, ...cluster.surnames].reduce((sum, name) => sum + name.count, 0);
}

function sourcesOf(cluster: Cluster): string[] {
  return [...new Set([...cluster.names, ...cluster.surnames].flatMap((name) => name.articles))].sort();
}

/** The display name: the most used full form (a person's longest common full name, an organisation's expansion over its acronym). */
function mainName(cluster: Cluster): string {
  if (cluster.country) return cluster.country.name;
  const ranked = [...cluster.names].sort((a, b) => {
    const acronym = (ACRONYM.test(a.name) ? 1 : 0) - (ACRONYM.test(b.name) ? 1 : 0);
    // A person's full name written most often; among equals, the shorter one (without honorifics).
    const fuller = cluster.kind === 'person' ? (b.words > 1 ? 1 : 0) - (a.words > 1 ? 1 : 0) : 0;
    const length = cluster.kind === 'person' ? a.words - b.words : b.words - a.words;
    return acronym || fuller || b.count - a.count || length || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  });
  return ranked[0]?.name ?? cluster.surnames[0]?.name ?? '';
}

/** The kind a name has on its own (before clustering), or undefined for an adjective. */
function initialKind(name: DiscoveredName, countries: ReturnType<typeof indexCountries>): { kind: DiscoveredKind | 'demonym' | 'single'; subtype?: string; country?: CountryRecord; supported: boolean } | undefined {
  if (name.installation) return { kind: 'base', subtype: name.installation.subtype, supported: true };
  const strongPerson = personCue(name);
  const country = countries.country(name.name);
  if (country && !strongPerson) return { kind: 'state', country, supported: true };
  const demonymOf = countries.demonym(name.name);
  if (demonymOf && name.words === 1) return { kind: 'demonym', country: demonymOf, supported: true };
  const head = guessFromHead(name.name);
  if (head) return { kind: head.kind, subtype: head.subtype, supported: true };
  if (name.words === 1 && ACRONYM.test(name.name)) return { kind: 'organisation', supported: true };
  if (name.words === 1) return { kind: 'single', supported: strongPerson };
  if (!name.type) return undefined;
  if (strongPerson || name.type === 'person') return { kind: 'person', supported: strongPerson || nlp(name.name).has('#FirstName') };
  return { kind: name.type === 'place' ? 'place' : 'organisation', supported: name.locative > 0 };
}

/** Union–find over indices (smallest index is the root, so results do not depend on merge order). */
function unionFind(size: number) {
  const parent = Array.from({ length: size }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const union = (a: number, b: number): void => {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  return { find, union };
}

/** Groups items whose names match, comparing only names that share a word start. */
function clusterBySimilarity<T extends { name: string }>(items: readonly T[], same: (a: T, b: T) => boolean): T[][] {
  const sets = unionFind(items.length);
  // Names that can match share a word beginning with the same three folded letters.
  const buckets = new Map<string, number[]>();
  items.forEach((item, i) => {
    for (const key of new Set(nameWords(item.name).map((word) => foldWord(word).slice(0, 3)))) (buckets.get(key) ?? buckets.set(key, []).get(key)!).push(i);
  });
  for (const members of buckets.values()) {
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const a = members[x]!;
        const b = members[y]!;
        if (sets.find(a) !== sets.find(b) && same(items[a]!, items[b]!)) sets.union(a, b);
      }
    }
  }
  const groups = new Map<number, T[]>();
  items.forEach((item, i) => {
    const root = sets.find(i);
    (groups.get(root) ?? groups.set(root, []).get(root)!).push(item);
  });
  return [...groups.values()];
}

/**
 * An organisation's or installation's short form: "Minsk Group" of "OSCE
 * Minsk Group" (the same words at the end), "Trump Route" of "Trump Route
 * for International Peace and Prosperity" (the words before a glue word).
 */
function shortFormOf(short: { name: string; cluster: Cluster }, long: { name: string; cluster: Cluster }): boolean {
  const kinds = new Set(['organisation', 'base']);
  if (!kinds.has(short.cluster.kind) && !kinds.has(long.cluster.kind)) return false;
  const shortWords = short.name.split(/\s+/);
  const longWords = long.name.split(/\s+/);
  if (shortWords.length < 2 || shortWords.length >= longWords.length) return false;
  const same = (words: string[]) => words.every((word, k) => wordsMatch(word, shortWords[k]!));
  if (same(longWords.slice(longWords.length - shortWords.length)) && ACRONYM.test(longWords[0]!)) return true;
  return same(longWords.slice(0, shortWords.length)) && /^(?:for|of|on)$/.test(longWords[shortWords.length]!);
}

/** "European Union" → "EU"; "Organization for Security and Co-operation in Europe" → "OSCE". */
function initialsOf(name: string): string {
  return (name.match(/(?:^|[\s-])\p{Lu}/gu) ?? []).map((match) => match.trim().replace('-', '')).join('');
}

function lastNameWord(name: string): string {
  return nameWords(name).at(-1) ?? name;
}

/**
 * People clusters by the `matchKey` of one word of their names (`pick`), in
 * the order they were added: a bare word is compared only with the clusters
 * it can match. Comparing each with every person was most of resolve's time
 * at 5,000 articles.
 */
class PeopleByWord {
  private readonly byKey = new Map<string, Cluster[]>();
  private readonly pick: (name: DiscoveredName) => string | undefined;

  // No parameter property: the worker thread loads this module with Node's type stripping, which refuses them.
  constructor(pick: (name: DiscoveredName) => string | undefined) {
    this.pick = pick;
  }

  add(cluster: Cluster): void {
    for (const name of cluster.names) {
      const word = this.pick(name);
      if (word === undefined) continue;
      const key = matchKey(word);
      const list = this.byKey.get(key) ?? this.byKey.set(key, []).get(key)!;
      if (list.at(-1) !== cluster) list.push(cluster);
    }
  }

  /** The clusters that may have a name whose picked word matches `word`, in the order they were added. */
  candidates(word: string): readonly Cluster[] {
    return this.byKey.get(matchKey(word)) ?? [];
  }
}

/** Registry terms by folded form: names and aliases (and a person's surnames, separately). */
function indexRegistry(entities: readonly Entity[]) {
  const terms = new Map<string, Entity[]>();
  const surnames = new Map<string, Entity[]>();
  const add = (map: Map<string, Entity[]>, text: string, entity: Entity) => {
    const key = foldName(text);
    if (!key) return;
    const list = map.get(key) ?? [];
    if (!list.includes(entity)) list.push(entity);
    map.set(key, list);
  };
  const metonyms = new Map<string, Entity[]>();
  for (const entity of entities) {
    for (const text of [entity.name, ...entity.aliases, ...entity.demonyms]) add(terms, text, entity);
    for (const text of entity.metonyms) add(metonyms, text, entity);
    if (entity.kind === 'actor' && entity.subtype === 'person') {
      for (const full of [entity.name, ...entity.aliases]) for (const surname of surnamesOf(full)) add(surnames, surname, entity);
      for (const surname of entity.surnames ?? []) add(surnames, surname, entity);
    }
  }
  return { terms, surnames, metonyms };
}

function placeOf(findPlaces: ReferenceData['findPlaces'], name: string, countryCodes: ReadonlySet<string>): GazetteerPlace | undefined {
  const places = findPlaces(name);
  // Prefer a place in a state the corpus names; else the most populous of that name.
  return places.find((place) => countryCodes.has(place.country)) ?? places[0];
}

type Located = Entity & { coordinates: [number, number] };

const isLocated = (entity: Entity | undefined): entity is Located => entity?.coordinates !== undefined;

/** The place with coordinates that the cluster's paragraphs most often say a route runs through. */
function placeOnRoute(cluster: Cluster, placesByKey: ReadonlyMap<string, Entity>): Located | undefined {
  const counts = new Map<Located, number>();
  for (const { place, count } of cluster.names.flatMap((name) => name.through ?? [])) {
    const entity = placesByKey.get(foldName(place));
    if (isLocated(entity)) counts.set(entity, (counts.get(entity) ?? 0) + count);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0].id < b[0].id ? -1 : 1))[0]?.[0];
}

function uniqueId(name: string, taken: Set<string>): string {
  const base = slugify(name) || 'entity';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

export function resolveEntities(inputs: ResolveInputs): Resolution {
  const thresholds = inputs.thresholds ?? DEFAULT_DISCOVERY_THRESHOLDS;
  const diagnostics: Diagnostic[] = [];
  const countries = indexCountries(inputs.reference.countries);
  const order = new Map(inputs.articles.map((article, position) => [article.slug, position]));
  const published = new Map(inputs.articles.map((article) => [article.slug, article.published]));

  const ignored = inputs.registry.filter((entity) => entity.ignore);
  const curated = inputs.registry.filter((entity) => !entity.ignore);
  const ignoredKeys = new Set(ignored.flatMap((entity) => [entity.name, ...entity.aliases].map(foldName)));
  const names = inputs.names.filter((name) => !name.variants.some((variant) => ignoredKeys.has(foldName(variant))));

  // 1. Type each name on its own.
  const typed = names.flatMap((name) => {
    const kind = initialKind(name, countries);
    return kind ? [{ name, ...kind }] : [];
  });

  // 2. People: full names by spelling, then bare words by surname.
  const people: Cluster[] = clusterBySimilarity(
    typed.filter((item) => item.kind === 'person').map((item) => ({ ...item, name: item.name.name, item })),
    (a, b) => personNamesMatch(a.name, b.name),
  ).map((group) => ({ names: group.map((g) => g.item.name), kind: 'person', surnames: [], supported: group.some((g) => g.item.supported) }));

  const ambiguous: Curation['ambiguous'] = [];
  const others: Cluster[] = [];
  const singles = typed.filter((item) => item.kind === 'single');
  // The states the corpus or the registry names: a gazetteer place there beats a namesake elsewhere.
  const codes = new Set<string>();
  for (const item of typed) if (item.country) codes.add(item.country.code);
  for (const entity of curated) {
    const country = entity.kind === 'actor' || entity.kind === 'place' ? countries.country(entity.name) : undefined;
    if (country) codes.add(country.code);
  }

  const candidates: Candidate[] = [];
  const asCandidate = (name: DiscoveredName, type: Candidate['type'] | undefined) => {
    const candidateType = type ?? name.type;
    if (candidateType) candidates.push({ name: name.name, type: candidateType, count: name.count, articles: name.articles, examples: name.examples });
  };

  const bySurname = new PeopleByWord((full) => lastNameWord(full.name));
  const byGivenName = new PeopleByWord((full) => (full.words > 1 ? nameWords(full.name)[0] : undefined));
  const addPerson = (cluster: Cluster) => {
    bySurname.add(cluster);
    byGivenName.add(cluster);
  };
  people.forEach(addPerson);
  for (const item of singles) {
    const word = item.name.name;
    const bearers = bySurname.candidates(word).filter((cluster) => cluster.names.some((full) => wordsMatch(lastNameWord(full.name), word)));
    if (bearers.length === 1) {
      bearers[0]!.surnames.push(item.name);
      continue;
    }
    if (bearers.length > 1) {
      ambiguous.push({ name: word, bearers: bearers.map(mainName).sort(), articles: item.name.articles });
      asCandidate(item.name, 'person');
      continue;
    }
    // A given name alone never stands for anyone.
    const givenName = byGivenName.candidates(word).some((cluster) => cluster.names.some((full) => full.words > 1 && wordsMatch(nameWords(full.name)[0] ?? '', word)));
    if (givenName && !personCue(item.name)) {
      asCandidate(item.name, 'person');
      continue;
    }
    const capitalOf = countries.capital(word);
    // Context beats the gazetteer: a word quoted or titled as a person stays one (a capital only when titled: "President X").
    const titled = item.name.roles.some((role) => !role.appositive && PERSON_NOUN.test(role.phrase));
    if (capitalOf ? titled : personCue(item.name)) {
      const person: Cluster = { names: [item.name], kind: 'person', surnames: [], supported: true };
      people.push(person);
      addPerson(person);
      continue;
    }
    const gazetteer = capitalOf ? undefined : placeOf(inputs.reference.findPlaces, word, codes);
    if (capitalOf || (gazetteer && item.name.locative > 0)) {
      others.push({ names: [item.name], kind: 'place', subtype: gazetteer?.division ? 'province' : 'city', surnames: [], supported: true, inGazetteer: true, ...(capitalOf && { capitalOf }) });
      continue;
    }
    const kind: DiscoveredKind = item.name.type === 'person' ? 'person' : item.name.type === 'place' || item.name.locative > 0 ? 'place' : 'organisation';
    // A single word with no cue, no reference and no head word is not supported enough for a page.
    others.push({ names: [item.name], kind, surnames: [], supported: item.name.locative > 0 && item.name.midSentence > 0 });
  }

  // 3. Everything else: same kind and matching spelling (or the same country).
  const byCountry = new Map<CountryRecord, Cluster>();
  const demonyms: { name: DiscoveredName; country: CountryRecord }[] = [];
  const rest: Cluster[] = [];
  for (const item of typed) {
    if (item.kind === 'person' || item.kind === 'single') continue;
    if (item.kind === 'demonym') {
      demonyms.push({ name: item.name, country: item.country! });
      continue;
    }
    if (item.kind === 'state' && item.country) {
      const cluster = byCountry.get(item.country);
      if (cluster) cluster.names.push(item.name);
      else byCountry.set(item.country, { names: [item.name], kind: 'state', country: item.country, surnames: [], supported: true });
      continue;
    }
    rest.push({ names: [item.name], kind: item.kind, ...(item.subtype && { subtype: item.subtype }), surnames: [], supported: item.supported });
  }
  // A demonym stands for its state; the state is an entity even when only its demonym is used.
  const demonymCounts = new Map<CountryRecord, DiscoveredName[]>();
  for (const { name, country } of demonyms) {
    (demonymCounts.get(country) ?? demonymCounts.set(country, []).get(country)!).push(name);
    if (!byCountry.has(country)) byCountry.set(country, { names: [], kind: 'state', country, surnames: [], supported: true });
  }
  // Spellings merge across kinds (a variant seen once may have been typed from too little); the best-supported member's kind wins.
  const merged = clusterBySimilarity([...rest, ...others].map((cluster) => ({ name: cluster.names[0]!.name, cluster })), (a, b) => namesMatch(a.name, b.name) || shortFormOf(a, b) || shortFormOf(b, a)).map((group): Cluster => {
    const lead = [...group].sort((a, b) => Number(b.cluster.supported) - Number(a.cluster.supported) || b.cluster.names[0]!.count - a.cluster.names[0]!.count)[0]!.cluster;
    return { ...lead, names: group.flatMap((g) => g.cluster.names), supported: group.some((g) => g.cluster.supported) };
  });
  // Acronym and expansion: "Collective Security Treaty Organization (CSTO)".
  const clusters: Cluster[] = [];
  const absorbed = new Set<Cluster>();
  for (const cluster of merged) {
    for (const acronym of cluster.names.flatMap((name) => name.acronyms)) {
      const short = merged.find((other) => other !== cluster && !absorbed.has(other) && other.names.some((name) => name.name === acronym));
      if (short) {
        cluster.names.push(...short.names);
        cluster.supported = true;
        absorbed.add(short);
      }
    }
  }
  // A bare acronym whose letters are the initials of exactly one multiword name ("EU", "European Union").
  for (const short of merged) {
    if (absorbed.has(short) || short.names.length !== 1 || !ACRONYM.test(short.names[0]!.name)) continue;
    const acronym = short.names[0]!.name;
    const expansions = merged.filter((other) => other !== short && !absorbed.has(other) && other.names.some((name) => initialsOf(name.name) === acronym));
    if (expansions.length !== 1) continue;
    expansions[0]!.names.push(...short.names);
    expansions[0]!.supported = true;
    absorbed.add(short);
  }
  clusters.push(...people, ...merged.filter((cluster) => !absorbed.has(cluster)), ...byCountry.values());

  // 4. The registry: an entry whose name or alias a cluster uses confirms that cluster.
  const registry = indexRegistry(curated);
  const confirmedBy = new Map<Entity, Cluster[]>();
  for (const cluster of clusters) {
    const forms = [...cluster.names.map((name) => name.name), ...(cluster.country ? [cluster.country.name, ...(demonymCounts.get(cluster.country) ?? []).map((name) => name.name)] : [])];
    const matches = new Set<Entity>();
    for (const form of forms) for (const entity of registry.terms.get(foldName(form)) ?? []) matches.add(entity);
    if (matches.size === 0 && cluster.kind === 'person' && cluster.names.length === 1 && cluster.names[0]!.words === 1) {
      for (const entity of registry.surnames.get(foldName(cluster.names[0]!.name)) ?? []) matches.add(entity);
    }
    if (matches.size === 0) {
      // A metonym ("the Kremlin", "Brussels") stands for its entry without being its name: confirmed, never a clash.
      const metonymOf = forms.flatMap((form) => registry.metonyms.get(foldName(form)) ?? []).sort((a, b) => (a.id < b.id ? -1 : 1))[0];
      if (metonymOf) cluster.registry = metonymOf;
      continue;
    }
    const ranked = [...matches].sort((a, b) => (a.id < b.id ? -1 : 1));
    const main = foldName(mainName(cluster));
    const chosen = ranked.find((entity) => [entity.name, ...entity.aliases].some((term) => foldName(term) === main)) ?? ranked[0]!;
    cluster.registry = chosen;
    (confirmedBy.get(chosen) ?? confirmedBy.set(chosen, []).get(chosen)!).push(cluster);
    for (const other of ranked) {
      if (other === chosen) continue;
      diagnostics.push({
        severity: 'warning',
        code: 'registry/alias-collision',
        file: other.file,
        line: other.line,
        message: `entry "${other.id}": a name or alias also names "${mainName(cluster)}", which the texts attach to "${chosen.id}"; the link goes to "${chosen.id}"`,
      });
    }
    const found = cluster.supported ? cluster.kind : undefined;
    const declared = kindOfEntity(chosen.kind, chosen.subtype);
    // A base or a state is also a place: "Hmeimim" names the village and the air base.
    const compatible = (found === 'place' && (declared === 'state' || declared === 'base')) || (found === 'base' && declared === 'place');
    if (found && declared && found !== declared && !compatible) {
      diagnostics.push({
        severity: 'warning',
        code: 'registry/type-clash',
        file: chosen.file,
        line: chosen.line,
        message: `entry "${chosen.id}": registered as ${chosen.kind} (${chosen.subtype}), but the texts read "${mainName(cluster)}" as a ${found}; the registry wins`,
      });
    }
  }
  // A registry person's bare word that is the surname of someone else the texts name in full collides with that person.
  for (const entity of curated) {
    if (entity.kind !== 'actor' || entity.subtype !== 'person') continue;
    const bareWords = [...entity.aliases.filter((alias) => !/\s/.test(alias)), ...(entity.surnames ?? [])];
    for (const word of bareWords) {
      const other = clusters.find((cluster) => cluster.kind === 'person' && cluster.registry !== entity && cluster.names.some((name) => name.words > 1 && wordsMatch(lastNameWord(name.name), word)));
      if (!other) continue;
      diagnostics.push({
        severity: 'warning',
        code: 'registry/alias-collision',
        file: entity.file,
        line: entity.line,
        message: `entry "${entity.id}": alias "${word}" is also the surname of ${mainName(other)}, named in the texts; a bare "${word}" links only where an article names one of them in full`,
      });
    }
  }

  // 5. Pages where the sources support them; ids that never collide with the registry's.
  const taken = new Set(inputs.registry.map((entity) => entity.id));
  const claimed = new Set([...registry.terms.keys(), ...registry.metonyms.keys()]);
  const discovered: Entity[] = [];
  const registryAdditions = new Map<Entity, { aliases: string[]; surnames: string[]; evidence: Cluster[] }>();
  const ordered = [...clusters].sort((a, b) => compareNames({ count: totalCount(a), name: mainName(a) }, { count: totalCount(b), name: mainName(b) }));
  for (const cluster of ordered) {
    const demonymNames = cluster.country ? (demonymCounts.get(cluster.country) ?? []) : [];
    const count = totalCount(cluster) + demonymNames.reduce((sum, name) => sum + name.count, 0);
    const sources = new Set([...sourcesOf(cluster), ...demonymNames.flatMap((name) => name.articles)]).size;
    const speech = [...cluster.names, ...cluster.surnames].reduce((sum, name) => sum + name.speech, 0);
    if (cluster.registry) {
      const additions = registryAdditions.get(cluster.registry) ?? { aliases: [], surnames: [], evidence: [] };
      additions.evidence.push(cluster);
      // Spellings the registry does not list yet become aliases (a form the registry gives anyone stays theirs).
      for (const name of cluster.names) additions.aliases.push(...name.variants);
      for (const name of cluster.surnames) additions.surnames.push(...name.variants);
      registryAdditions.set(cluster.registry, additions);
      continue;
    }
    const allNames = [...cluster.names, ...cluster.surnames];
    // A word only ever seen opening a sentence may be capitalised for that reason alone, unless a cue says who it is.
    const onlySentenceInitial = allNames.every((name) => name.midSentence === 0) && demonymNames.length === 0 && !allNames.some(personCue);
    const commonWordsOnly = allNames.length > 0 && allNames.every((name) => name.commonWords) && !cluster.country;
    const eventSite = cluster.inGazetteer === true && cluster.names.some((name) => name.eventSite > 0);
    const enough = count >= thresholds.minMentions || sources >= thresholds.minSources || (thresholds.quoteSuffices && speech > 0) || (thresholds.eventSiteSuffices && eventSite);
    const personWithoutFullName = cluster.kind === 'person' && cluster.names.every((name) => name.words === 1) && !cluster.supported;
    if (!enough || !cluster.supported || onlySentenceInitial || commonWordsOnly || personWithoutFullName) {
      const type: Candidate['type'] = cluster.kind === 'person' ? 'person' : cluster.kind === 'organisation' ? 'organisation' : 'place';
      for (const name of allNames) asCandidate(name, type);
      continue;
    }
    discovered.push(buildEntity(cluster, { count, sources, taken, claimed, order, published, reference: inputs.reference, codes }));
  }

  // Bases named with a place take that place's coordinates (and link to it).
  const placesByKey = new Map<string, Entity>();
  for (const entity of [...curated, ...discovered]) if (entity.kind === 'place') for (const form of [entity.name, ...entity.aliases]) placesByKey.set(foldName(form), entity);
  for (const entity of discovered) {
    if (entity.kind !== 'base') continue;
    const cluster = clusters.find((c) => c.names.some((name) => name.name === entity.name));
    const placeName = cluster?.names.find((name) => name.installation?.place)?.installation?.place ?? entity.name.split(/\s+/).slice(0, -1).join(' ');
    const place = placesByKey.get(foldName(placeName));
    if (place) {
      entity.place = place.id;
      if (place.coordinates && !entity.coordinates) entity.coordinates = place.coordinates;
    }
    if (!entity.coordinates) {
      const hit = placeOf(inputs.reference.findPlaces, placeName, codes);
      if (hit) entity.coordinates = hit.coordinates;
    }
    // A route named with no place of its own is where its paragraphs say a route runs through.
    if (!entity.coordinates && entity.subtype === 'route' && cluster) {
      const through = placeOnRoute(cluster, placesByKey);
      if (through) {
        entity.place = through.id;
        entity.coordinates = through.coordinates;
      }
    }
  }

  const entities = [
    ...curated.map((entity) => {
      const additions = registryAdditions.get(entity);
      if (!additions) return entity;
      // Exact strings: the linker matches forms as written, so "Elena Quíspe" needs its own alias beside "Elena Quispe".
      const own = new Set([entity.name, ...entity.aliases, ...entity.demonyms, ...entity.metonyms].map((term) => term.normalize('NFC')));
      const aliases = [...new Set(additions.aliases)].filter((alias) => {
        const key = foldName(alias);
        // A form another entry claims stays that entry's; a person's bare word is a surname, never an alias.
        const others = [...(registry.terms.get(key) ?? []), ...(registry.metonyms.get(key) ?? [])].filter((other) => other !== entity);
        const ownMetonym = (registry.metonyms.get(key) ?? []).includes(entity);
        return !own.has(alias.normalize('NFC')) && !ownMetonym && others.length === 0 && !(entity.subtype === 'person' && !/\s/.test(alias)) && alias !== alias.toUpperCase();
      });
      const surnames = [...new Set(additions.surnames)].filter((surname) => (registry.surnames.get(foldName(surname)) ?? [entity]).every((other) => other === entity));
      const evidence = evidenceOf(additions.evidence, true, order, published);
      return {
        ...entity,
        aliases: [...entity.aliases, ...aliases.filter((alias) => !entity.aliases.includes(alias))],
        ...(surnames.length > 0 && { surnames: [...new Set([...(entity.surnames ?? []), ...surnames])] }),
        discovery: evidence,
      };
    }),
    ...discovered,
  ];

  const suggestions = discovered.map((entity) => ({ id: entity.id, name: entity.name, yaml: suggestionYaml(entity) }));
  return {
    entities,
    candidates: candidates.sort(compareNames),
    curation: { suggestions, ambiguous: ambiguous.sort((a, b) => (a.name < b.name ? -1 : 1)) },
    diagnostics,
  };
}

interface BuildContext {
  count: number;
  sources: number;
  taken: Set<string>;
  claimed: Set<string>;
  order: ReadonlyMap<string, number>;
  published: ReadonlyMap<string, DateValue | undefined>;
  reference: ReferenceData;
  codes: ReadonlySet<string>;
}

function byCorpusOrder(order: ReadonlyMap<string, number>) {
  return (a: SentenceRef, b: SentenceRef) => (order.get(a.articleSlug) ?? 0) - (order.get(b.articleSlug) ?? 0);
}

/** The lead, roles and dates of a cluster, from its sightings. */
function evidenceOf(clusters: readonly Cluster[], reviewed: boolean, order: ReadonlyMap<string, number>, published: ReadonlyMap<string, DateValue | undefined>, count?: number, sourceCount?: number) {
  const names = clusters.flatMap((cluster) => [...cluster.names, ...cluster.surnames]);
  const roles = names.flatMap((name) => name.roles).sort(byCorpusOrder(order));
  const appositive = roles.find((role) => role.appositive);
  const fullNames = names.filter((name) => name.words > 1 || clusters.some((cluster) => cluster.kind !== 'person'));
  const firsts = (fullNames.length > 0 ? fullNames : names).map((name) => name.first).sort(byCorpusOrder(order));
  const leadSource = appositive ?? roles[0] ?? firsts[0];
  const lead = leadSource && { articleSlug: leadSource.articleSlug, paragraphId: leadSource.paragraphId, sentenceId: leadSource.sentenceId, text: leadSource.text };
  const dates = [...new Set(names.flatMap((name) => name.articles))]
    .map((slug) => published.get(slug))
    .filter((date): date is DateValue => date !== undefined)
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const uniqueRoles = roles.filter((role, k) => roles.findIndex((other) => other.phrase === role.phrase && other.articleSlug === role.articleSlug) === k);
  return {
    reviewed,
    ...(lead && { lead }),
    roles: uniqueRoles.map(({ articleSlug, paragraphId, sentenceId, text, phrase }) => ({ articleSlug, paragraphId, sentenceId, text, phrase })),
    ...(dates[0] && { firstMentioned: dates[0] }),
    ...(dates.at(-1) && { lastMentioned: dates.at(-1) }),
    count: count ?? names.reduce((sum, name) => sum + name.count, 0),
    sources: sourceCount ?? new Set(names.flatMap((name) => name.articles)).size,
  };
}

function buildEntity(cluster: Cluster, context: BuildContext): Entity {
  const name = mainName(cluster);
  const guess = guessOf(cluster.kind, cluster.subtype);
  const id = uniqueId(name, context.taken);
  const key = foldName(name);
  const multiword = (variant: string) => cluster.kind !== 'person' || /\s/.test(variant);
  // "YEREVAN —" is a dateline; an all-capitals form is an alias only when it is an acronym.
  const allVariants = cluster.names.flatMap((n) => n.variants);
  const shouted = (variant: string) => variant === variant.toUpperCase() && allVariants.some((other) => other !== variant && other.toUpperCase() === variant);
  const aliases = [...new Set(cluster.names.flatMap((n) => n.variants))].filter((variant) => variant !== name && multiword(variant) && !shouted(variant) && !context.claimed.has(foldName(variant)));
  for (const alias of aliases) context.claimed.add(foldName(alias));
  context.claimed.add(key);
  const bareWords = [...cluster.surnames, ...cluster.names.filter((n) => n.words === 1 && cluster.kind === 'person')].flatMap((n) => n.variants).filter((word) => word !== name);
  const evidence = evidenceOf([cluster], false, context.order, context.published, context.count, context.sources);
  let coordinates: [number, number] | undefined;
  if (cluster.country?.coordinates) coordinates = cluster.country.coordinates;
  else if (cluster.capitalOf) {
    const inState = new Set([cluster.capitalOf.code]);
    const hit = [...cluster.capitalOf.capitals, name].map((form) => placeOf(context.reference.findPlaces, form, inState)).find((place) => place?.country === cluster.capitalOf!.code);
    if (hit) coordinates = hit.coordinates;
  } else if (cluster.kind === 'place') {
    const hit = [name, ...aliases].map((form) => placeOf(context.reference.findPlaces, form, context.codes)).find(Boolean);
    if (hit) coordinates = hit.coordinates;
  }
  return {
    id,
    kind: guess.entityKind,
    subtype: cluster.country ? 'state' : guess.subtype,
    name,
    aliases: cluster.country ? aliases.filter((alias) => alias !== cluster.country!.name) : aliases,
    demonyms: cluster.country ? [...cluster.country.demonyms] : [],
    metonyms: [],
    description: evidence.lead?.text ?? '',
    affiliation: [],
    participants: [],
    ...(coordinates && { coordinates }),
    ...(bareWords.length > 0 && { surnames: [...new Set(bareWords)] }),
    file: `found in the texts (${evidence.lead?.articleSlug ?? 'corpus'})`,
    line: 0,
    discovery: evidence,
  };
}

/** A registry entry an editor can paste into content/entities/ and then correct. */
function suggestionYaml(entity: Entity): string {
  const entry: Record<string, unknown> = { id: entity.id, kind: entity.kind, subtype: entity.subtype, name: entity.name };
  if (entity.aliases.length > 0) entry['aliases'] = entity.aliases;
  if (entity.demonyms.length > 0) entry['demonyms'] = entity.demonyms;
  entry['description'] = entity.description || `${entity.name}.`;
  if (entity.coordinates) entry['coordinates'] = entity.coordinates;
  if (entity.place) entry['place'] = entity.place;
  const document = new Document([entry]);
  // Lists inside the entry on one line, as the registry files write them: `aliases: [CSTO]`.
  visit(document, {
    Seq(_, node, path) {
      if (path.length > 2 && isSeq(node)) node.flow = true;
    },
  });
  return document.toString({ lineWidth: 0 }).trimEnd();
}

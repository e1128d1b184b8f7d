/**
 * How the eval decides that the build's data and the reader's reference speak
 * of the same thing. Deliberately tolerant of how the model names and types
 * things (see docs/eval.md): entities by name or alias and a compatible kind,
 * dates by interval containment. Pure.
 */
import { geoDistance } from 'd3-geo';
import type { DateValue, Entity } from '../pipeline/model.ts';
import type { ExpectedEntity, ExpectedKind } from './expected.ts';

/** Diacritics, curly quotes, odd spaces and hyphens folded; a trailing possessive dropped. Case is kept. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[‘’‛′]/g, "'")
    .replace(/[“”„″]/g, '"')
    .replace(/[\u00a0\u2007\u202f\u2009]/g, ' ')
    .replace(/[\u2010\u2011\u2012\u2013]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/'s$/, '');
}

export const foldLower = (text: string): string => fold(text).toLowerCase();

/** For quote openings and sentence snippets: letters and digits only. */
export const words = (text: string): string => foldLower(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** An expected date ("2025-08-08", "2025-08", "2020", "2025-08-11/2025-08-20") as an inclusive ISO interval. */
const EARTH_RADIUS_KM = 6371;

export function interval(date: string): { start: string; end: string } {
  const [from, to = from] = date.split('/') as [string, string?];
  return { start: bounds(from!).start, end: bounds(to!).end };
}

function bounds(date: string): { start: string; end: string } {
  const trimmed = date.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return { start: trimmed, end: trimmed };
  if (/^\d{4}-\d{2}$/.test(trimmed)) {
    const [year, month] = trimmed.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return { start: `${trimmed}-01`, end: `${trimmed}-${String(last).padStart(2, '0')}` };
  }
  if (/^\d{4}$/.test(trimmed)) return { start: `${trimmed}-01-01`, end: `${trimmed}-12-31` };
  throw new Error(`not a date the reference format allows: "${date}"`);
}

export const within = (inner: { start: string; end: string }, outer: { start: string; end: string }): boolean => inner.start >= outer.start && inner.end <= outer.end;

export function days(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The model's kind and subtype read as the reference's kinds (the model may also use those kinds directly). */
export function kindFamily(entity: Pick<Entity, 'kind' | 'subtype'>): ExpectedKind | 'event' {
  const kind = entity.kind as string;
  const subtype = (entity.subtype ?? '').toLowerCase();
  if (kind === 'person' || kind === 'state' || kind === 'organisation' || kind === 'place' || kind === 'base' || kind === 'event') return kind;
  if (kind === 'actor') return subtype === 'person' ? 'person' : subtype === 'state' || subtype === 'country' ? 'state' : 'organisation';
  if (kind === 'place') return subtype === 'country' ? 'state' : 'place';
  return 'organisation';
}

/** A planned route may be typed as a place or a base, and a base as a place. */
export function compatibleKinds(expected: ExpectedKind, family: ExpectedKind | 'event'): boolean {
  if (expected === family) return true;
  return (expected === 'base' && family === 'place') || (expected === 'place' && family === 'base');
}

export const entityNames = (entity: Pick<Entity, 'name' | 'aliases'>): string[] => [entity.name, ...(entity.aliases ?? [])];

/** The reference entity and a model entity name the same referent: a shared name or form, and compatible kinds. */
export function sameEntity(expected: ExpectedEntity, entity: Pick<Entity, 'name' | 'aliases' | 'kind' | 'subtype'>): boolean {
  if (!compatibleKinds(expected.kind, kindFamily(entity))) return false;
  const theirs = new Set(entityNames(entity).map(foldLower));
  return [expected.name, ...expected.forms].some((name) => theirs.has(foldLower(name)));
}

/** A person's name as a speaker or participant may be given in full or by surname. */
export function nameForms(name: string): string[] {
  const parts = fold(name).split(' ');
  return parts.length > 1 ? [fold(name), parts.at(-1)!] : [fold(name)];
}

export function toInterval(value: Pick<DateValue, 'start' | 'end'>): { start: string; end: string } {
  return { start: value.start, end: value.end };
}

/** Great-circle distance in kilometres ([latitude, longitude] in, as the registry writes them). */
export function distanceKm([lat1, lon1]: readonly [number, number], [lat2, lon2]: readonly [number, number]): number {
  return geoDistance([lon1, lat1], [lon2, lat2]) * EARTH_RADIUS_KM;
}

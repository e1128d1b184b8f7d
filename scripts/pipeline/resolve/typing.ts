/**
 * Which kind of thing a discovered name is: head words of the name itself
 * ("… Ministry", "… River", "… Air Base"), then the cues around it, then
 * reference data. Closed lists of English head words, about no one story.
 */
import type { EntityKind } from '../model.ts';

export type DiscoveredKind = 'person' | 'state' | 'organisation' | 'place' | 'base';

export interface KindGuess {
  kind: DiscoveredKind;
  /** The page kind and subtype it becomes. */
  entityKind: EntityKind;
  subtype: string;
}

const ORGANISATION_SUBTYPES: [RegExp, string][] = [
  [/^(?:Ministry|Department|Office|Secretariat|Cabinet|Government|Parliament|Assembly|Senate|Congress|Court|Presidency)$/, 'ministry'],
  [/^(?:Agency|Service|Services|Committee|Commission|Authority|Council|Bureau|Directorate|Administration|Mission|Institute|Centre|Center)$/, 'agency'],
  [/^(?:Organization|Organisation|Alliance|Treaty|Union|Pact|Community|Bloc|Partnership|Group|Forum|Conference|League|Nations)$/, 'alliance'],
  [/^(?:News|Times|Post|Press|Media|TV|Television|Radio|Journal|Telegraph|Herald|Gazette|Tribune|Daily|Monitor|Reuters|Observer|Guardian|Magazine|Network|Broadcasting)$/, 'media'],
  [/^(?:Army|Forces|Force|Brigade|Brigades|Front|Militia|Corps|Guard|Guards|Battalion|Division|Regiment|Movement|Hezbollah|Taliban)$/, 'armed-group'],
  [/^(?:Party|Foundation|Fund|Bank|Company|Corporation|University|Association|House|Inc|Ltd|Group)$/, 'organisation'],
];

const PLACE_SUBTYPES: [RegExp, string][] = [
  [/^(?:Province|Governorate|Oblast|Prefecture|State|County|District|Canton|Municipality)$/, 'province'],
  [/^(?:Region|Valley|Mountains|Mountain|Heights|Desert|Plateau|Peninsula|Highlands|Steppe|Island|Islands|Coast)$/, 'region'],
  [/^(?:River)$/, 'river'],
  [/^(?:Sea|Ocean|Gulf|Bay|Strait|Lake)$/, 'sea'],
  [/^(?:City|Town|Village|Square|Street)$/, 'city'],
];

const BASE_SUBTYPES: [RegExp, string][] = [
  [/^(?:Airport)$/, 'airport'],
  [/^(?:Airbase|Airfield)$/, 'air-base'],
  [/^(?:Crossing|Checkpoint)$/, 'border-post'],
  [/^(?:Corridor|Route|Highway|Road|Railway|Pipeline)$/, 'route'],
];

function lastWord(name: string): string {
  return name.split(/[\s-]+/).at(-1) ?? '';
}

/** A type from the name's own head word, or undefined. */
export function guessFromHead(fullName: string): KindGuess | undefined {
  // "Trump Route for International Peace …", "Organization for Security …": the head comes before the first glue word.
  const glued = /^(.+?) (?:for|of|on) /.exec(fullName)?.[1];
  if (glued && glued.includes(' ')) {
    const inner = guessFromHead(glued);
    if (inner) return inner;
  }
  const name = fullName;
  const words = name.split(/\s+/);
  // "South Caucasus", "Northern Syria": a compass word before a name makes a region.
  if (words.length === 2 && /^(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|Upper|Lower)(?:east|west)?$/.test(words[0]!) && /^\p{Lu}/u.test(words[1]!)) {
    return { kind: 'place', entityKind: 'place', subtype: 'region' };
  }
  const head = lastWord(name);
  const beforeHead = words.at(-2)?.toLowerCase();
  if (head.toLowerCase() === 'base' && words.length > 1) {
    const subtype = beforeHead === 'air' ? 'air-base' : beforeHead === 'naval' ? 'naval-base' : 'military-base';
    return { kind: 'base', entityKind: 'base', subtype };
  }
  if (head.toLowerCase() === 'post' && beforeHead === 'border') return { kind: 'base', entityKind: 'base', subtype: 'border-post' };
  for (const [pattern, subtype] of BASE_SUBTYPES) if (words.length > 1 && pattern.test(head)) return { kind: 'base', entityKind: 'base', subtype };
  for (const [pattern, subtype] of PLACE_SUBTYPES) if (words.length > 1 && pattern.test(head)) return { kind: 'place', entityKind: 'place', subtype };
  // "Ministry of Foreign Affairs", "Organization for Security …": the head is the first word.
  const first = words[0] ?? '';
  for (const [pattern, subtype] of ORGANISATION_SUBTYPES) {
    if ((words.length > 1 && pattern.test(head)) || (words.length > 2 && /^(?:of|for)$/.test(words[1]!) && pattern.test(first))) return { kind: 'organisation', entityKind: 'actor', subtype };
  }
  return undefined;
}

export function guessOf(kind: DiscoveredKind, subtype?: string): KindGuess {
  switch (kind) {
    case 'person':
      return { kind, entityKind: 'actor', subtype: 'person' };
    case 'state':
      return { kind, entityKind: 'actor', subtype: 'state' };
    case 'organisation':
      return { kind, entityKind: 'actor', subtype: subtype ?? 'organisation' };
    case 'place':
      return { kind, entityKind: 'place', subtype: subtype ?? 'region' };
    case 'base':
      return { kind, entityKind: 'base', subtype: subtype ?? 'military-base' };
  }
}

/** The discovered kind a registry entry's kind and subtype correspond to. */
export function kindOfEntity(kind: EntityKind, subtype: string): DiscoveredKind | undefined {
  if (kind === 'base') return 'base';
  if (kind === 'place') return subtype === 'country' ? 'state' : 'place';
  if (kind === 'actor') return subtype === 'person' ? 'person' : subtype === 'state' ? 'state' : 'organisation';
  return undefined;
}

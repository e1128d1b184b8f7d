/**
 * The reference a corpus is measured against (tests/fixtures/<corpus>/expected.yaml),
 * written by a reader before any tuning. Format: tests/fixtures/second-story/expected.yaml.
 * Pure: takes the file's text.
 */
import { parse as parseYaml } from 'yaml';

export type ExpectedKind = 'person' | 'state' | 'organisation' | 'place' | 'base';

export interface ExpectedEntity {
  name: string;
  kind: ExpectedKind;
  type?: string;
  forms: string[];
  accept: string[];
  coordinates?: [number, number];
}

export interface MustNotLink {
  form: string;
  part?: string;
  notEntity?: string;
  notKind?: ExpectedKind;
}

export interface ExpectedEvent {
  name: string;
  type?: string;
  date: string;
  participants: string[];
  place?: string;
}

export interface ExpectedArticle {
  file: string;
  published?: string;
  title?: string;
  outlet?: string;
  outletForms: string[];
}

export interface ExpectedRelativeDate {
  article: string;
  phrase: string;
  snippet: string;
  resolved: string;
  weekday: boolean;
}

export interface ExpectedQuote {
  article: string;
  opening: string;
  speaker: string;
  alsoAttributed: string[];
}

export interface Expected {
  corpus: string;
  articles: ExpectedArticle[];
  /** Absent when the reference does not list entities (the seeds): entity metrics are then not measured. */
  entities?: ExpectedEntity[];
  optional: string[];
  mustNotLink: MustNotLink[];
  events: ExpectedEvent[];
  relativeDates: ExpectedRelativeDate[];
  quotes: ExpectedQuote[];
}

const KINDS: readonly ExpectedKind[] = ['person', 'state', 'organisation', 'place', 'base'];

type Raw = Record<string, unknown>;
const list = (value: unknown): Raw[] => (Array.isArray(value) ? (value.filter((item) => item && typeof item === 'object') as Raw[]) : []);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
const optionalString = (value: unknown): string | undefined => (value === undefined || value === null ? undefined : String(value));

/** Throws with the offending entry when the reference itself is malformed: a silent gap would inflate the scores. */
export function parseExpected(text: string, file: string): Expected {
  const raw = (parseYaml(text) ?? {}) as Raw;
  const fail = (what: string, entry: unknown): never => {
    throw new Error(`${file}: ${what}: ${JSON.stringify(entry)}`);
  };
  const entities = raw.entities === undefined ? undefined : list(raw.entities).map((entry): ExpectedEntity => {
    const kind = String(entry.kind) as ExpectedKind;
    if (!entry.name || !KINDS.includes(kind)) fail('entity needs a name and a kind (person, state, organisation, place, base)', entry);
    const coordinates = Array.isArray(entry.coordinates) && entry.coordinates.length === 2 ? (entry.coordinates.map(Number) as [number, number]) : undefined;
    return { name: String(entry.name), kind, ...(entry.type !== undefined && { type: String(entry.type) }), forms: strings(entry.forms), accept: strings(entry.accept), ...(coordinates && { coordinates }) };
  });
  return {
    corpus: String(raw.corpus ?? file),
    articles: list(raw.articles).map((entry) => {
      if (!entry.file) fail('article needs a file', entry);
      return {
        file: String(entry.file),
        ...(entry.published !== undefined && { published: String(entry.published) }),
        ...(entry.title !== undefined && { title: String(entry.title) }),
        ...(entry.outlet !== undefined && { outlet: String(entry.outlet) }),
        outletForms: strings(entry.outletForms),
      };
    }),
    ...(entities && { entities }),
    optional: strings(raw.optional),
    mustNotLink: list(raw.mustNotLink).map((entry) => {
      if (!entry.form) fail('mustNotLink needs a form', entry);
      const notKind = optionalString(entry.notKind) as ExpectedKind | undefined;
      return { form: String(entry.form), ...(entry.part !== undefined && { part: String(entry.part) }), ...(entry.notEntity !== undefined && { notEntity: String(entry.notEntity) }), ...(notKind && { notKind }) };
    }),
    events: list(raw.events).map((entry) => {
      if (!entry.name || entry.date === undefined) fail('event needs a name and a date', entry);
      return { name: String(entry.name), ...(entry.type !== undefined && { type: String(entry.type) }), date: String(entry.date), participants: strings(entry.participants), ...(entry.place !== undefined && { place: String(entry.place) }) };
    }),
    relativeDates: list(raw.relativeDates).map((entry) => {
      if (!entry.article || !entry.phrase || !entry.snippet || entry.resolved === undefined) fail('relative date needs article, phrase, snippet and resolved', entry);
      return { article: String(entry.article), phrase: String(entry.phrase), snippet: String(entry.snippet), resolved: String(entry.resolved), weekday: entry.weekday === true };
    }),
    quotes: list(raw.quotes).map((entry) => {
      if (!entry.article || !entry.opening || !entry.speaker) fail('quote needs article, opening and speaker', entry);
      return { article: String(entry.article), opening: String(entry.opening), speaker: String(entry.speaker), alsoAttributed: strings(entry.alsoAttributed) };
    }),
  };
}

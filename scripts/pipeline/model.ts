/**
 * The types that flow between pipeline stages.
 *
 * ingest → segment → link → extract → relate → assemble → emit
 *
 * Everything here is plain, serialisable data (no classes, no Maps) so that any
 * stage's output can be cached, written as JSON and published for reuse.
 */

/* ------------------------------------------------------------------ */
/* Diagnostics                                                         */
/* ------------------------------------------------------------------ */

export type Severity = 'error' | 'warning' | 'info';

/** A problem found in an input file. `file` is relative to the project root. */
export interface Diagnostic {
  severity: Severity;
  /** Stable machine-readable code, e.g. `article/empty`, `registry/duplicate-alias`. */
  code: string;
  file: string;
  /** 1-based line in `file`, when the problem has one. */
  line?: number;
  message: string;
}

/* ------------------------------------------------------------------ */
/* Dates                                                               */
/* ------------------------------------------------------------------ */

/**
 * How much of a date the text actually gives. A month-precision value never
 * carries an invented day: `start`/`end` span the whole month instead.
 */
export type DatePrecision = 'day' | 'month' | 'year' | 'range';

export interface DateValue {
  precision: DatePrecision;
  /** ISO `YYYY-MM-DD`, first day covered. */
  start: string;
  /** ISO `YYYY-MM-DD`, last day covered (equal to `start` for day precision). */
  end: string;
  /** Human label at the given precision: "28 January 2026", "January 2026", "2015", "late 2025", "since 2015". */
  label: string;
  /** True for fuzzy expressions ("late 2025", "last week", "days before"). */
  approximate?: boolean;
}

/* ------------------------------------------------------------------ */
/* Ingest                                                              */
/* ------------------------------------------------------------------ */

/** Per-article metadata, from `content/sources.yaml`, frontmatter, or inferred from the text. */
export interface SourceMeta {
  title: string;
  outlet?: string;
  author?: string;
  /** Publication date (day precision where known). */
  published?: DateValue;
  url?: string;
  /** Neutral one-line note on the outlet's stance. */
  stance?: string;
  /** Where each field came from, e.g. `{ title: 'first-line', published: 'sources.yaml' }`. */
  provenance: Partial<Record<'title' | 'outlet' | 'author' | 'published' | 'url' | 'stance', string>>;
}

export type RemovalKind =
  | 'title'
  | 'masthead'
  | 'section-label'
  | 'dateline'
  | 'tweet'
  | 'photo-credit'
  | 'share-prompt'
  | 'subscription-plea'
  | 'read-also'
  | 'disclaimer'
  | 'watch-report'
  | 'references'
  | 'byline'
  | 'separator'
  | 'teaser-intro'
  /** HTML articles: page text outside the article (navigation, teasers, footer) that the extractor left out. */
  | 'page-chrome';

/** A line taken out of the article body. Nothing is dropped without one of these. */
export interface Removal {
  kind: RemovalKind;
  /** 1-based line in the source file. */
  line: number;
  /** The original line, verbatim (after NFC normalisation). */
  text: string;
}

/** An embedded tweet recognised in a web scrape. */
export interface Tweet {
  /** Display name, e.g. "Pepe Escobar". */
  author: string;
  /** Handle without the @, e.g. "RealPepeEscobar". */
  handle: string;
  date?: DateValue;
  /** The tweet body, with `pic.twitter.com/…` links removed. */
  text: string;
  /** Media links removed from the body. */
  links: string[];
  /** 1-based line range in the source file. */
  line: number;
  endLine: number;
}

/** One entry of a trailing "Sources:" list. */
export interface Reference {
  text: string;
  /** Outlet named after a dash, e.g. "The Moscow Times". */
  outlet?: string;
  line: number;
}

export type BlockKind = 'paragraph' | 'heading' | 'list-item' | 'tweet';

/** A unit of cleaned body text, before sentence segmentation. */
export interface Block {
  kind: BlockKind;
  text: string;
  /** 1-based line in the source file where the block starts. */
  line: number;
  /** For `tweet` blocks: index into `Article.tweets`. */
  tweet?: number;
}

export interface Article {
  /** Path relative to the project root, e.g. `content/articles/002_e060aad4f616cf48.txt`. */
  file: string;
  /** URL-safe, unique slug, e.g. `002-e060aad4f616cf48`. */
  slug: string;
  /** Hash of the raw bytes plus the metadata used (drives the content-hash cache). */
  hash: string;
  meta: SourceMeta;
  blocks: Block[];
  removed: Removal[];
  tweets: Tweet[];
  references: Reference[];
  diagnostics: Diagnostic[];
}

/* ------------------------------------------------------------------ */
/* Segment                                                             */
/* ------------------------------------------------------------------ */

export interface Sentence {
  /**
   * Content-derived id, unique across the whole corpus because the article
   * slug is part of the hash: `s-<8 hex>`.
   */
  id: string;
  paragraphId: string;
  text: string;
  /** Offsets of the sentence inside its paragraph's text. */
  start: number;
  end: number;
}

export interface Paragraph {
  /**
   * Content-derived id, unique within the article: a short slug of the first
   * words plus a hash of the text, e.g. `p-putin-hosted-syrias-3fa2c1`.
   * Adding or removing another paragraph never changes it.
   */
  id: string;
  kind: BlockKind;
  text: string;
  line: number;
  tweet?: number;
  sentences: Sentence[];
}

export interface SegmentedArticle extends Article {
  paragraphs: Paragraph[];
}

/* ------------------------------------------------------------------ */
/* Registry                                                            */
/* ------------------------------------------------------------------ */

export type EntityKind = 'actor' | 'base' | 'event' | 'place';

export interface Entity {
  /** Kebab-case id, unique across the registry; also the page slug. */
  id: string;
  kind: EntityKind;
  /** actor: person | state | armed-group | organisation | media …; base: air-base | naval-base | airport | outpost …; event: meeting | call | withdrawal | ouster | intervention | announcement …; place: city | region | country … */
  subtype: string;
  name: string;
  /** Other names and transliterations ("Ahmad al-Sharaa", "al-Jolani"). */
  aliases: string[];
  /** Adjectives/collective nouns that stand for the entity ("Russian", "Syrian"). */
  demonyms: string[];
  /** Metonyms that stand for the entity ("the Kremlin" for Russia's government). */
  metonyms: string[];
  description: string;
  /** Entity ids this one belongs to (a person's state or group). */
  affiliation: string[];
  /** Bases and places: [latitude, longitude]. */
  coordinates?: [number, number];
  /** Bases: operator entity id. */
  operator?: string;
  /** Bases and events: place entity id. */
  place?: string;
  /** Events: when. */
  date?: DateValue;
  /** Events: participant entity ids. */
  participants: string[];
  /** Where it is defined. */
  file: string;
  line: number;
  /** Registry: `ignore: true` hides what discovery finds under these names (no page, no links). */
  ignore?: boolean;
  /** People: further bare surnames that stand for them (spelling variants seen in the texts: "Pashinian"). */
  surnames?: string[];
  /** Set when the texts name it: what supports its page (discovered entities and registry entries the texts confirm). */
  discovery?: DiscoveryEvidence;
}

/** A sentence of a source, enough to cite it. */
export interface SentenceRef {
  articleSlug: string;
  paragraphId: string;
  sentenceId: string;
  text: string;
}

/** What the texts say about an entity found in them. */
export interface DiscoveryEvidence {
  /** True when a registry entry confirms it; false for an entity found in the texts and not yet reviewed. */
  reviewed: boolean;
  /** The defining appositive or first identifying sentence, quoted as written. */
  lead?: SentenceRef;
  /** Titles and roles as each source gives them ("Foreign Minister", "an adviser to Iran's Supreme Leader"). */
  roles: (SentenceRef & { phrase: string })[];
  /** Publication dates of the first and last source naming it. */
  firstMentioned?: DateValue;
  lastMentioned?: DateValue;
  /** Occurrences and sources counted by discovery (the page threshold applies to these). */
  count: number;
  sources: number;
}

/** What the build report tells an editor about the registry and discovery. */
export interface Curation {
  /** Ready-to-paste registry entries, one per discovered entity that has a page. */
  suggestions: { id: string; name: string; yaml: string }[];
  /** Registry entries no article mentions: they get no page. */
  unmentioned: { id: string; name: string; file: string; line: number }[];
  /** Bare surnames that several people in the corpus bear: reported, not guessed. */
  ambiguous: { name: string; bearers: string[]; articles: string[] }[];
}

export interface Registry {
  entities: Entity[];
  diagnostics: Diagnostic[];
}

/* ------------------------------------------------------------------ */
/* Link                                                                */
/* ------------------------------------------------------------------ */

export type MentionVia = 'name' | 'alias' | 'demonym' | 'metonym' | 'surname';

export interface Mention {
  entityId: string;
  articleSlug: string;
  paragraphId: string;
  sentenceId: string;
  /** Offsets inside the paragraph text. */
  start: number;
  end: number;
  /** The matched text, e.g. "Syria’s", "Russian". */
  text: string;
  via: MentionVia;
}

/** A name-like phrase that is not in the registry, for an editor to add. */
export interface Candidate {
  name: string;
  type: 'person' | 'place' | 'organisation';
  count: number;
  articles: string[];
  examples: { articleSlug: string; sentenceId: string; text: string }[];
}

/* ------------------------------------------------------------------ */
/* Extract                                                             */
/* ------------------------------------------------------------------ */

/**
 * How a statement is sourced, as a description of its language (never of its truth):
 * - quote: the sentence is (mostly) a direct quotation;
 * - attributed: a claim attributed to someone ("according to", "said", "told");
 * - assertion: the outlet's own factual statement;
 * - opinion: evaluation, prediction or hedge ("is likely to", "may", "appears to").
 */
export type Basis = 'quote' | 'attributed' | 'assertion' | 'opinion';

/** A temporal expression found in a sentence, resolved against the publication date. */
export interface DateMention {
  /** The matched text, e.g. "on Wednesday", "since 2015". */
  text: string;
  /** Offsets inside the sentence text. */
  start: number;
  end: number;
  value: DateValue;
}

/** A sentence that names at least one entity or date: the unit every briefing line cites. */
export interface Statement {
  /** Same as the sentence id. */
  id: string;
  articleSlug: string;
  paragraphId: string;
  sentenceId: string;
  text: string;
  entityIds: string[];
  dates: DateMention[];
  basis: Basis;
}

export type QuoteVia = 'said' | 'according-to' | 'told' | 'tweet' | 'colon' | 'other';

export interface Quote {
  /** `q-<8 hex>`, content-derived. */
  id: string;
  articleSlug: string;
  paragraphId: string;
  sentenceId: string;
  /** The quoted words, without quotation marks. Split quotes are joined with " … ". */
  text: string;
  /** Speaker as written ("Samuel Ramani", "the source", "@RealPepeEscobar"). */
  speakerText: string;
  /** Resolved registry id, when the speaker is in the registry. */
  speakerId?: string;
  via: QuoteVia;
}

export interface Descriptor {
  entityId: string;
  articleSlug: string;
  paragraphId: string;
  sentenceId: string;
  /** The title or descriptive phrase, e.g. "self-proclaimed president". */
  phrase: string;
}

/* ------------------------------------------------------------------ */
/* Relate                                                              */
/* ------------------------------------------------------------------ */

export interface Conflict {
  kind: 'date' | 'speaker';
  /** One line a reader can understand: "Sources give different dates for …". */
  summary: string;
  variants: { value: string; statementIds: string[]; articleSlugs: string[] }[];
}

/** Statements from one or more sources about the same event or entity fact. */
export interface ClaimGroup {
  id: string;
  /** The event or entity the group is about. */
  subjectId: string;
  kind: 'event' | 'date' | 'quote';
  statementIds: string[];
  articleSlugs: string[];
  /** Distinct sources, with copies of one text counted once. */
  independentSources: number;
  conflicts: Conflict[];
}

/** A sentence that reports a happening: its type, who, where and when, as the text gives them. */
export interface EventMention {
  /** `em-<8 hex>`, from the statement and the type. */
  id: string;
  /** meeting | visit | call | sign | withdrawal | threat | decision | attack | election | war | announcement. */
  type: string;
  /** Verb for a generated name ("hosts", "meet", "threatens"). */
  verb: string;
  /** The trigger word as written ("hosted", "initialled"). */
  trigger: string;
  statementId: string;
  articleSlug: string;
  paragraphId: string;
  sentenceId: string;
  /** Actor entity ids named in the sentence, in order of first mention. */
  participants: string[];
  /** Place or base entity id. */
  place?: string;
  date: DateValue;
  /** The date expression as written ("on Friday", "in 2024"). */
  dateText: string;
}

/** Paragraphs one article shares with another (wire copy, republication). */
export interface SharedPassage {
  /** Likely origin (earlier publication), or undetermined. */
  origin: string | 'undetermined';
  a: { articleSlug: string; paragraphId: string };
  b: { articleSlug: string; paragraphId: string };
  /** Estimated Jaccard similarity of word shingles, 0..1. */
  similarity: number;
}

/** Co-mention edge between two entities. */
export interface Relation {
  source: string;
  target: string;
  weight: number;
  /** Up to a few sentences that connect them. */
  sentenceIds: string[];
}

/* ------------------------------------------------------------------ */
/* The model                                                           */
/* ------------------------------------------------------------------ */

export interface KnowledgeModel {
  generatedFrom: { articles: number; entities: number };
  articles: SegmentedArticle[];
  entities: Entity[];
  mentions: Mention[];
  statements: Statement[];
  quotes: Quote[];
  descriptors: Descriptor[];
  candidates: Candidate[];
  claimGroups: ClaimGroup[];
  sharedPassages: SharedPassage[];
  relations: Relation[];
  /** Sentences reporting a happening; each is a member of an event (registry or detected) in `entities`. */
  eventMentions: EventMention[];
  /** Temporal expressions the date stage could not resolve, for the build report. */
  unresolvedDates: UnresolvedDate[];
  diagnostics: Diagnostic[];
  /** Discovery and registry, for the editor (build report). */
  curation?: Curation;
}

export interface UnresolvedDate {
  articleSlug: string;
  sentenceId: string;
  text: string;
}

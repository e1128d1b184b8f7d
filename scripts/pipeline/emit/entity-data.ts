/**
 * The data each entity-page component receives, as types built from the views
 * that assemble produces. Emit writes these and the components read them with
 * `readComponentData` (src/lib/data-prop.ts), so a renamed view field fails
 * type-checking on both sides instead of rendering nothing.
 */
import type { Citation, StatementView } from '../assemble/citations.ts';
import type { Backlink, ConflictView, Connection, DescriptorRow, EntityPage, PageRef, QuoteView, SourceColumn, SupportedStatement } from '../assemble/entity-page.ts';

/** A citation numbered in page order: the note it refers to in print and in Notes. */
export type NotedCitation = Citation & { note: number; letter: string };

/** One note: a cited source, and the paragraphs of it the page cites, lettered a, b, c. */
export interface NoteGroup {
  note: number;
  outlet: string;
  sourceTitle: string;
  sourcePath: string;
  paragraphs: { letter: string; path: string }[];
}

/** A view whose citation has been given its note number. */
export type Noted<T extends { citation: Citation }> = Omit<T, 'citation'> & { citation: NotedCitation };

/** A statement line; a claim's line also carries its support and the other outlets' citations. */
export type StatementItem = Noted<StatementView> & { support?: SupportedStatement['support']; also?: NotedCitation[]; statementIds?: string[] };

export interface InfoboxData {
  kind: string;
  subtype: string;
  aliases: readonly string[];
  affiliation: PageRef[];
  members: PageRef[];
  operator?: PageRef;
  place?: PageRef;
  participants: PageRef[];
  coordinates?: readonly [number, number];
  date?: { label: string; precision: string; start: string; end: string };
  stats: Omit<EntityPage['stats'], 'latest'> & { latest?: string };
  /** Entities the texts name: roles as each source gives them, and when the sources name it. */
  discovered?: { roles: NonNullable<EntityPage['discovery']>['roles']; first?: string; last?: string };
}

/** Component (path under src/components, without .astro) → its `data` prop. */
export interface EntityComponentData {
  StatementList: StatementItem[];
  QuoteList: Noted<QuoteView>[];
  ConnectionList: (Omit<Connection, 'statement'> & { statement?: StatementItem })[];
  BacklinkList: Backlink[];
  NoteList: NoteGroup[];
  Infobox: InfoboxData;
  ConflictList: ConflictView[];
  SourceColumns: (Omit<SourceColumn, 'statements'> & { statements: StatementItem[] })[];
  DescriptorTable: DescriptorRow[];
}

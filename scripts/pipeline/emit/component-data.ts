/**
 * The one contract between the page models and the components: the data each
 * component receives in its JSON `data` prop, as types built from the views
 * that assemble (and charts/) produce. Emit writes them with `dataBlock` and
 * the components read them with `readComponentData` (src/lib/data-prop.ts),
 * so a renamed view field fails type-checking on both sides instead of
 * rendering nothing.
 */
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import type { Citation, StatementView } from '../assemble/citations.ts';
import type { Backlink, ConflictView, Connection, DescriptorRow, EntityPage, PageRef, QuoteView, SourceColumn, SupportedStatement } from '../assemble/entity-page.ts';
import type { CoverageData } from '../charts/coverage.ts';
import type { MapChart } from '../charts/map.ts';
import type { NetworkChart } from '../charts/network.ts';
import type { TimelineData } from '../charts/timeline.ts';
import { block } from './nodes.ts';

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
  place?: EntityPage['place'];
  participants: PageRef[];
  coordinates?: readonly [number, number];
  date?: { label: string; precision: string; start: string; end: string };
  stats: Omit<EntityPage['stats'], 'latest'> & { latest?: string };
  /** Entities the texts name: roles as each source gives them, and when the sources name it. */
  discovered?: { roles: NonNullable<EntityPage['discovery']>['roles']; first?: string; last?: string };
}

/** One cell of an index table. */
export interface IndexCell {
  text: string;
  /** Site-relative link target ("/actors/x/"); the deploy base is added by the component. */
  path?: string;
  /** Machine-readable value (ISO date or number) for sorting on the client. */
  sort?: string | number;
}

/** An index page's table (sources, actors, bases, events, places). */
export interface IndexTableData {
  caption: string;
  columns: string[];
  /** Column indexes holding numbers, right-aligned. */
  numeric?: number[];
  rows: IndexCell[][];
}

/** Component (path under src/components, without .astro) → its `data` prop. */
export interface ComponentData {
  'charts/Timeline': { timeline: TimelineData; subject?: string };
  'charts/Network': { chart: NetworkChart; focus?: string };
  'charts/BaseMap': { chart: MapChart; highlight?: string };
  'charts/CoverageMatrix': { coverage: CoverageData };
  IndexTable: IndexTableData;
  /** Outlet names are article text, so they travel as data, not as a plain prop. */
  SearchFilters: { outlet?: string };
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

/** Plain props beside `data`: generated values only (ids, kinds, limits), never article text. */
export type PlainProps = Record<string, string | boolean | undefined>;

/** A component block in an MDX page, with its typed `data` prop (serialised as JSON). */
export function dataBlock<K extends keyof ComponentData>(name: K, data: ComponentData[K], props: PlainProps = {}): MdxJsxFlowElement {
  return block(name, { data, ...props });
}

/**
 * A component in a prebuilt page (emit/html.ts): its name, its typed data, as
 * is (the page passes it to the component without a JSON round trip), and its
 * plain props.
 */
export type ComponentBlock = {
  [K in keyof ComponentData]: { type: 'component'; name: K; data?: ComponentData[K]; props: PlainProps };
}[keyof ComponentData];

export function componentBlock<K extends keyof ComponentData>(name: K, data: ComponentData[K] | undefined, props: PlainProps = {}): ComponentBlock {
  // TypeScript cannot narrow the mapped union by a generic key; the signature ties name and data together.
  return { type: 'component', name, ...(data !== undefined && { data }), props } as ComponentBlock;
}

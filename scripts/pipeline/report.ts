/**
 * The build report, in three forms made from one set of data: text for the
 * terminal, Markdown for the CI job summary (`build/report.md`) and JSON for
 * tools (`build/report.json`). Pure: returns strings and data.
 *
 * Names, quotes and messages in the report come from articles and the
 * registry, so they are untrusted: in the Markdown form every such string is
 * escaped (see `escapeMarkdown`) and code blocks get a fence no content can close.
 */
import { stringify as toYaml } from 'yaml';
import type { Candidate, Curation, Diagnostic, Entity, KnowledgeModel } from './model.ts';
import { BASES, profileSources, sharedParagraphCount } from './assemble/source-profile.ts';
import type { Basis } from './model.ts';
import { slugify } from './shared/slug.ts';

export interface ReportExtras {
  pagesWritten: number;
  pagesUnchanged: number;
  pagesRemoved: number;
  siteDiagnostics: Diagnostic[];
  seconds: number;
  cacheHits: number;
}

/** A name found in the articles that the registry does not have, with an entry ready to paste into content/entities/. */
export interface DiscoveredEntry {
  /** Proposed registry id (kebab-case, not taken by an existing entry). */
  id: string;
  kind: Entity['kind'];
  subtype: string;
  name: string;
  /** Where it came from: `candidate` = a name the discover stage found (model.candidates). */
  origin: 'candidate';
  count: number;
  /** Article slugs it occurs in. */
  articles: string[];
  /** One sentence it occurs in. */
  example?: string;
  /** The registry entry as YAML (a one-item sequence), to paste into a content/entities/*.yaml file and complete. */
  yaml: string;
}

/** `build/report.json`. */
export interface ReportData {
  summary: {
    articles: number;
    fromCache: number;
    entities: number;
    entitiesNotMentioned: number;
    mentions: number;
    statements: number;
    datedStatements: number;
    quotes: number;
    descriptors: number;
    claimGroups: number;
    conflicts: number;
    sharedPassages: number;
    pages: { written: number; unchanged: number; removed: number };
    errors: number;
    warnings: number;
    seconds: number;
  };
  mentionsPerEntity: { id: string; name: string; count: number }[];
  /** Names below the page threshold, with an entry to paste if the editor wants a page anyway. */
  discovered: DiscoveredEntry[];
  /** Entities found in the texts that have a page, not yet reviewed: a ready-to-paste registry entry for each. */
  unreviewed: Curation['suggestions'];
  /** Registry entries no article mentions: they get no page. */
  unmentioned: Curation['unmentioned'];
  /** Bare surnames several people in the corpus bear: linked only where an article names one in full. */
  ambiguous: Curation['ambiguous'];
  unresolvedDates: { article: string; text: string }[];
  conflicts: { subject: string; summary: string }[];
  reuse: { a: string; b: string; sharedParagraphs: number; likelyOrigin: string }[];
  basisPerSource: ({ source: string; total: number } & Record<Basis, number>)[];
  /** Errors first, then warnings; each problem once. */
  diagnostics: Diagnostic[];
  /** True when the site must not be published (an error in the pipeline itself, not in one article). */
  fatal: boolean;
}

export interface Report {
  text: string;
  markdown: string;
  data: ReportData;
  fatal: boolean;
}

export function formatDiagnostic(diagnostic: Diagnostic): string {
  const where = diagnostic.line === undefined ? diagnostic.file : `${diagnostic.file}:${diagnostic.line}`;
  // Most stages already start their message with the file (and line); do not say it twice.
  const message = diagnostic.message.startsWith(diagnostic.file) ? diagnostic.message : `${where}: ${diagnostic.message}`;
  return `${diagnostic.severity.padEnd(7)} ${message} [${diagnostic.code}]`;
}

/** The same problem reported twice (by two stages, or for two pages of one entity) is listed once. */
export function dedupeDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((diagnostic) => {
    const key = `${diagnostic.severity}\u0000${diagnostic.code}\u0000${diagnostic.file}\u0000${diagnostic.line ?? ''}\u0000${diagnostic.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function reportData(model: KnowledgeModel, extras: ReportExtras): ReportData {
  const diagnostics = dedupeDiagnostics([...model.diagnostics, ...extras.siteDiagnostics]);
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  const warnings = diagnostics.filter((diagnostic) => diagnostic.severity === 'warning');

  const mentionCounts = new Map<string, number>();
  for (const mention of model.mentions) mentionCounts.set(mention.entityId, (mentionCounts.get(mention.entityId) ?? 0) + 1);
  const names = new Map(model.entities.map((entity) => [entity.id, entity.name]));
  const conflicts = model.claimGroups.flatMap((group) => group.conflicts.map((conflict) => ({ subject: names.get(group.subjectId) ?? group.subjectId, summary: conflict.summary })));

  const profiles = profileSources(model);
  const reuse: ReportData['reuse'] = [];
  for (const [slug, profile] of profiles) {
    for (const other of profile.reuse) {
      // Each pair once, from the side listed first; the origin named where the dates tell.
      if (slug > other.other.slug) continue;
      const likelyOrigin = other.role === 'origin' ? slug : other.role === 'copy' ? other.other.slug : 'undetermined';
      reuse.push({ a: slug, b: other.other.slug, sharedParagraphs: sharedParagraphCount(other), likelyOrigin });
    }
  }

  return {
    summary: {
      articles: model.articles.length,
      fromCache: extras.cacheHits,
      entities: model.entities.length,
      entitiesNotMentioned: model.entities.filter((entity) => !mentionCounts.has(entity.id)).length,
      mentions: model.mentions.length,
      statements: model.statements.length,
      datedStatements: model.statements.filter((statement) => statement.dates.length > 0).length,
      quotes: model.quotes.length,
      descriptors: model.descriptors.length,
      claimGroups: model.claimGroups.length,
      conflicts: conflicts.length,
      sharedPassages: model.sharedPassages.length,
      pages: { written: extras.pagesWritten, unchanged: extras.pagesUnchanged, removed: extras.pagesRemoved },
      errors: errors.length,
      warnings: warnings.length,
      seconds: Math.round(extras.seconds * 100) / 100,
    },
    mentionsPerEntity: [...mentionCounts.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([id, count]) => ({ id, name: names.get(id) ?? id, count })),
    discovered: discoveredFromCandidates(model.candidates, new Set(model.entities.map((entity) => entity.id))),
    unreviewed: model.curation?.suggestions ?? [],
    unmentioned: model.curation?.unmentioned ?? [],
    ambiguous: model.curation?.ambiguous ?? [],
    unresolvedDates: model.unresolvedDates.map((item) => ({ article: item.articleSlug, text: item.text })),
    conflicts,
    reuse,
    basisPerSource: [...profiles].map(([source, profile]) => ({ source, ...Object.fromEntries(BASES.map((basis) => [basis, profile.basis[basis]])), total: profile.basis.total }) as ReportData['basisPerSource'][number]),
    diagnostics: [...errors, ...warnings],
    fatal: extras.siteDiagnostics.some((diagnostic) => diagnostic.severity === 'error'),
  };
}

/** Candidate types → registry kind and subtype (docs/registry.md). A place's subtype is a guess the editor checks. */
const CANDIDATE_KIND: Record<Candidate['type'], { kind: Entity['kind']; subtype: string; hint: string }> = {
  person: { kind: 'actor', subtype: 'person', hint: 'who they are, in one or two neutral sentences' },
  organisation: { kind: 'actor', subtype: 'organisation', hint: 'what it is; subtype may be state, armed-group, government or media' },
  place: { kind: 'place', subtype: 'city', hint: 'where it is; subtype may be region, governorate, country or sea; add coordinates: [lat, lon]' },
};

/** Longest example sentence carried into the report. */
const MAX_EXAMPLE = 200;

export function discoveredFromCandidates(candidates: readonly Candidate[], takenIds: ReadonlySet<string>): DiscoveredEntry[] {
  const taken = new Set(takenIds);
  return candidates.map((candidate) => {
    const { kind, subtype, hint } = CANDIDATE_KIND[candidate.type];
    const base = slugify(candidate.name) || `${kind}-${slugify(candidate.type)}`;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    const example = candidate.examples[0]?.text.replace(/\s+/g, ' ').trim();
    // Through the YAML library, so a name with a colon, quote or leading dash stays one plain string.
    const yaml = toYaml([{ id, kind, subtype, name: candidate.name, aliases: [], description: `TODO: ${hint}.` }], { lineWidth: 0, flowCollectionPadding: false });
    return {
      id,
      kind,
      subtype,
      name: candidate.name,
      origin: 'candidate' as const,
      count: candidate.count,
      articles: [...candidate.articles],
      ...(example ? { example: example.length > MAX_EXAMPLE ? `${example.slice(0, MAX_EXAMPLE - 1)}…` : example } : {}),
      yaml,
    };
  });
}

export function formatReport(model: KnowledgeModel, extras: ReportExtras): Report {
  const data = reportData(model, extras);
  return { text: reportText(data), markdown: reportMarkdown(data), data, fatal: data.fatal };
}

/* ------------------------------------------------------------------ */
/* Text (terminal)                                                     */
/* ------------------------------------------------------------------ */

function section(title: string, lines: string[], limit = 40): string[] {
  if (lines.length === 0) return [];
  const shown = lines.slice(0, limit);
  if (lines.length > limit) shown.push(`… and ${lines.length - limit} more (see build/report.md)`);
  return ['', `${title}:`, ...shown.map((line) => `  ${line}`)];
}

function basisTable(data: ReportData): string[] {
  if (data.basisPerSource.length === 0) return [];
  const header = `${'source'.padEnd(32)} ${BASES.map((basis) => basis.padStart(10)).join(' ')} ${'total'.padStart(6)}`;
  return [header, ...data.basisPerSource.map((row) => `${row.source.slice(0, 32).padEnd(32)} ${BASES.map((basis) => String(row[basis]).padStart(10)).join(' ')} ${String(row.total).padStart(6)}`)];
}

export function reportText(data: ReportData): string {
  const s = data.summary;
  const lines = [
    '',
    '── Briefing build report ──',
    `articles read:      ${s.articles} built (${s.fromCache} from cache)`,
    `registry:           ${s.entities} entities (${s.entitiesNotMentioned} not mentioned in any article)`,
    `mentions linked:    ${s.mentions}`,
    `statements:         ${s.statements} (${s.datedStatements} dated)`,
    `quotes:             ${s.quotes}`,
    `descriptors:        ${s.descriptors}`,
    `claim groups:       ${s.claimGroups} (${s.conflicts} conflicts)`,
    `shared passages:    ${s.sharedPassages}`,
    `pages:              ${s.pages.written} written, ${s.pages.unchanged} unchanged, ${s.pages.removed} removed`,
    `errors / warnings:  ${s.errors} / ${s.warnings}`,
    `time:               ${s.seconds.toFixed(2)} s`,
    ...section('Mentions per entity', data.mentionsPerEntity.map((row) => `${String(row.count).padStart(4)}  ${row.name}`), 25),
    ...section(
      'Candidates (names not in the registry; add them to content/entities/, entries in build/report.md)',
      data.discovered.map((entry) => `${String(entry.count).padStart(4)}  ${entry.name} (${entry.kind}/${entry.subtype}, id ${entry.id}) — e.g. "${entry.example?.slice(0, 90) ?? ''}"`),
      20,
    ),
    ...section(
      'Found in the texts, with a page, not yet reviewed (registry entries to paste in build/report.md)',
      data.unreviewed.map((suggestion) => `${suggestion.name} (id ${suggestion.id})`),
      30,
    ),
    ...section('Registry entries no source names (no page)', data.unmentioned.map((entry) => `${entry.file}:${entry.line}: ${entry.id} (${entry.name})`)),
    ...section('Ambiguous surnames (several people bear them; linked only where an article names one in full)', data.ambiguous.map((item) => `${item.name}: ${item.bearers.join(', ')}`)),
    ...section('Unresolved dates', data.unresolvedDates.map((item) => `${item.article}: "${item.text}"`)),
    ...section('Conflicts', data.conflicts.map((conflict) => `${conflict.subject}: ${conflict.summary}`)),
    ...section('Shared text between sources (reuse)', data.reuse.map((row) => `${row.a} ↔ ${row.b}: ${row.sharedParagraphs} shared paragraph(s), likely origin: ${row.likelyOrigin}`)),
    ...section('Statements per basis per source', basisTable(data), 41),
    ...section('Errors and warnings', data.diagnostics.map(formatDiagnostic), 100),
  ];
  return lines.join('\n');
}

/* ------------------------------------------------------------------ */
/* Markdown (CI job summary)                                           */
/* ------------------------------------------------------------------ */

/**
 * Untrusted text as inert Markdown inline content (GitHub-flavoured, as the
 * job summary renders it): one line; `<`, `>` and `&` as entities so no HTML
 * passes; every other ASCII punctuation mark backslash-escaped so nothing
 * becomes emphasis, a link, an image or a table cell break; and a zero-width
 * space after `://`, `www` and `@` because GFM turns bare URLs and e-mail
 * addresses into links without any markup (an escape does not stop that).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/[\\`*_{}[\]()#+\-.!|~:"'=^$%]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\\:\/\//g, '\\:\u200B//')
    .replace(/\b(www)\b/gi, '$1\u200B')
    .replace(/@/g, '@\u200B');
}

/** A fenced code block no content can close: the fence is longer than any backtick run inside. */
export function codeBlock(text: string, language = ''): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${language}\n${text.replace(/\n$/, '')}\n${fence}`;
}

/** Untrusted text as inline code (a file name): one line, delimited by a backtick run longer than any inside. */
export function codeSpan(text: string): string {
  const line = text.replace(/[\r\n\u2028\u2029]+/g, ' ');
  const longest = Math.max(0, ...[...line.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence} ${line} ${fence}`;
}

const MARKDOWN_LIMITS = { mentions: 25, discovered: 50, dates: 100, conflicts: 100, reuse: 100, basis: 100, diagnostics: 200 };

function more(total: number, limit: number): string[] {
  return total > limit ? ['', `… and ${total - limit} more in build/report.json.`] : [];
}

function table(header: string[], rows: string[][]): string[] {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)];
}

export function reportMarkdown(data: ReportData): string {
  const s = data.summary;
  const e = escapeMarkdown;
  const out: string[] = ['## Briefing build report', ''];
  if (data.fatal) out.push('**The site was not published: the build itself failed (see errors below).**', '');
  out.push(
    `${s.articles} articles (${s.fromCache} from cache) · ${s.entities} registry entities (${s.entitiesNotMentioned} not mentioned) · ${s.mentions} mentions · ${s.statements} statements (${s.datedStatements} dated) · ${s.quotes} quotes · ${s.claimGroups} claim groups (${s.conflicts} conflicts) · ${s.sharedPassages} shared passages`,
    '',
    `Pages: ${s.pages.written} written, ${s.pages.unchanged} unchanged, ${s.pages.removed} removed. **${s.errors} errors, ${s.warnings} warnings.** ${s.seconds.toFixed(2)} s.`,
  );

  const heading = (title: string) => out.push('', `### ${title}`, '');

  if (data.diagnostics.length > 0) {
    heading('Errors and warnings');
    const shown = data.diagnostics.slice(0, MARKDOWN_LIMITS.diagnostics);
    out.push(...shown.map((d) => `- **${d.severity}** ${codeSpan(d.line === undefined ? d.file : `${d.file}:${d.line}`)} ${e(d.message)} (${e(d.code)})`));
    out.push(...more(data.diagnostics.length, MARKDOWN_LIMITS.diagnostics));
  }

  if (data.discovered.length > 0) {
    heading('New names (not in the registry)');
    out.push('Each comes with a registry entry: paste it into a file in `content/entities/`, check the kind and subtype, and write the description.', '');
    for (const entry of data.discovered.slice(0, MARKDOWN_LIMITS.discovered)) {
      out.push(`<details><summary>${e(entry.name)} (${e(entry.kind)}/${e(entry.subtype)}), ${entry.count}× in ${entry.articles.length} article(s)</summary>`, '');
      if (entry.example) out.push(`> ${e(entry.example)}`, '');
      out.push(codeBlock(entry.yaml, 'yaml'), '', '</details>');
    }
    out.push(...more(data.discovered.length, MARKDOWN_LIMITS.discovered));
  }

  if (data.unreviewed.length > 0) {
    heading('Found in the texts, with a page, not yet reviewed');
    out.push('Paste an entry into a file in `content/entities/` to adopt it; correct the kind, name or description, add aliases to merge, or set `ignore: true` to hide it (docs/registry.md).', '');
    for (const entry of data.unreviewed.slice(0, MARKDOWN_LIMITS.discovered)) {
      out.push(`<details><summary>${e(entry.name)}</summary>`, '', codeBlock(entry.yaml, 'yaml'), '', '</details>');
    }
    out.push(...more(data.unreviewed.length, MARKDOWN_LIMITS.discovered));
  }

  if (data.unmentioned.length > 0) {
    heading('Registry entries no source names (no page)');
    out.push(...data.unmentioned.slice(0, MARKDOWN_LIMITS.discovered).map((entry) => `- ${codeSpan(`${entry.file}:${entry.line}`)} ${e(entry.id)} (${e(entry.name)})`));
    out.push(...more(data.unmentioned.length, MARKDOWN_LIMITS.discovered));
  }

  if (data.ambiguous.length > 0) {
    heading('Ambiguous surnames');
    out.push(...data.ambiguous.slice(0, MARKDOWN_LIMITS.discovered).map((item) => `- **${e(item.name)}**: ${item.bearers.map(e).join(', ')}`));
  }

  if (data.unresolvedDates.length > 0) {
    heading('Unresolved dates');
    out.push(...table(['source', 'text'], data.unresolvedDates.slice(0, MARKDOWN_LIMITS.dates).map((item) => [e(item.article), e(item.text)])));
    out.push(...more(data.unresolvedDates.length, MARKDOWN_LIMITS.dates));
  }

  if (data.conflicts.length > 0) {
    heading('Conflicts between sources');
    out.push(...data.conflicts.slice(0, MARKDOWN_LIMITS.conflicts).map((conflict) => `- **${e(conflict.subject)}**: ${e(conflict.summary)}`));
    out.push(...more(data.conflicts.length, MARKDOWN_LIMITS.conflicts));
  }

  if (data.reuse.length > 0) {
    heading('Shared text between sources');
    out.push(...table(['source', 'source', 'shared paragraphs', 'likely origin'], data.reuse.slice(0, MARKDOWN_LIMITS.reuse).map((row) => [e(row.a), e(row.b), String(row.sharedParagraphs), e(row.likelyOrigin)])));
    out.push(...more(data.reuse.length, MARKDOWN_LIMITS.reuse));
  }

  if (data.mentionsPerEntity.length > 0) {
    heading('Mentions per entity');
    out.push(...table(['entity', 'mentions'], data.mentionsPerEntity.slice(0, MARKDOWN_LIMITS.mentions).map((row) => [e(row.name), String(row.count)])));
    out.push(...more(data.mentionsPerEntity.length, MARKDOWN_LIMITS.mentions));
  }

  if (data.basisPerSource.length > 0) {
    heading('Statements per basis per source');
    out.push(...table(['source', ...BASES, 'total'], data.basisPerSource.slice(0, MARKDOWN_LIMITS.basis).map((row) => [e(row.source), ...BASES.map((basis) => String(row[basis])), String(row.total)])));
    out.push(...more(data.basisPerSource.length, MARKDOWN_LIMITS.basis));
  }
  return `${out.join('\n')}\n`;
}

/** The build report printed at the end of every build. Pure: returns text. */
import type { Diagnostic, KnowledgeModel } from './model.ts';
import { BASES, profileSources, sharedParagraphCount } from './assemble/source-profile.ts';

export interface ReportExtras {
  pagesWritten: number;
  pagesUnchanged: number;
  pagesRemoved: number;
  siteDiagnostics: Diagnostic[];
  seconds: number;
  cacheHits: number;
}

export interface Report {
  text: string;
  /** True when the site must not be published (an error in the pipeline itself, not in one article). */
  fatal: boolean;
}

export function formatDiagnostic(diagnostic: Diagnostic): string {
  const where = diagnostic.line === undefined ? diagnostic.file : `${diagnostic.file}:${diagnostic.line}`;
  // Most stages already start their message with the file (and line); do not say it twice.
  const message = diagnostic.message.startsWith(diagnostic.file) ? diagnostic.message : `${where}: ${diagnostic.message}`;
  return `${diagnostic.severity.padEnd(7)} ${message} [${diagnostic.code}]`;
}

function section(title: string, lines: string[], limit = 40): string[] {
  if (lines.length === 0) return [];
  const shown = lines.slice(0, limit);
  if (lines.length > limit) shown.push(`… and ${lines.length - limit} more (see build/model.json)`);
  return ['', `${title}:`, ...shown.map((line) => `  ${line}`)];
}

/** Discovery and the registry: what to adopt, what no source names, what is ambiguous. */
function curationSections(model: KnowledgeModel): string[] {
  const curation = model.curation;
  if (!curation) return [];
  return [
    ...section(
      'Found in the texts, not yet reviewed (paste into content/entities/*.yaml to adopt or correct)',
      curation.suggestions.flatMap((suggestion) => suggestion.yaml.split('\n')),
      400,
    ),
    ...section(
      'Registry entries no source names (no page)',
      curation.unmentioned.map((entry) => `${entry.file}:${entry.line}: ${entry.id} (${entry.name})`),
    ),
    ...section(
      'Ambiguous surnames (several people bear them; linked only where an article names one in full)',
      curation.ambiguous.map((item) => `${item.name}: ${item.bearers.join(', ')}`),
    ),
  ];
}

export function formatReport(model: KnowledgeModel, extras: ReportExtras): Report {
  const diagnostics = [...model.diagnostics, ...extras.siteDiagnostics];
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  const warnings = diagnostics.filter((diagnostic) => diagnostic.severity === 'warning');

  const mentionCounts = new Map<string, number>();
  for (const mention of model.mentions) mentionCounts.set(mention.entityId, (mentionCounts.get(mention.entityId) ?? 0) + 1);
  const names = new Map(model.entities.map((entity) => [entity.id, entity.name]));
  const unmentioned = model.entities.filter((entity) => !mentionCounts.has(entity.id)).length;

  const conflicts = model.claimGroups.flatMap((group) => group.conflicts.map((conflict) => `${names.get(group.subjectId) ?? group.subjectId}: ${conflict.summary}`));

  const profiles = profileSources(model);
  const reuseLines: string[] = [];
  for (const [slug, profile] of profiles) {
    for (const reuse of profile.reuse) {
      // Each pair once, from the side listed first; the origin named where the dates tell.
      if (slug > reuse.other.slug) continue;
      const origin = reuse.role === 'origin' ? slug : reuse.role === 'copy' ? reuse.other.slug : 'undetermined';
      reuseLines.push(`${slug} ↔ ${reuse.other.slug}: ${sharedParagraphCount(reuse)} shared paragraph(s), likely origin: ${origin}`);
    }
  }
  const basisHeader = `${'source'.padEnd(32)} ${BASES.map((basis) => basis.padStart(10)).join(' ')} ${'total'.padStart(6)}`;
  const basisLines = [...profiles].map(
    ([slug, profile]) => `${slug.slice(0, 32).padEnd(32)} ${BASES.map((basis) => String(profile.basis[basis]).padStart(10)).join(' ')} ${String(profile.basis.total).padStart(6)}`,
  );

  const lines = [
    '',
    '── Briefing build report ──',
    `articles read:      ${model.articles.length} built (${extras.cacheHits} from cache)`,
    `registry:           ${model.entities.length} entities (${unmentioned} not mentioned in any article)`,
    `mentions linked:    ${model.mentions.length}`,
    `statements:         ${model.statements.length} (${model.statements.filter((s) => s.dates.length > 0).length} dated)`,
    `quotes:             ${model.quotes.length}`,
    `descriptors:        ${model.descriptors.length}`,
    `claim groups:       ${model.claimGroups.length} (${conflicts.length} conflicts)`,
    `shared passages:    ${model.sharedPassages.length}`,
    `pages:              ${extras.pagesWritten} written, ${extras.pagesUnchanged} unchanged, ${extras.pagesRemoved} removed`,
    `errors / warnings:  ${errors.length} / ${warnings.length}`,
    `time:               ${extras.seconds.toFixed(2)} s`,
    ...section(
      'Mentions per entity',
      [...mentionCounts.entries()]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([id, count]) => `${String(count).padStart(4)}  ${names.get(id) ?? id}`),
      25,
    ),
    ...section(
      'Candidates (names not in the registry; add them to content/entities/)',
      model.candidates.map((candidate) => `${String(candidate.count).padStart(4)}  ${candidate.name} (${candidate.type}) — e.g. "${candidate.examples[0]?.text.slice(0, 90) ?? ''}"`),
      20,
    ),
    ...curationSections(model),
    ...section(
      'Unresolved dates',
      model.unresolvedDates.map((item) => `${item.articleSlug}: "${item.text}"`),
    ),
    ...section('Conflicts', conflicts),
    ...section('Shared text between sources (reuse)', reuseLines),
    ...section('Statements per basis per source', basisLines.length > 0 ? [basisHeader, ...basisLines] : [], 41),
    ...section('Errors and warnings', [...errors, ...warnings].map(formatDiagnostic), 100),
  ];
  return { text: lines.join('\n'), fatal: extras.siteDiagnostics.some((diagnostic) => diagnostic.severity === 'error') };
}

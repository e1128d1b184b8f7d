/**
 * Validate one raw entry against the schema and turn it into an `Entity`,
 * or into diagnostics that name file, line, entry and field.
 */
import type { Diagnostic, Entity } from '../model.ts';
import { KNOWN_FIELDS, SUBTYPES, entrySchema, ignoreSchema } from './schema.ts';
import type { RawEntry } from './yaml-source.ts';

/** An entity plus the line of each of its fields, for cross-entry checks. Local to the registry stage. */
export interface LocatedEntity {
  entity: Entity;
  lineOf(path: readonly PropertyKey[]): number;
}

export interface EntryResult {
  located?: LocatedEntity;
  diagnostics: Diagnostic[];
}

/** How an entry is named in messages: its id when it has a usable one, else its position. */
export function entryLabel(entry: RawEntry): string {
  const id = isRecord(entry.value) ? entry.value['id'] : undefined;
  return typeof id === 'string' && id.trim() !== '' ? `entry "${id.slice(0, 80)}"` : `entry #${entry.index + 1}`;
}

/** `aliases[2]`, `date.from`: readable field paths for messages. */
export function fieldLabel(path: readonly PropertyKey[]): string {
  let label = '';
  for (const step of path) {
    if (typeof step === 'number') label += `[${step}]`;
    else label += label === '' ? String(step) : `.${String(step)}`;
  }
  return label;
}

export function validateEntry(entry: RawEntry): EntryResult {
  const label = entryLabel(entry);
  const diagnostics: Diagnostic[] = [];

  if (isRecord(entry.value) && entry.value['ignore'] === true) return validateIgnoreEntry(entry, label);
  const parsed = entrySchema.safeParse(entry.value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldLabel(issue.path);
      diagnostics.push({
        severity: 'error',
        code: 'registry/invalid-entry',
        file: entry.file,
        line: entry.lineOf(issue.path),
        message: `${label}: ${field ? `field "${field}": ` : ''}${issue.message} (entry skipped)`,
      });
    }
    return { diagnostics };
  }
  const data = parsed.data;

  for (const key of Object.keys(entry.value as Record<string, unknown>)) {
    if (!(KNOWN_FIELDS as readonly string[]).includes(key)) {
      diagnostics.push({
        severity: 'warning',
        code: 'registry/unknown-field',
        file: entry.file,
        line: entry.lineOf([key]),
        message: `${label}: field "${key.slice(0, 40)}": unknown field, ignored (known: ${KNOWN_FIELDS.join(', ')})`,
      });
    }
  }
  if (!SUBTYPES[data.kind].includes(data.subtype)) {
    diagnostics.push({
      severity: 'warning',
      code: 'registry/unknown-subtype',
      file: entry.file,
      line: entry.lineOf(['subtype']),
      message: `${label}: field "subtype": "${data.subtype.slice(0, 40)}" is not a known ${data.kind} subtype (${SUBTYPES[data.kind].join(', ')})`,
    });
  }

  // Built field by field so the JSON key order is stable and absent optionals stay absent.
  const entity: Entity = {
    id: data.id,
    kind: data.kind,
    subtype: data.subtype,
    name: data.name.trim(),
    aliases: data.aliases.map((s) => s.trim()),
    demonyms: data.demonyms.map((s) => s.trim()),
    metonyms: data.metonyms.map((s) => s.trim()),
    description: data.description.trim(),
    affiliation: data.affiliation,
    participants: data.participants,
    file: entry.file,
    line: entry.line,
  };
  if (data.coordinates) entity.coordinates = [data.coordinates[0], data.coordinates[1]];
  if (data.operator !== undefined) entity.operator = data.operator;
  if (data.place !== undefined) entity.place = data.place;
  if (data.date !== undefined) entity.date = data.date;

  return { located: { entity, lineOf: entry.lineOf }, diagnostics };
}

/** An `ignore: true` entry: its names hide what discovery finds; it is never a page and never linked. */
function validateIgnoreEntry(entry: RawEntry, label: string): EntryResult {
  const parsed = ignoreSchema.safeParse(entry.value);
  if (!parsed.success) {
    return {
      diagnostics: parsed.error.issues.map((issue) => ({
        severity: 'error' as const,
        code: 'registry/invalid-entry',
        file: entry.file,
        line: entry.lineOf(issue.path),
        message: `${label}: ${fieldLabel(issue.path) ? `field "${fieldLabel(issue.path)}": ` : ''}${issue.message} (entry skipped)`,
      })),
    };
  }
  const data = parsed.data;
  const entity: Entity = {
    id: data.id,
    kind: 'actor',
    subtype: 'ignored',
    name: data.name.trim(),
    aliases: data.aliases.map((s) => s.trim()),
    demonyms: [],
    metonyms: [],
    description: '',
    affiliation: [],
    participants: [],
    file: entry.file,
    line: entry.line,
    ignore: true,
  };
  return { located: { entity, lineOf: entry.lineOf }, diagnostics: [] };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

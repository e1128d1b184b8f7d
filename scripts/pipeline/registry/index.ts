/**
 * The entity registry: editor-written YAML in, validated `Entity[]` plus
 * diagnostics out. Pure: the build script reads the files and passes their text.
 *
 * Pipeline inside: read each file (yaml-source) → validate each entry
 * (validate-entry) → drop duplicate ids → resolve term clashes → check references.
 */
import type { Diagnostic, Registry } from '../model.ts';
import { checkReferences, checkTermClashes, dropDuplicateIds } from './cross-checks.ts';
import { validateEntry, type LocatedEntity } from './validate-entry.ts';
import { readRegistryFile } from './yaml-source.ts';

export interface RegistrySourceFile {
  /** Path relative to the project root, e.g. `content/entities/actors.yaml`. */
  file: string;
  text: string;
}

export function loadRegistry(files: readonly RegistrySourceFile[]): Registry {
  // Sorted so the result does not depend on directory listing order.
  const ordered = [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const diagnostics: Diagnostic[] = [];
  const located: LocatedEntity[] = [];

  for (const { file, text } of ordered) {
    const read = readRegistryFile(file, text);
    diagnostics.push(...read.diagnostics);
    for (const entry of read.entries) {
      const result = validateEntry(entry);
      diagnostics.push(...result.diagnostics);
      if (result.located) located.push(result.located);
    }
  }

  const unique = dropDuplicateIds(located);
  diagnostics.push(...unique.diagnostics);
  const clashes = checkTermClashes(unique.kept);
  diagnostics.push(...clashes.diagnostics);
  diagnostics.push(...checkReferences(unique.kept));

  return { entities: clashes.entities, diagnostics };
}

/** `content/entities/bases.yaml:14: entry "x": field "coordinates": expected [lat, lon]` */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const where = diagnostic.line === undefined ? diagnostic.file : `${diagnostic.file}:${diagnostic.line}`;
  return `${where}: ${diagnostic.message}`;
}

export { buildAliasIndex, type AliasIndex, type AliasTarget } from './alias-index.ts';
export { termKey } from './cross-checks.ts';
export {
  dayValue,
  formatDateLabel,
  monthValue,
  parseDateString,
  parseRegistryDate,
  rangeValue,
  yearValue,
} from './date-value.ts';

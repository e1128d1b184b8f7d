/**
 * The registry the site is built from must load cleanly. No skip when the
 * folder is empty: a missing registry is a failure.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, loadRegistry } from '../../../scripts/pipeline/registry/index.ts';

const folder = new URL('../../fixtures/seed-story/entities/', import.meta.url);

function readEntityFiles(): { file: string; text: string }[] {
  let names: string[] = [];
  try {
    names = readdirSync(folder).filter((name) => name.endsWith('.yaml'));
  } catch {
    names = [];
  }
  return names.map((name) => ({ file: `content/entities/${name}`, text: readFileSync(new URL(name, folder), 'utf8') }));
}

describe('seed-story registry', () => {
  const files = readEntityFiles();
  const registry = loadRegistry(files);

  it('exists', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(registry.entities.length).toBeGreaterThan(0);
  });

  it('loads with zero errors', () => {
    const errors = registry.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
    expect(errors).toEqual([]);
  });

  it('has the entities the seed articles are about', () => {
    const kinds = new Set(registry.entities.map((e) => e.kind));
    expect([...kinds].sort()).toEqual(['actor', 'base', 'event', 'place']);
  });
});

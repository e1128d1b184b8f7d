/**
 * Generated pages pass structured data to components as JSON in a string
 * attribute (see scripts/pipeline/emit/nodes.ts). Astro escapes whatever the
 * component renders from it, so article text never becomes markup.
 *
 * A large value is not in the page but in its sidecar file, and the attribute
 * holds a reference, `@page-data/<page>.json#<index>~<hash>`: the JSON is read
 * from src/generated/page-data/ at build time (see
 * scripts/pipeline/emit/page-data.ts for why).
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ComponentData } from '../../scripts/pipeline/emit/component-data.ts';

/** Path segments of ids only (no `..`): a reference can only name a sidecar the build wrote. */
const REFERENCE = /^@page-data\/((?:[a-z0-9_-]+\/)*[a-z0-9_-]+\.json)#(\d+)~[0-9a-f]+$/;
/** Sidecars read so far, with their modification time (the dev server keeps this module across rebuilds). */
const sidecars = new Map<string, { mtime: number; values: string[] }>();

function resolve(data: string): string {
  const match = REFERENCE.exec(data);
  if (!match) return data;
  const [, file, index] = match as unknown as [string, string, string];
  // Read from the project root: a relative import.meta.url would point into the build output.
  const path = join(process.cwd(), 'src', 'generated', 'page-data', file);
  const mtime = statSync(path).mtimeMs;
  let sidecar = sidecars.get(file);
  if (!sidecar || sidecar.mtime !== mtime) {
    sidecar = { mtime, values: JSON.parse(readFileSync(path, 'utf8')) as string[] };
    sidecars.set(file, sidecar);
  }
  const value = sidecar.values[Number(index)];
  if (value === undefined) throw new Error(`page data ${data} is missing: run the briefing build`);
  return value;
}

/**
 * A component's `data` prop: JSON in a string attribute on an MDX page, or the
 * value itself on a prebuilt page (src/components/EntityBody.astro).
 */
export type DataProp<K extends keyof ComponentData> = string | ComponentData[K];

/**
 * The `data` prop of a component, typed by what emit writes for it
 * (scripts/pipeline/emit/component-data.ts): the one place the JSON is trusted
 * to have that shape, since only the build writes it.
 */
export function readComponentData<K extends keyof ComponentData>(_component: K, data: DataProp<K> | undefined): ComponentData[K] | undefined {
  if (typeof data !== 'string') return data;
  return data ? (JSON.parse(resolve(data)) as ComponentData[K]) : undefined;
}

/** A yes/no prop: `true` from a prebuilt page, the string "true" from an MDX attribute. */
export function flagProp(value: boolean | string | undefined): boolean {
  return value === true || value === 'true';
}

/**
 * Generated pages pass structured data to components as JSON in a string
 * attribute (see scripts/pipeline/emit/nodes.ts). Astro escapes whatever the
 * component renders from it, so article text never becomes markup.
 */
export function readData<T>(data: string | undefined, fallback: T): T {
  if (!data) return fallback;
  return JSON.parse(data) as T;
}

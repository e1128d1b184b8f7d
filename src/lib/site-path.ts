/** Prefix a site-relative path ("/actors/x/") with the deploy base ("/" or "/briefing/"). */
export function sitePath(path: string): string {
  return import.meta.env.BASE_URL.replace(/\/+$/, '') + path;
}

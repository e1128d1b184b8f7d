/**
 * Pagefind's own API in a page, as the site's search UI sets it up: the
 * primary bundle, with the bundles its `bundles.json` lists merged in
 * (scripts/io/search-shards.ts). A string for `page.evaluate`, so that the
 * test runner leaves its dynamic import() alone; `use` is the body of an
 * async function of `pagefind`.
 */
export function withPagefind(origin: string, use: string): string {
  return `(async () => {
    const pagefind = await import('${origin}/pagefind/pagefind.js');
    const bundles = await fetch('${origin}/pagefind/bundles.json').then((response) => response.json());
    for (const folder of bundles.merge) await pagefind.mergeIndex('${origin}/' + folder);
    return (async (pagefind) => { ${use} })(pagefind);
  })()`;
}

/** Page paths ("/actors/russia/") from the files the site build emits. Pure. */
const PAGE_FOLDERS = [/^src\/content\/docs\//, /^src\/generated\/pages\//];

export function pagePaths(files: readonly string[]): Set<string> {
  const paths = new Set<string>();
  for (const file of files) {
    const folder = PAGE_FOLDERS.find((pattern) => pattern.test(file));
    if (!folder) continue;
    const path = file.replace(folder, '').replace(/\.(?:mdx?|json)$/, '').replace(/(?:^|\/)index$/, '');
    paths.add(path === '' ? '/' : `/${path}/`);
  }
  return paths;
}

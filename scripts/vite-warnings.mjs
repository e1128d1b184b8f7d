// @ts-check
/**
 * The one framework warning the build drops. Astro's content-asset plugin
 * (astro/dist/content/vite-plugin-content-assets.js) opens each generated MDX
 * page's propagation module with the string "use astro:head-inject", and
 * Rolldown warns, once per page, that it may not keep that module-level
 * directive when bundling (80 copies of ~10 lines on the seed build, 5,000 at
 * 5,000 articles). Harmless: Astro tracks head propagation through module
 * metadata (astro/dist/vite-plugin-head), and nothing reads the string from the
 * bundle. Only exactly that warning is dropped; every other one passes through.
 * @param {{ code?: string, message?: string }} warning
 * @param {(warning: any) => void} warn
 */
export function quietViteWarning(warning, warn) {
  if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && String(warning.message ?? '').includes('"use astro:head-inject"')) return;
  warn(warning);
}

// @ts-check
/**
 * `site` and `base` come from the environment so one build script serves local
 * previews, the GitHub Pages deploy (which sets both) and the e2e test that builds
 * under a sub-path. Plain JS so that astro.config.mjs and the TypeScript build share it.
 *
 * @param {Record<string, string | undefined>} env
 * @returns {{ site: string; base: string }}
 */
export function siteConfig(env) {
  const site = (env.SITE || 'http://localhost:4321').replace(/\/+$/, '');
  const rawBase = env.BASE || '/';
  const base = ('/' + rawBase.replace(/^\/+|\/+$/g, '') + '/').replace(/^\/\/$/, '/');
  return { site, base };
}

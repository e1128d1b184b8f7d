// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderSettings, siteConfig } from './scripts/site-config.mjs';
import { quietViteWarning } from './scripts/vite-warnings.mjs';
import { pageIndexesAsContentData } from './scripts/page-indexes.mjs';

const { site, base } = siteConfig(process.env);
const render = renderSettings();

/** The briefing build writes the sidebar beside the pages it generates (kept small at any corpus size). */
function generatedSidebar() {
  try {
    return JSON.parse(readFileSync(new URL('./src/generated/sidebar.json', import.meta.url), 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Starlight's end-of-build hook runs Pagefind over the whole site as one
 * index; this site's index is built in bundles the search UI merges
 * (scripts/io/search-index.ts), so the hook is replaced. scripts/astro-build.ts
 * sets BRIEFING_PAGEFIND=separate and builds the index itself once Astro has
 * exited: inside the Astro process both held their memory at once (over 5 GB
 * at 5,000 articles). A plain `astro build` builds it in the hook.
 * @param {import('astro').AstroIntegration} integration
 * @returns {import('astro').AstroIntegration}
 */
function withBundledPagefind(integration) {
  const { 'astro:build:done': _starlightPagefind, ...hooks } = integration.hooks;
  if (process.env.BRIEFING_PAGEFIND === 'separate') return { ...integration, hooks };
  return {
    ...integration,
    hooks: {
      ...hooks,
      'astro:build:done': async ({ dir, logger }) => {
        const { indexSite } = await import('./scripts/io/search-index.ts');
        const result = await indexSite(fileURLToPath(dir));
        logger.info(`Pagefind indexed ${result.indexedPages} pages (${result.built.length} bundles)`);
      },
    },
  };
}

/**
 * The site's identity as the briefing build resolved it (content/site.yaml, or
 * drawn from the articles when it is absent); neutral until the first build.
 */
function siteIdentity() {
  try {
    const { title, description } = JSON.parse(readFileSync(new URL('./src/generated/site.json', import.meta.url), 'utf8'));
    if (typeof title === 'string' && typeof description === 'string') return { title, description };
  } catch {
    // not built yet
  }
  return { title: 'News briefing', description: 'A briefing built from news articles.' };
}

const briefing = siteIdentity();

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // Article text is shown as published: no smart quotes or dash rewriting, and no
  // GFM (its autolink literals would turn URLs in article text into live links).
  // scripts/pipeline/emit/mdx.ts parses generated pages with the same features.
  markdown: { processor: satteri({ features: { gfm: false, smartPunctuation: false } }) },
  experimental: {
    // A rebuild renders only the prebuilt pages whose data or code changed (their
    // cacheKey: src/lib/prebuilt-page.ts); scripts/astro-build.ts keeps the cache
    // sound when a build is interrupted.
    incrementalBuild: true,
    // Pages render on worker threads. Astro's default is one fewer than the
    // cores, for the main thread, which only hands out pages and writes files:
    // on a 2-core machine that is one thread rendering, as without the flag, so
    // it is at least two. The output is byte for byte the same (docs/bench.md,
    // nineteenth pass).
    parallelPrerender: { workers: render.workers },
  },
  build: {
    // Pages each worker has in hand. With one, a worker waits idle while the
    // main thread writes the page it returned (a third of its time at 1,000
    // articles, in a profile); with four it always has the next one.
    concurrency: render.concurrency,
  },
  vite: {
    plugins: [pageIndexesAsContentData()],
    build: {
      // Drops exactly Rolldown's "use astro:head-inject" directive warning (one per MDX page); see scripts/vite-warnings.mjs for why it is harmless.
      rolldownOptions: { onwarn: quietViteWarning },
    },
    resolve: {
      // Generated pages import their components as @components/<Name>.astro.
      alias: { '@components': fileURLToPath(new URL('./src/components', import.meta.url)) },
    },
  },
  integrations: [
    withBundledPagefind(starlight({
      title: briefing.title,
      description: briefing.description,
      customCss: ['./src/styles/briefing.css', './src/styles/sidebar.css'],
      components: { Head: './src/components/Head.astro', Search: './src/components/Search.astro', Footer: './src/components/Footer.astro', Sidebar: './src/components/Sidebar.astro' },
      lastUpdated: false,
      pagination: false,
      // The generated pages own their sidebar: see scripts/pipeline/emit/sidebar.ts.
      sidebar: generatedSidebar(),
    })),
    mdx(),
  ],
});

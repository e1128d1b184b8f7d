import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

const briefingDocsSchema = docsSchema({
  extend: z.object({
    /** Page kind, used for search filters and the page chrome. */
    kind: z.enum(['home', 'index', 'actor', 'base', 'event', 'place', 'source']).optional(),
  }),
});

/**
 * Starlight's <StarlightPage> builds this schema anew for every page it renders
 * (getStarlightPageFrontmatter in @astrojs/starlight/utils/starlight-page): at
 * 1,000 articles, 3 s of the 27 s Astro spent rendering 2,564 pages. The schema
 * depends only on the image helper it is given, and StarlightPage gives the same
 * helper (the same source) every time, so it is built once per helper.
 */
const schemaByImageHelper = new Map<string, ReturnType<typeof briefingDocsSchema>>();
function memoisedDocsSchema(context: Parameters<typeof briefingDocsSchema>[0]): ReturnType<typeof briefingDocsSchema> {
  const key = String(context.image);
  let schema = schemaByImageHelper.get(key);
  if (!schema) schemaByImageHelper.set(key, (schema = briefingDocsSchema(context)));
  return schema;
}

export const collections = {
  docs: defineCollection({
    // Starlight's docsLoader() (same folder and pattern), keeping no copy of each
    // page's raw body: pages render from the compiled MDX, and the bodies doubled
    // the content store Astro serialises and bundles (scripts/bench, docs/bench.md).
    // Source pages are not in this collection: see src/pages/sources/[slug].astro.
    loader: glob({ base: './src/content/docs', pattern: '**/[^_]*.{markdown,mdown,mkdn,mkd,mdwn,md,mdx}', retainBody: false }),
    schema: memoisedDocsSchema,
  }),
};

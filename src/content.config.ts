import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = {
  docs: defineCollection({
    // Starlight's docsLoader() (same folder and pattern), keeping no copy of each
    // page's raw body: pages render from the compiled MDX, and the bodies doubled
    // the content store Astro serialises and bundles (scripts/bench, docs/bench.md).
    // Source pages are not in this collection: see src/pages/sources/[slug].astro.
    loader: glob({ base: './src/content/docs', pattern: '**/[^_]*.{markdown,mdown,mkdn,mkd,mdwn,md,mdx}', retainBody: false }),
    schema: docsSchema({
      extend: z.object({
        /** Page kind, used for search filters and the page chrome. */
        kind: z.enum(['home', 'index', 'actor', 'base', 'event', 'place', 'source']).optional(),
      }),
    }),
  }),
};

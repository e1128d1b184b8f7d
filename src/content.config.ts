import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = {
  docs: defineCollection({
    // Starlight's docsLoader() (same folder and pattern), keeping no copy of each
    // page's raw body: pages render from the compiled MDX or the Markdown's stored
    // HTML, and at 5,000 articles the bodies doubled the content store Astro
    // serialises and bundles (scripts/bench, docs/bench.md).
    loader: glob({ base: './src/content/docs', pattern: '**/[^_]*.{markdown,mdown,mkdn,mkd,mdwn,md,mdx}', retainBody: false }),
    schema: docsSchema({
      extend: z.object({
        /** Page kind, used for search filters and the page chrome. */
        kind: z.enum(['home', 'index', 'actor', 'base', 'event', 'place', 'source']).optional(),
        /** Source pages (plain Markdown): data for the panels src/components/MarkdownContent.astro draws around the article. */
        source: z
          .object({
            filters: z.object({ outlet: z.string().optional() }),
            meta: z.record(z.string(), z.string()),
            profile: z.record(z.string(), z.unknown()).optional(),
            removed: z.array(z.object({ kind: z.string(), line: z.number(), text: z.string() })).optional(),
          })
          .optional(),
      }),
    }),
  }),
};

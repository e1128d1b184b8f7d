import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = {
  docs: defineCollection({
    loader: docsLoader(),
    schema: docsSchema({
      extend: z.object({
        /** Page kind, used for search filters and the page chrome. */
        kind: z.enum(['home', 'index', 'actor', 'base', 'event', 'place', 'source']).optional(),
      }),
    }),
  }),
};

/** Edge: write a generated corpus as a content/ directory (for a full-site build on it). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Corpus } from './corpus.ts';

/** Writes `<directory>/content/{articles,entities}/…` and `content/site.yaml`; returns the content directory. */
export function writeCorpus(directory: string, corpus: Corpus): string {
  const write = (file: string, data: string | Uint8Array) => {
    const path = join(directory, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, data);
  };
  for (const article of corpus.inputs.articles) write(article.file, article.bytes);
  for (const registry of corpus.inputs.registryFiles) write(registry.file, registry.text);
  const { title, description } = corpus.inputs.settings;
  write('content/site.yaml', `title: ${JSON.stringify(title)}\ndescription: ${JSON.stringify(description)}\n`);
  return join(directory, 'content');
}

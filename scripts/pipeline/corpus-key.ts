/**
 * A key over every input of `runPipeline` (article files and bytes in order,
 * metadata, registry, code version), computed without ingesting anything: the
 * cache key of the cross-corpus results, and part of the build's stamp.
 */
import { createHash } from 'node:crypto';

export interface CorpusKeyInputs {
  sources?: { file: string; text: string };
  articles: { file: string; bytes: Uint8Array }[];
  registryFiles: { file: string; text: string }[];
  codeVersion?: string;
}

export function corpusKey(inputs: CorpusKeyInputs): string {
  const hash = createHash('sha256');
  hash.update(`code ${inputs.codeVersion ?? ''}\n`);
  hash.update(JSON.stringify([inputs.sources ?? null, inputs.registryFiles]));
  for (const article of inputs.articles) {
    hash.update(`\n${article.file}\n`);
    hash.update(createHash('sha256').update(article.bytes).digest('hex'));
  }
  return hash.digest('hex').slice(0, 32);
}

/**
 * The pipeline, stage by stage:
 *
 *   ingest → segment → link → extract (dates, quotes, descriptors, statements)   per article, cached
 *   discover → relate (shared text, claim groups, relations)                      across the corpus
 *
 * Pure apart from the injected cache: inputs in, `KnowledgeModel` out.
 */
import type {
  Diagnostic,
  Entity,
  KnowledgeModel,
  Mention,
  Quote,
  Descriptor,
  SegmentedArticle,
  Statement,
  UnresolvedDate,
  DateMention,
} from './model.ts';
import type { SiteSettings } from './assemble/home-page.ts';
import { ingestArticle, parseSources, dedupeSlugs, type SourceEntry } from './ingest/index.ts';
import { segmentArticle } from './segment/index.ts';
import { loadRegistry } from './registry/index.ts';
import { buildAliasIndex, linkMentions, type AliasIndex } from './link/index.ts';
import { discoverCandidates } from './discover/index.ts';
import { extractDates } from './extract/dates/index.ts';
import { extractQuotes } from './extract/quotes/index.ts';
import { extractDescriptors } from './extract/descriptors/index.ts';
import { buildStatements } from './extract/statements/index.ts';
import { detectSharedPassages, groupClaims, buildRelations } from './relate/index.ts';
import { shortHash } from './shared/hash.ts';
import type { Article } from './model.ts';

export interface PipelineInputs {
  settings: SiteSettings;
  sources?: { file: string; text: string };
  articles: { file: string; bytes: Uint8Array }[];
  registryFiles: { file: string; text: string }[];
  /** Fingerprint of the pipeline code, so a code change invalidates cached results. */
  codeVersion?: string;
}

/** Everything the per-article stages produce for one article. */
export interface ArticleResult {
  article: SegmentedArticle;
  mentions: Mention[];
  statements: Statement[];
  quotes: Quote[];
  descriptors: Descriptor[];
  unresolvedDates: UnresolvedDate[];
}

export interface ArticleCache {
  get(key: string): ArticleResult | undefined;
  set(key: string, value: ArticleResult): void;
  hits: number;
}

export function memoryCache(): ArticleCache {
  const entries = new Map<string, ArticleResult>();
  const cache: ArticleCache = {
    hits: 0,
    get(key) {
      const value = entries.get(key);
      if (value) cache.hits++;
      return value;
    },
    set(key, value) {
      entries.set(key, value);
    },
  };
  return cache;
}

interface RegistryContext {
  entities: Entity[];
  index: AliasIndex;
  fingerprint: string;
}

/** segment → link → extract for one ingested article. */
export function processArticle(ingested: Article, registry: RegistryContext): ArticleResult {
  const article = segmentArticle(ingested);
  const mentions = linkMentions(article, registry.index);
  const datesBySentence = new Map<string, DateMention[]>();
  const unresolvedDates: UnresolvedDate[] = [];
  const published = article.meta.published;
  for (const paragraph of article.paragraphs) {
    for (const sentence of paragraph.sentences) {
      const { mentions: dates, unresolved } = extractDates(sentence.text, published);
      if (dates.length > 0) datesBySentence.set(sentence.id, dates);
      for (const item of unresolved) unresolvedDates.push({ articleSlug: article.slug, sentenceId: sentence.id, text: item.text });
    }
  }
  const quotes = extractQuotes(article, mentions, registry.entities);
  const descriptors = extractDescriptors(article, mentions, registry.entities);
  const statements = buildStatements(article, mentions, datesBySentence, quotes);
  return { article, mentions, statements, quotes, descriptors, unresolvedDates };
}

export function runPipeline(inputs: PipelineInputs, cache: ArticleCache = memoryCache()): KnowledgeModel {
  const diagnostics: Diagnostic[] = [];

  const sources = inputs.sources ? parseSources(inputs.sources.text, inputs.sources.file) : { entries: {}, diagnostics: [] };
  diagnostics.push(...sources.diagnostics);
  const sourceEntries = sources.entries as Record<string, SourceEntry>;

  const registry = loadRegistry(inputs.registryFiles);
  diagnostics.push(...registry.diagnostics);
  const context: RegistryContext = {
    entities: registry.entities,
    index: buildAliasIndex(registry.entities),
    fingerprint: shortHash(JSON.stringify(inputs.registryFiles) + (inputs.codeVersion ?? ''), 16),
  };

  // Ingest every file (cheap, and slugs must be made unique across the corpus first).
  const ingested: Article[] = [];
  for (const input of inputs.articles) {
    const name = input.file.split('/').pop() ?? input.file;
    const result = ingestArticle({ file: input.file, bytes: input.bytes, source: sourceEntries[name] });
    if (result.article) ingested.push(result.article);
    else diagnostics.push(...result.diagnostics);
  }
  for (const name of Object.keys(sourceEntries)) {
    if (!inputs.articles.some((input) => input.file.endsWith(`/${name}`))) {
      diagnostics.push({
        severity: 'warning',
        code: 'sources/unknown-article',
        file: inputs.sources?.file ?? 'content/sources.yaml',
        message: `metadata for "${name}", but no such file in content/articles/`,
      });
    }
  }

  const results: ArticleResult[] = [];
  for (const article of dedupeSlugs(ingested)) {
    diagnostics.push(...article.diagnostics);
    const key = shortHash(`${article.hash}\n${article.slug}\n${context.fingerprint}`, 24);
    let result = cache.get(key);
    if (!result) {
      result = processArticle(article, context);
      cache.set(key, result);
    }
    results.push(result);
  }

  const articles = results.map((result) => result.article);
  const mentions = results.flatMap((result) => result.mentions);
  const statements = results.flatMap((result) => result.statements);
  const quotes = results.flatMap((result) => result.quotes);
  const sharedPassages = detectSharedPassages(articles);

  return {
    generatedFrom: { articles: articles.length, entities: registry.entities.length },
    articles,
    entities: registry.entities,
    mentions,
    statements,
    quotes,
    descriptors: results.flatMap((result) => result.descriptors),
    candidates: discoverCandidates(articles, mentions),
    claimGroups: groupClaims({ entities: registry.entities, statements, quotes, articles, shared: sharedPassages }),
    sharedPassages,
    relations: buildRelations(statements),
    unresolvedDates: results.flatMap((result) => result.unresolvedDates),
    diagnostics,
  };
}

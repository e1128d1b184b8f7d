/**
 * The pipeline, stage by stage:
 *
 *   ingest → segment                                                              per article
 *   discover → resolve (registry + reference data → entities)                     across the corpus
 *   link → extract (dates, quotes, descriptors, statements)                       per article, cached
 *   relate (shared text, claim groups, relations)                                 across the corpus
 *
 * Pure apart from the injected cache: inputs in, `KnowledgeModel` out.
 */
import { groupBy } from './shared/group-by.ts';
import type {
  Candidate,
  ClaimGroup,
  Diagnostic,
  Entity,
  EventMention,
  KnowledgeModel,
  Mention,
  Quote,
  Descriptor,
  SegmentedArticle,
  Statement,
  UnresolvedDate,
  DateMention,
  DateValue,
  Relation,
  SharedPassage,
} from './model.ts';
import type { SiteSettingsInput } from './assemble/home-page.ts';
import { ingestArticle, parseSources, dedupeSlugs, type SourceEntry } from './ingest/index.ts';
import { segmentArticle } from './segment/index.ts';
import { loadRegistry } from './registry/index.ts';
import { buildAliasIndex, entitiesNamedIn, linkMentions, type AliasIndex } from './link/index.ts';
import { discoverNames, type DiscoveredName } from './discover/index.ts';
import { resolveEntities, DEFAULT_DISCOVERY_THRESHOLDS, NO_REFERENCE_DATA, type DiscoveryThresholds, type ReferenceData } from './resolve/index.ts';
import { extractDates, outsideNames } from './extract/dates/index.ts';
import { extractQuotes } from './extract/quotes/index.ts';
import { extractDescriptors } from './extract/descriptors/index.ts';
import { buildStatements } from './extract/statements/index.ts';
import { detectSharedPassages, fingerprintArticle, groupClaims, buildRelations, detectEventMentions, clusterEventMentions, resolveEventAnchored, type AnchoredDate, type ReuseFingerprint } from './relate/index.ts';
import { shortHash } from './shared/hash.ts';
import { corpusKey } from './corpus-key.ts';

export { corpusKey };
import type { Article } from './model.ts';

export interface PipelineInputs {
  /** What content/site.yaml gave; the rest comes from the articles (buildSite). */
  settings: SiteSettingsInput;
  sources?: { file: string; text: string };
  /** `name`: the path below the articles folder (`sub/000_x.txt`), the article's sources.yaml key; defaults to the file's base name. */
  articles: { file: string; name?: string; bytes: Uint8Array }[];
  registryFiles: { file: string; text: string }[];
  /** What reading the inputs found (files skipped and why): reported with the rest. */
  diagnostics?: Diagnostic[];
  /** Fingerprint of the pipeline code, so a code change invalidates cached results. */
  codeVersion?: string;
  /** Country dataset and gazetteer (scripts/io/reference-data.ts); without them, names are typed from the texts alone. */
  reference?: ReferenceData;
  /** When a name found in the texts gets a page (defaults: resolve/thresholds.ts). */
  discovery?: Partial<DiscoveryThresholds>;
}

/** Everything the per-article stages produce for one article. */
export interface ArticleResult {
  article: SegmentedArticle;
  mentions: Mention[];
  statements: Statement[];
  quotes: Quote[];
  descriptors: Descriptor[];
  unresolvedDates: UnresolvedDate[];
  /** Dates that contradict themselves or the publication date (kept as written). */
  dateWarnings: Diagnostic[];
}

/**
 * What the model holds besides the per-article results: the cross-corpus
 * stages' output, the registry and the diagnostics, plus the keys of the
 * per-article results in model order. Cached under a key of all the inputs,
 * so a run with nothing changed skips ingest and every cross-corpus stage.
 */
export interface CorpusResult {
  articleKeys: string[];
  entities: Entity[];
  diagnostics: Diagnostic[];
  candidates: Candidate[];
  claimGroups: ClaimGroup[];
  sharedPassages: SharedPassage[];
  relations: Relation[];
  eventMentions: EventMention[];
  /** "Hours before the summit": dates the events gave to expressions the date stage left unresolved. */
  anchoredDates: AnchoredDate[];
  curation: NonNullable<KnowledgeModel['curation']>;
}

export interface ArticleCache {
  get(key: string): ArticleResult | undefined;
  set(key: string, value: ArticleResult): void;
  /** Cross-corpus results (optional: a cache may keep per-article results only). */
  getCorpus?(key: string): CorpusResult | undefined;
  setCorpus?(key: string, value: CorpusResult): void;
  /** Articles served from the cache. */
  hits: number;
}

export function memoryCache(): ArticleCache {
  const entries = new Map<string, ArticleResult>();
  const corpora = new Map<string, CorpusResult>();
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
    getCorpus: (key) => corpora.get(key),
    setCorpus: (key, value) => void corpora.set(key, value),
  };
  return cache;
}

/** The model from per-article results (in order) and the cross-corpus results. */
function assembleModel(results: readonly ArticleResult[], corpus: CorpusResult): KnowledgeModel {
  const anchored = groupBy(corpus.anchoredDates ?? [], (item) => item.sentenceId);
  const withAnchored = (statement: Statement): Statement => {
    const extra = anchored.get(statement.sentenceId);
    return extra ? { ...statement, dates: [...statement.dates, ...extra.map((item) => item.mention)].sort((a, b) => a.start - b.start) } : statement;
  };
  const stillUnresolved = (item: UnresolvedDate) => !(anchored.get(item.sentenceId) ?? []).some((found) => found.mention.text === item.text);
  return {
    generatedFrom: { articles: results.length, entities: corpus.entities.length },
    articles: results.map((result) => result.article),
    entities: corpus.entities,
    mentions: results.flatMap((result) => result.mentions),
    statements: results.flatMap((result) => result.statements.map(withAnchored)),
    quotes: results.flatMap((result) => result.quotes),
    descriptors: results.flatMap((result) => result.descriptors),
    candidates: corpus.candidates,
    claimGroups: corpus.claimGroups,
    sharedPassages: corpus.sharedPassages,
    relations: corpus.relations,
    eventMentions: corpus.eventMentions ?? [],
    unresolvedDates: results.flatMap((result) => result.unresolvedDates.filter(stillUnresolved)),
    diagnostics: corpus.diagnostics,
    curation: corpus.curation,
  };
}

export interface RegistryContext {
  entities: Entity[];
  index: AliasIndex;
  fingerprint: string;
}

/** An article through the per-article stages, with its side of reuse detection (not cached: cheap to redo for a cached article). */
export interface ProcessedArticle {
  result: ArticleResult;
  fingerprint: ReuseFingerprint;
}

/**
 * Runs the per-article stages on the articles the cache does not hold, in
 * order. The default runs them here, one after the other; the build passes a
 * pool of worker threads (scripts/io/article-pool.ts) that shares them out.
 */
export type ArticleProcessor = (articles: SegmentedArticle[], registry: RegistryContext) => ProcessedArticle[];

/** processArticle, then the article's reuse fingerprint. */
export function processArticleFully(article: SegmentedArticle, registry: RegistryContext): ProcessedArticle {
  const result = processArticle(article, registry);
  return { result, fingerprint: fingerprintArticle(result.article) };
}

const processInOrder: ArticleProcessor = (articles, registry) => articles.map((article) => processArticleFully(article, registry));

/**
 * Runs name discovery over the segmented corpus. The build may run it on a
 * worker thread; the default runs it here.
 */
export type NameDiscoverer = (articles: SegmentedArticle[]) => DiscoveredName[];

/** Where the stages that can run side by side run. */
export interface PipelineWorkers {
  processArticles: ArticleProcessor;
  discoverNames: NameDiscoverer;
}

export const inThisThread: PipelineWorkers = {
  processArticles: processInOrder,
  discoverNames: (articles) => discoverNames(articles),
};

/** The linking context for a set of entities (also what a worker thread builds for itself). */
export function entityContext(entities: Entity[], codeVersion = ''): RegistryContext {
  return { entities, index: buildAliasIndex(entities), fingerprint: shortHash(JSON.stringify(entities) + codeVersion, 16) };
}

/** The registry context for a set of registry files, before discovery (tests, tools). */
export function registryContext(registryFiles: PipelineInputs['registryFiles'], codeVersion = ''): RegistryContext & { diagnostics: Diagnostic[] } {
  const registry = loadRegistry(registryFiles);
  return { ...entityContext(registry.entities.filter((entity) => !entity.ignore), codeVersion), diagnostics: registry.diagnostics };
}

/**
 * The per-article cache key: the article, the code, and only the entities
 * whose names occur in this article, so that a new article (and the entities
 * it brings) does not invalidate every cached article.
 */
export function articleCacheKey(article: SegmentedArticle, registry: RegistryContext, codeVersion = ''): string {
  const named = new Set(entitiesNamedIn(article, registry.index));
  // Only what linking and extraction read of an entity: its discovery counts or description may change without touching this article's results.
  const relevant = registry.entities
    .filter((entity) => named.has(entity.id))
    .map(({ id, kind, subtype, name, aliases, demonyms, metonyms, surnames }) => [id, kind, subtype, name, aliases, demonyms, metonyms, surnames ?? []]);
  return shortHash(`${article.hash}\n${article.slug}\n${codeVersion}\n${JSON.stringify(relevant)}`, 24);
}

/** link → extract for one segmented article. */
export function processArticle(article: SegmentedArticle, registry: RegistryContext): ArticleResult {
  const mentions = linkMentions(article, registry.index);
  const datesBySentence = new Map<string, DateMention[]>();
  const unresolvedDates: UnresolvedDate[] = [];
  const published = article.meta.published;
  const namesBySentence = groupBy(mentions, (mention) => mention.sentenceId);
  const dateWarnings: Diagnostic[] = [];
  // "The same day", "the next day": anchored on the nearest preceding exact day, in reading order.
  let previousDay: DateValue | undefined;
  for (const paragraph of article.paragraphs) {
    for (const sentence of paragraph.sentences) {
      const extracted = extractDates(sentence.text, published, previousDay ? { previous: previousDay } : {});
      previousDay = extracted.lastDay;
      for (const warning of extracted.warnings) {
        dateWarnings.push({ severity: 'warning', code: 'date/contradiction', file: article.file, line: paragraph.line, message: `${warning.message}; kept as written.` });
      }
      // Mentions are paragraph offsets; dates are sentence offsets.
      const names = (namesBySentence.get(sentence.id) ?? []).map((name) => ({ start: name.start - sentence.start, end: name.end - sentence.start }));
      const dates = outsideNames(extracted.mentions, names);
      const unresolved = outsideNames(extracted.unresolved, names);
      if (dates.length > 0) datesBySentence.set(sentence.id, dates);
      for (const item of unresolved) unresolvedDates.push({ articleSlug: article.slug, sentenceId: sentence.id, text: item.text });
    }
  }
  const quotes = extractQuotes(article, mentions, registry.entities);
  const descriptors = extractDescriptors(article, mentions, registry.entities);
  const statements = buildStatements(article, mentions, datesBySentence, quotes);
  return { article, mentions, statements, quotes, descriptors, unresolvedDates, dateWarnings };
}

export function runPipeline(inputs: PipelineInputs, cache: ArticleCache = memoryCache(), workers: PipelineWorkers = inThisThread): KnowledgeModel {
  // Nothing changed since a cached run: its results, without ingesting or relating anything.
  const key = cache.getCorpus ? corpusKey(inputs) : undefined;
  const cached = key ? cache.getCorpus?.(key) : undefined;
  if (cached) {
    const hits = cache.hits;
    const results = cached.articleKeys.map((articleKey) => cache.get(articleKey));
    if (results.every((result) => result !== undefined)) return withInputDiagnostics(assembleModel(results, cached), inputs);
    // An article's entry is gone: run in full (and count its hits once).
    cache.hits = hits;
  }

  const diagnostics: Diagnostic[] = [];

  const sources = inputs.sources ? parseSources(inputs.sources.text, inputs.sources.file) : { entries: {}, diagnostics: [] };
  diagnostics.push(...sources.diagnostics);
  const sourceEntries = sources.entries as Record<string, SourceEntry>;

  const registry = loadRegistry(inputs.registryFiles);
  diagnostics.push(...registry.diagnostics);

  // Ingest every file (cheap, and slugs must be made unique across the corpus first).
  const ingested: Article[] = [];
  for (const input of inputs.articles) {
    const name = articleName(input);
    const result = ingestArticle({ file: input.file, name, bytes: input.bytes, source: sourceEntries[name] });
    if (result.article) ingested.push(result.article);
    else diagnostics.push(...result.diagnostics);
  }
  const articleNames = new Set(inputs.articles.map(articleName));
  for (const name of Object.keys(sourceEntries)) {
    if (!articleNames.has(name)) {
      diagnostics.push({
        severity: 'warning',
        code: 'sources/unknown-article',
        file: inputs.sources?.file ?? 'content/sources.yaml',
        message: `metadata for "${name}", but no such file in content/articles/`,
      });
    }
  }

  const segmented: SegmentedArticle[] = [];
  for (const article of dedupeSlugs(ingested)) {
    diagnostics.push(...article.diagnostics);
    segmented.push(segmentArticle(article));
  }

  // The texts name the entities; the registry curates them.
  const resolution = resolveEntities({
    names: workers.discoverNames(segmented),
    registry: registry.entities,
    reference: inputs.reference ?? NO_REFERENCE_DATA,
    articles: segmented.map((article) => ({ slug: article.slug, ...(article.meta.published && { published: article.meta.published }) })),
    thresholds: { ...DEFAULT_DISCOVERY_THRESHOLDS, ...inputs.settings.discovery, ...inputs.discovery },
  });
  diagnostics.push(...resolution.diagnostics);
  const context = entityContext(resolution.entities, inputs.codeVersion);

  const slots: (ArticleResult | undefined)[] = [];
  const articleKeys: string[] = [];
  const missing: { article: SegmentedArticle; position: number }[] = [];
  for (const article of segmented) {
    const articleKey = articleCacheKey(article, context, inputs.codeVersion);
    const result = cache.get(articleKey);
    if (!result) missing.push({ article, position: slots.length });
    slots.push(result);
    articleKeys.push(articleKey);
  }
  const fingerprints = new Map<string, ReuseFingerprint>();
  if (missing.length > 0) {
    const processed = workers.processArticles(
      missing.map((item) => item.article),
      context,
    );
    missing.forEach(({ position }, k) => {
      const { result, fingerprint } = processed[k]!;
      slots[position] = result;
      fingerprints.set(fingerprint.slug, fingerprint);
    });
  }
  const results = slots as ArticleResult[];
  for (const result of results) diagnostics.push(...(result.dateWarnings ?? []));

  const articles = results.map((result) => result.article);
  const mentions = results.flatMap((result) => result.mentions);
  const statements = results.flatMap((result) => result.statements);
  const quotes = results.flatMap((result) => result.quotes);
  for (const { position } of missing) cache.set(articleKeys[position]!, results[position]!);
  const sharedPassages = detectSharedPassages(articles, fingerprints);
  fingerprints.clear();
  // Happenings read from the text: merged into registry events, or new event entities.
  const eventMentions = detectEventMentions(statements, new Map(context.entities.map((entity) => [entity.id, entity])));
  const detected = clusterEventMentions(eventMentions, context.entities);
  const allEntities = [...context.entities, ...detected.events];
  const claimGroups = groupClaims({ entities: allEntities, statements, quotes, articles, shared: sharedPassages, eventMembers: detected.members });
  const relations = buildRelations(statements);
  // An entity no source names gets no page: the report lists registry entries left out.
  const cited = new Set(mentions.map((mention) => mention.entityId));
  for (const group of claimGroups) if (group.statementIds.length > 0) cited.add(group.subjectId);
  for (const quote of quotes) if (quote.speakerId) cited.add(quote.speakerId);
  const entities = allEntities.filter((entity) => cited.has(entity.id));
  const unmentioned = allEntities
    .filter((entity) => !cited.has(entity.id))
    .map((entity) => ({ id: entity.id, name: entity.name, file: entity.file, line: entity.line }));
  const reportedBy = new Map(claimGroups.filter((group) => group.kind === 'event').map((group) => [group.subjectId, new Set(group.articleSlugs)]));
  const anchoredDates = resolveEventAnchored(results.flatMap((result) => result.unresolvedDates), statements, entities, reportedBy);
  const corpus: CorpusResult = {
    articleKeys,
    entities,
    eventMentions,
    anchoredDates,
    diagnostics,
    candidates: resolution.candidates,
    claimGroups,
    sharedPassages,
    relations,
    curation: { ...resolution.curation, unmentioned },
  };
  if (key) cache.setCorpus?.(key, corpus);
  return withInputDiagnostics(assembleModel(results, corpus), inputs);
}

function articleName(input: PipelineInputs['articles'][number]): string {
  return input.name ?? input.file.split('/').pop() ?? input.file;
}

/** Outside the corpus cache: which files were skipped can change while every article read stays the same. */
function withInputDiagnostics(model: KnowledgeModel, inputs: PipelineInputs): KnowledgeModel {
  return inputs.diagnostics?.length ? { ...model, diagnostics: [...inputs.diagnostics, ...model.diagnostics] } : model;
}

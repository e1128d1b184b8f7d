/**
 * The pipeline, stage by stage, composed here and pure (inputs in,
 * `KnowledgeModel` out):
 *
 *   prepareCorpus:  ingest → segment (segmentCorpus) → discover →
 *                   resolve (resolveCorpus)                          across the corpus
 *   processArticle: link → extract (dates, quotes, descriptors,
 *                   statements)                                      per article
 *   relateCorpus:   shared text, events, claim groups, relations     across the corpus
 *   assembleModel
 *
 * `runPipeline` runs them in this thread. The build runs the same stages
 * through scripts/io/pipeline-runner.ts, which adds the cache (per article,
 * and for the whole corpus) and the worker threads.
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
import { buildAliasIndex, entitiesNamedIn, installationIndex, linkMentions, scanArticle, type AliasIndex, type ArticleScan, type InstallationIndex } from './link/index.ts';
import { discoverNames, type DiscoveredName } from './discover/index.ts';
import { resolveEntities, DEFAULT_DISCOVERY_THRESHOLDS, NO_REFERENCE_DATA, type DiscoveryThresholds, type ReferenceData } from './resolve/index.ts';
import { extractDates, outsideNames } from './extract/dates/index.ts';
import { extractQuotes } from './extract/quotes/index.ts';
import { extractDescriptors } from './extract/descriptors/index.ts';
import { buildStatements } from './extract/statements/index.ts';
import { detectSharedPassages, groupClaims, buildRelations, detectEventMentions, clusterEventMentions, resolveEventAnchored, type AnchoredDate, type SharedPassageDetail } from './relate/index.ts';
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

/** The model from per-article results (in order) and the cross-corpus results. */
export function assembleModel(results: readonly ArticleResult[], corpus: CorpusResult): KnowledgeModel {
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
  /** Where a town's name can stand for the one base located there. */
  installations: InstallationIndex;
  fingerprint: string;
}

/** The linking context for a set of entities (also what a worker thread builds for itself). */
export function entityContext(entities: Entity[], codeVersion = ''): RegistryContext {
  return { entities, index: buildAliasIndex(entities), installations: installationIndex(entities), fingerprint: shortHash(JSON.stringify(entities) + codeVersion, 16) };
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
/** Each entity list's ids by position, made once per list: a key looks up the few entities its article names. */
const positionsByList = new WeakMap<readonly Entity[], Map<string, number[]>>();
function positionsOf(entities: readonly Entity[]): Map<string, number[]> {
  let positions = positionsByList.get(entities);
  if (!positions) {
    positions = groupBy(entities.keys(), (position) => entities[position]!.id);
    positionsByList.set(entities, positions);
  }
  return positions;
}

/** `scan`: the article's `scanArticle` against `registry.index`, when the caller has it (it links from the same scan). */
export function articleCacheKey(article: SegmentedArticle, registry: RegistryContext, codeVersion = '', scan?: ArticleScan): string {
  const named = new Set(entitiesNamedIn(article, registry.index, scan));
  const positions = positionsOf(registry.entities);
  // Only what linking and extraction read of an entity: its discovery counts or description may change without touching this article's results.
  const relevant = [...named]
    .flatMap((id) => positions.get(id) ?? [])
    .sort((a, b) => a - b)
    .map((position) => namesKey(registry.entities[position]!));
  // A named town's one base takes the statements that name the town as its place (link/installations.ts).
  const installations = [...named].flatMap((id) => (registry.installations.has(id) ? [[id, registry.installations.get(id)!]] : []));
  // The file too: a result carries its article's file (pages and the report show it), and the same bytes
  // can sit under another name (a copy of the story in another folder).
  return shortHash(`${article.hash}\n${article.file}\n${article.slug}\n${codeVersion}\n[${relevant.join(',')}]\n${JSON.stringify(installations)}`, 24);
}

/**
 * An entity's names as JSON, once per entity object: a person who shares a
 * surname with hundreds of others is in the key of every article naming one
 * of them, and serialising them again per article grew with the square of
 * the corpus.
 */
const namesKeys = new WeakMap<Entity, string>();
function namesKey(entity: Entity): string {
  let key = namesKeys.get(entity);
  if (key === undefined) {
    const { id, kind, subtype, name, aliases, demonyms, metonyms, surnames } = entity;
    key = JSON.stringify([id, kind, subtype, name, aliases, demonyms, metonyms, surnames ?? []]);
    namesKeys.set(entity, key);
  }
  return key;
}

/** link → extract for one segmented article (from `scan`, its `scanArticle` against `registry.index`, when given). */
export function processArticle(article: SegmentedArticle, registry: RegistryContext, scan?: ArticleScan): ArticleResult {
  const mentions = linkMentions(article, registry.index, scan);
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
  const statements = buildStatements(article, mentions, datesBySentence, quotes, registry.installations);
  return { article, mentions, statements, quotes, descriptors, unresolvedDates, dateWarnings };
}

/** One article's per-article results, with its cache key when it was made where the article was processed. */
export interface KeyedResult {
  result: ArticleResult;
  key?: string;
}

/**
 * `processArticle`, and with `keyWith` the article's cache key
 * (`articleCacheKey`) made from the scan it is linked from: where no key is
 * needed beforehand (a cache that holds no result), the thread that processes
 * an article scans it once for both. `scan`: as for `processArticle`.
 */
export function processArticleKeyed(
  article: SegmentedArticle,
  registry: RegistryContext,
  keyWith?: { codeVersion: string | undefined },
  scan?: ArticleScan,
): KeyedResult {
  if (!keyWith) return { result: processArticle(article, registry, scan) };
  const scanned = scan ?? scanArticle(article, registry.index);
  return { key: articleCacheKey(article, registry, keyWith.codeVersion, scanned), result: processArticle(article, registry, scanned) };
}

/** What the corpus stages before linking produce: the articles segmented, and the entities they name. */
export interface PreparedCorpus {
  diagnostics: Diagnostic[];
  segmented: SegmentedArticle[];
  context: RegistryContext;
  resolution: ReturnType<typeof resolveEntities>;
}

/** The articles ingested and segmented, with what reading them found wrong. */
export interface SegmentedCorpus {
  segmented: SegmentedArticle[];
  /** `sources.yaml`'s own problems, reported before the registry's. */
  sourceDiagnostics: Diagnostic[];
  /** The articles' problems, and metadata for articles that are not there. */
  articleDiagnostics: Diagnostic[];
}

/** `sources.yaml` parsed: each article's metadata by name, and the file's own problems. */
export interface CorpusSources {
  entries: Record<string, SourceEntry>;
  diagnostics: Diagnostic[];
}

export function corpusSources(inputs: Pick<PipelineInputs, 'sources'>): CorpusSources {
  const sources = inputs.sources ? parseSources(inputs.sources.text, inputs.sources.file) : { entries: {}, diagnostics: [] };
  return { entries: sources.entries as Record<string, SourceEntry>, diagnostics: sources.diagnostics };
}

/**
 * One article file ingested and segmented, before slugs are made unique
 * across the corpus (`joinSegmented`), or what kept it out. The two are
 * independent of the other files, so two threads can share them
 * (scripts/io/article-pool.ts).
 */
export type SegmentedInput = { article: Article; segmented: SegmentedArticle } | { diagnostics: Diagnostic[] };

/** ingest → segment for one article file, with `sources`' entries (`corpusSources`). */
export function segmentInput(input: PipelineInputs['articles'][number], entries: Record<string, SourceEntry>): SegmentedInput {
  const name = articleName(input);
  const result = ingestArticle({ file: input.file, name, bytes: input.bytes, source: entries[name] });
  return result.article ? { article: result.article, segmented: segmentArticle(result.article) } : { diagnostics: result.diagnostics };
}

/**
 * The corpus from each article file's `segmentInput`, in the files' order:
 * slugs made unique across it, and an article whose slug that changed
 * segmented again (a sentence's id is made from its article's slug).
 */
export function joinSegmented(inputs: Pick<PipelineInputs, 'articles' | 'sources'>, sources: CorpusSources, each: readonly SegmentedInput[]): SegmentedCorpus {
  const articleDiagnostics: Diagnostic[] = [];
  const ingested: { article: Article; segmented: SegmentedArticle }[] = [];
  for (const item of each) {
    if ('article' in item) ingested.push(item);
    else articleDiagnostics.push(...item.diagnostics);
  }
  const articleNames = new Set(inputs.articles.map(articleName));
  for (const name of Object.keys(sources.entries)) {
    if (!articleNames.has(name)) {
      articleDiagnostics.push({
        severity: 'warning',
        code: 'sources/unknown-article',
        file: inputs.sources?.file ?? 'content/sources.yaml',
        message: `metadata for "${name}", but no such file in content/articles/`,
      });
    }
  }

  // dedupeSlugs gives back the articles it did not rename as they were.
  const segmented = dedupeSlugs(ingested.map((item) => item.article)).map((article, position) => {
    articleDiagnostics.push(...article.diagnostics);
    return article === ingested[position]!.article ? ingested[position]!.segmented : segmentArticle(article);
  });
  return { segmented, sourceDiagnostics: sources.diagnostics, articleDiagnostics };
}

/** ingest → segment, across the corpus, in this thread. */
export function segmentCorpus(inputs: Pick<PipelineInputs, 'articles' | 'sources'>): SegmentedCorpus {
  const sources = corpusSources(inputs);
  return joinSegmented(inputs, sources, inputs.articles.map((input) => segmentInput(input, sources.entries)));
}

/** resolve: the names the texts give (discoverNames over `corpus`) against the registry. */
export function resolveCorpus(inputs: PipelineInputs, corpus: SegmentedCorpus, names: DiscoveredName[]): PreparedCorpus {
  const registry = loadRegistry(inputs.registryFiles);
  const { segmented } = corpus;
  // The texts name the entities; the registry curates them.
  const resolution = resolveEntities({
    names,
    registry: registry.entities,
    reference: inputs.reference ?? NO_REFERENCE_DATA,
    articles: segmented.map((article) => ({ slug: article.slug, ...(article.meta.published && { published: article.meta.published }) })),
    thresholds: { ...DEFAULT_DISCOVERY_THRESHOLDS, ...inputs.settings.discovery, ...inputs.discovery },
  });
  const diagnostics = [...corpus.sourceDiagnostics, ...registry.diagnostics, ...corpus.articleDiagnostics, ...resolution.diagnostics];
  return { diagnostics, segmented, context: entityContext(resolution.entities, inputs.codeVersion), resolution };
}

/** ingest → segment → discover → resolve, across the corpus. */
export function prepareCorpus(inputs: PipelineInputs): PreparedCorpus {
  const corpus = segmentCorpus(inputs);
  return resolveCorpus(inputs, corpus, discoverNames(corpus.segmented));
}

/**
 * relate: shared text, events, claim groups and relations across the corpus,
 * from the per-article results (in article order). `sharedPassages` is
 * detectSharedPassages over the segmented corpus: it reads the articles' text
 * alone, so the build finds them before linking, while discovery runs on
 * another thread (scripts/io/pipeline-runner.ts).
 */
export function relateCorpus(prepared: PreparedCorpus, results: readonly ArticleResult[], sharedPassages: SharedPassageDetail[], articleKeys: string[]): CorpusResult {
  const { context, resolution } = prepared;
  const diagnostics = [...prepared.diagnostics];
  for (const result of results) diagnostics.push(...(result.dateWarnings ?? []));

  const articles = results.map((result) => result.article);
  const statements = results.flatMap((result) => result.statements);
  const quotes = results.flatMap((result) => result.quotes);
  // Happenings read from the text: merged into registry events, or new event entities.
  const eventMentions = detectEventMentions(statements, new Map(context.entities.map((entity) => [entity.id, entity])));
  const detected = clusterEventMentions(eventMentions, context.entities);
  const allEntities = [...context.entities, ...detected.events];
  const claimGroups = groupClaims({ entities: allEntities, statements, quotes, articles, shared: sharedPassages, eventMembers: detected.members });
  const relations = buildRelations(statements);

  // An entity no statement is about gets no page (the same sentences its counts read: assemble/counts.ts); the report lists registry entries left out.
  const cited = new Set(statements.flatMap((statement) => statement.entityIds));
  for (const group of claimGroups) if (group.statementIds.length > 0) cited.add(group.subjectId);
  for (const quote of quotes) if (quote.speakerId) cited.add(quote.speakerId);
  const entities = allEntities.filter((entity) => cited.has(entity.id));
  const unmentioned = allEntities
    .filter((entity) => !cited.has(entity.id))
    .map((entity) => ({ id: entity.id, name: entity.name, file: entity.file, line: entity.line }));
  const reportedBy = new Map(claimGroups.filter((group) => group.kind === 'event').map((group) => [group.subjectId, new Set(group.articleSlugs)]));
  const anchoredDates = resolveEventAnchored(results.flatMap((result) => result.unresolvedDates), statements, entities, reportedBy);
  return {
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
}

/**
 * The whole pipeline in this thread, with no cache: inputs in, model out.
 * The build runs the same stages through scripts/io/pipeline-runner.ts, which
 * adds the cache and the worker threads around the per-article stages.
 */
export function runPipeline(inputs: PipelineInputs): KnowledgeModel {
  const prepared = prepareCorpus(inputs);
  const results = prepared.segmented.map((article) => processArticle(article, prepared.context));
  const corpus = relateCorpus(prepared, results, detectSharedPassages(prepared.segmented), prepared.segmented.map((article) => articleCacheKey(article, prepared.context, inputs.codeVersion)));
  return withInputDiagnostics(assembleModel(results, corpus), inputs);
}

function articleName(input: PipelineInputs['articles'][number]): string {
  return input.name ?? input.file.split('/').pop() ?? input.file;
}

/** Outside the corpus cache: which files were skipped can change while every article read stays the same. */
export function withInputDiagnostics(model: KnowledgeModel, inputs: PipelineInputs): KnowledgeModel {
  return inputs.diagnostics?.length ? { ...model, diagnostics: [...inputs.diagnostics, ...model.diagnostics] } : model;
}

/**
 * assemble + emit: the knowledge model becomes the site's generated pages.
 * Pure: returns file contents; scripts/build-briefings.ts writes them.
 */
import { homeLede } from './assemble/home-lede.ts';
import type { KnowledgeModel } from './model.ts';
import { assembleHomePage, type SiteSettings, type SiteSettingsInput } from './assemble/home-page.ts';
import { resolveSiteSettings } from './assemble/site-identity.ts';
import { buildNetworkChart, buildNetworkGraph, egoGraphs, layoutEgoNetworks, type EgoGraph, type NetworkChart } from './charts/network.ts';
import { mapDiagnostics } from './charts/map.ts';
import { articleBodyInput, assembleSourcePage, type ArticleBodySource } from './assemble/source-page.ts';
import { profileSources } from './assemble/source-profile.ts';
import { assembleFeed, type Feed } from './assemble/feed.ts';
import { forbiddenCharacterDiagnostics } from './assemble/forbidden-characters.ts';
import { previewOf, type Preview } from './assemble/previews.ts';
import { sourcePath } from './shared/paths.ts';
import { emitHomePage } from './emit/home-page.ts';
import { emitArticleBody, emitSourcePage } from './emit/source-page.ts';
import type { PrebuiltBody, SerialisedBody } from './emit/html.ts';
import { emitSourceIndex } from './emit/source-index.ts';
import { assembleEntityPage, createContext, type EntityPage } from './assemble/entity-page.ts';
import { emitEntityPage } from './emit/entity-page.ts';
import { emitEntityIndex, type IndexedPage } from './emit/entity-index.ts';
import { asTextFile, renderPage, renderPrebuiltPage, renderPrebuiltSourcePage, type EmittedBytes, type EmittedFile, type GeneratedPage } from './emit/page.ts';
import { buildSidebar, type SidebarItem } from './emit/sidebar.ts';
import { UnsafeMdxError } from './emit/mdx.ts';
import type { Diagnostic, SegmentedArticle } from './model.ts';

export interface SiteOutput {
  /** The pages, unless `buildSite` was given `emit` (then empty: each went there as it was made). */
  files: EmittedFile[];
  sidebar: SidebarItem[];
  /** Entries of the Atom feed (src/pages/feed.xml.ts). */
  feed: Feed;
  /** Link previews by page path (src/scripts/link-preview.ts). */
  previews: Record<string, Preview>;
  diagnostics: Diagnostic[];
  /** The settings the site was built with (site.yaml, else from the articles), for astro.config.mjs. */
  settings: SiteSettings;
}

/**
 * Layouts being made elsewhere: `poll` gives them once they are in, without
 * waiting (undefined until then); `wait` blocks until they are.
 */
export interface PendingLayouts {
  poll(): Map<string, NetworkChart> | undefined;
  wait(): Map<string, NetworkChart>;
}

/**
 * Where the work of building pages that can run beside the rest runs: the
 * actors' ego-network layouts, and the source pages' article bodies.
 * `layoutEgoNetworks` starts laying out the networks, by actor id; the build
 * passes a worker thread (scripts/io/article-pool.ts) that takes them
 * meanwhile, and a cache of the layouts of unchanged graphs
 * (scripts/io/layout-cache.ts).
 */
export interface SiteWorkers {
  layoutEgoNetworks(egos: readonly EgoGraph[]): PendingLayouts;
  /**
   * Starts making the article bodies of `count` source pages (`sourceOf`
   * gives what each is made of, by position, when asked: only a worker needs
   * them ahead). Absent: they are made in this thread, each when its page is.
   */
  articleBodies?(count: number, sourceOf: (position: number) => ArticleBodySource): PendingBodies;
}

/** Article bodies being made elsewhere (`SiteWorkers.articleBodies`). */
export interface PendingBodies {
  /** Takes in the bodies made so far, without waiting. */
  poll(): void;
  /**
   * The article body of the source page at `position`: made elsewhere meanwhile (then it may
   * come serialised), or here now from `source` (asked for only then). Each is asked for once.
   */
  take(position: number, source: () => ArticleBodySource): PrebuiltBody | SerialisedBody;
}

export const siteInThisThread: Required<SiteWorkers> = {
  layoutEgoNetworks(egos) {
    // In this thread they are in as soon as they are asked for.
    let layouts: Map<string, NetworkChart> | undefined;
    const wait = () => (layouts ??= new Map(layoutEgoNetworks(egos)));
    return { poll: wait, wait };
  },
  articleBodies: () => ({ poll() {}, take: (_position, source) => emitArticleBody(articleBodyInput(source())) }),
};

/**
 * `emit`: where each page goes as soon as it is serialised (the build writes
 * it, so the pages are never all in memory at once); by default they are
 * collected in `files` (as text).
 */
export function buildSite(model: KnowledgeModel, given: SiteSettingsInput, emit?: (file: EmittedFile | EmittedBytes) => void, workers: SiteWorkers = siteInThisThread): SiteOutput {
  const settings = resolveSiteSettings(given, model);
  // The ego networks are asked for first: they are laid out (on a worker, in the build) while this
  // thread indexes the model and assembles every page, and the actor pages wait for them. Each is cut
  // from every co-mention and registry relation among actors, bases and events, unpruned.
  const actors = model.entities.filter((entity) => entity.kind === 'actor').map((entity) => entity.id);
  const networks = workers.layoutEgoNetworks(egoGraphs(buildNetworkGraph(model, { maxNodes: Infinity, edgesPerNode: Infinity }), actors));
  const context = createContext(model);
  // The source pages' article bodies, most of their cost, need only the articles and their links:
  // they are made meanwhile (on a worker, in the build) while the briefing pages are assembled.
  const bodySource = (article: SegmentedArticle): ArticleBodySource => ({
    path: sourcePath(article.slug),
    article,
    mentions: context.mentionsByArticle.get(article.slug) ?? [],
    entities: context.index.entities,
  });
  const bodies = (workers.articleBodies ?? siteInThisThread.articleBodies)(model.articles.length, (position) => bodySource(model.articles[position]!));
  const files: EmittedFile[] = [];
  const output = emit ?? ((file: EmittedFile | EmittedBytes) => void files.push(asTextFile(file)));
  // Bases and places the map cannot show, named in the build report rather than dropped silently.
  const diagnostics: Diagnostic[] = [...mapDiagnostics(model.entities), ...forbiddenCharacterDiagnostics(model.articles, model.entities, settings)];
  // Each page is serialised as soon as it is emitted, so only one page's syntax
  // tree is alive at a time (holding all 5,000 source pages' trees was most of
  // the build's memory at that size).
  const serialise = (render: () => EmittedFile | EmittedBytes, path: string, origin: string): void => {
    try {
      output(render());
    } catch (error) {
      // Never expected (text only enters as text nodes), but if escaping ever
      // failed the page is withheld rather than published with live syntax.
      if (!(error instanceof UnsafeMdxError)) throw error;
      diagnostics.push({
        severity: 'error',
        code: 'emit/unsafe-mdx',
        file: origin,
        message: `page ${path} withheld: ${error.message}`,
      });
    }
  };

  // Each briefing page is written as soon as it is assembled, and only what the other pages read
  // of it is kept, by its entity's position (so their order does not depend on the order below).
  // All the page models at once were about 560 MB of heap at 5,000 articles, and the build's
  // memory peaked when they were all assembled.
  const names = new Map(model.entities.map((entity) => [entity.id, entity.name]));
  const kept: { row: IndexedPage & Pick<EntityPage, 'kind'>; preview: Preview; cites: string[] }[] = [];
  const write = (page: EntityPage, network?: NetworkChart) =>
    serialise(() => renderPrebuiltPage(emitEntityPage(network ? { ...page, network } : page, names)), page.path, `${page.entity.file}:${page.entity.line}`);
  // Actor pages wait for the layouts; each is let go once written, in the order assembled (so the
  // order pages are emitted in does not depend on when the layouts came in).
  const waiting: EntityPage[] = [];
  const writeWaiting = (laidOut: Map<string, NetworkChart>) => {
    for (let page = waiting.shift(); page; page = waiting.shift()) write(page, laidOut.get(page.entity.id));
  };
  // Pages without a network first: the networks are laid out meanwhile, so that fewer actor pages wait for them.
  const positions = [...model.entities.keys()].sort((a, b) => Number(model.entities[a]!.kind === 'actor') - Number(model.entities[b]!.kind === 'actor'));
  for (const position of positions) {
    const page = assembleEntityPage(context, model.entities[position]!);
    const { kind, path, entity, stats } = page;
    kept[position] = { row: { kind, path, entity, stats }, preview: previewOf(page), cites: page.bySource.map((column) => column.source.path.split('/')[2] ?? '') };
    if (kind !== 'actor') write(page);
    else {
      waiting.push(page);
      const laidOut = networks.poll();
      if (laidOut) writeWaiting(laidOut);
    }
    bodies.poll();
  }
  writeWaiting(networks.wait());

  const indexed = kept.map(({ row }) => row);
  const home = { ...assembleHomePage(model, indexed, settings), lede: homeLede(model, context.index), map: context.map, network: buildNetworkChart(model) };
  // In path order, so the file is stable between builds.
  const previews: Record<string, Preview> = Object.fromEntries(kept.map(({ row, preview }) => [row.path, preview] as const).sort(([a], [b]) => a.localeCompare(b)));
  // Source pages list the briefing pages that cite them.
  const citedBy = new Map<string, { path: string; name: string }[]>();
  for (const { row, cites } of kept) {
    const { path, entity } = row;
    for (const slug of cites) {
      const list = citedBy.get(slug) ?? [];
      list.push({ path, name: entity.name });
      citedBy.set(slug, list);
    }
  }
  const profiles = profileSources(model);
  const renderMdx = (page: GeneratedPage, origin: string) => serialise(() => renderPage(page), page.path, origin);
  renderMdx(emitHomePage(home), 'home page');
  renderMdx(emitSourceIndex(home.sources, new Map([...profiles].map(([slug, profile]) => [sourcePath(slug), profile]))), 'sources index');

  for (const kind of ['actor', 'base', 'event', 'place'] as const) {
    const ofKind = indexed.filter((page) => page.kind === kind);
    if (ofKind.length > 0) renderMdx(emitEntityIndex(kind, ofKind), `${kind} index`);
  }

  model.articles.forEach((article, position) => {
    const cited = (citedBy.get(article.slug) ?? []).sort((a, b) => a.name.localeCompare(b.name));
    const page = assembleSourcePage(article, cited, profiles.get(article.slug));
    serialise(() => {
      const body = bodies.take(position, () => bodySource(article));
      return 'blocksJson' in body
        ? renderPrebuiltSourcePage(emitSourcePage(page, { headings: body.headings, blocks: [] }, settings.title), body)
        : renderPrebuiltPage(emitSourcePage(page, body, settings.title));
    }, page.path, article.file);
  });

  return {
    files,
    sidebar: buildSidebar(model.entities),
    feed: assembleFeed(settings, model.articles, model.entities),
    previews,
    diagnostics,
    settings,
  };
}

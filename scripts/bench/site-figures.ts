/** The whole-build benchmark's figures (scripts/bench/site-build.ts), and reading them from build logs (pure). */

export interface PhaseResult {
  seconds: number;
  /** CPU time (user + system) of the step's process tree; absent where it could not be read. */
  cpuSeconds?: number;
  peakRssMiB: number;
}

export interface BuildResult {
  pipeline: PhaseResult;
  /** Astro alone: the astro-build wall time minus Pagefind's own figure. */
  astroSeconds: number;
  pagefindSeconds: number;
  totalSeconds: number;
  /** CPU time of both steps (user + system, every process they waited for). */
  cpuSeconds?: number;
  peakRssMiB: number;
  /** From the two steps' logs: where the time went inside them. */
  briefingPhases?: BriefingPhases;
  astroPhases?: AstroPhases;
}

export interface SiteResult {
  size: number;
  pages: number;
  full: BuildResult;
  rebuild: BuildResult;
  /** The build again after one new article was added (absent in results from before it was measured). */
  addOne?: BuildResult;
  distMiB: number;
  indexMiB: number;
  mdxMiB: number;
  /** The project's dist/ in bytes (distMiB rounded it for the table). */
  distBytes?: number;
  /** Bytes and indexed words per page kind of the project's dist/. */
  kinds?: PageKindFigures[];
  /** The bare Starlight site built in the same run (absent with --no-bare). */
  bare?: BareResult;
  /**
   * With `--rounds N`: the first cold build and bare build, then N − 1 more
   * cold builds of the same corpus, each paired with a bare build, taking turns
   * at going first. One pair's ratio moves by a fifth on a busy host.
   */
  rounds?: PairedRound[];
}

/** One cold build of the project and one bare Starlight build, run one after the other. */
export interface PairedRound {
  projectSeconds: number;
  projectCpuSeconds?: number;
  bareSeconds: number;
  bareCpuSeconds?: number;
}

/**
 * Pagefind's time from the build log: scripts/astro-build.ts logs "Pagefind
 * indexed 5421 pages in 21.45 s"; Starlight's own hook (a plain `astro build`)
 * logs "Finished building search index in 1.23s" (or "in 456ms").
 */
export function pagefindSeconds(output: string): number {
  const ours = /Pagefind indexed \d+ pages in ([\d.]+) s/.exec(output);
  if (ours) return Number(ours[1]);
  const match = /Finished building search index in ([\d.]+)(ms|s)/.exec(output);
  if (!match) return 0;
  return match[2] === 'ms' ? Number(match[1]) / 1000 : Number(match[1]);
}


/** The yardstick's build (bare-site-build.ts): a bare Starlight site of the same page count. */
export interface BareResult {
  /** HTML pages in its dist/ (the project's count, if the generator is right). */
  pages: number;
  /** `astro build` wall time, Starlight's Pagefind hook included. */
  seconds: number;
  cpuSeconds?: number;
  astroSeconds: number;
  pagefindSeconds: number;
  peakRssMiB: number;
  distBytes: number;
  /** Words in its Markdown bodies, to check they match the source articles'. */
  words: number;
  astroPhases?: AstroPhases;
}

/** HTML pages of one kind in dist/, and what Pagefind indexed of them. */
export interface PageKindFigures {
  kind: string;
  pages: number;
  htmlBytes: number;
  indexedWords: number;
  /** Indexed words inside a passage of REPEAT_SHINGLE words that a source page's index entry also holds: indexed twice. */
  repeatedWords: number;
}

/**
 * A page's kind from its path in dist/: the first folder ("sources",
 * "actors"…), "<folder> index" for the folder's own index page, "home" for
 * the root page, "other" for pages at the root (404…).
 */
export function pageKind(path: string): string {
  const parts = path.replace(/^\/+/, '').split('/').filter((part) => part.length > 0);
  if (parts.length === 1) return parts[0] === 'index.html' ? 'home' : 'other';
  if (parts.length === 2 && parts[1] === 'index.html') return `${parts[0]} index`;
  return parts[0]!;
}

export interface IndexedPage {
  /** The page's URL path as Pagefind records it ("/actors/x/"). */
  url: string;
  content: string;
}

/** Words of indexed text, lower-cased, so the same passage on two pages compares equal. */
function indexedWords(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0);
}

/** Passages this long (in words) that two pages share are text indexed twice, not a common phrase. */
export const REPEAT_SHINGLE = 8;

/**
 * A 32-bit FNV-1a hash of the shingle starting at `at`. Hashes rather than
 * strings: at 5,000 articles the source pages hold ~5 million shingles, and
 * a Set of numbers is a fraction of the memory; a collision (about one in
 * 800 at that count) counts a few words twice too many, noise in a share.
 */
function shingleHash(words: string[], at: number): number {
  let hash = 0x811c9dc5;
  for (let i = at; i < at + REPEAT_SHINGLE; i++) {
    const word = words[i]!;
    for (let c = 0; c < word.length; c++) hash = Math.imul(hash ^ word.charCodeAt(c), 0x01000193);
    hash = Math.imul(hash ^ 32, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Bytes, pages and indexed words per page kind. `sourceKind` names the pages
 * whose text is the original (source articles): a sentence of another page
 * that one of them also holds counts as indexed twice.
 */
export function figuresByKind(htmlFiles: { path: string; bytes: number }[], indexed: IndexedPage[], sourceKind = 'sources'): PageKindFigures[] {
  const byKind = new Map<string, PageKindFigures>();
  const entry = (kind: string) => {
    let figures = byKind.get(kind);
    if (!figures) byKind.set(kind, (figures = { kind, pages: 0, htmlBytes: 0, indexedWords: 0, repeatedWords: 0 }));
    return figures;
  };
  for (const file of htmlFiles) {
    const figures = entry(pageKind(file.path));
    figures.pages++;
    figures.htmlBytes += file.bytes;
  }
  const kindOf = (page: IndexedPage) => pageKind(`${page.url.replace(/\/?$/, '/')}index.html`);
  const original = new Set<number>();
  for (const page of indexed) {
    if (kindOf(page) !== sourceKind) continue;
    const words = indexedWords(page.content);
    for (let at = 0; at + REPEAT_SHINGLE <= words.length; at++) original.add(shingleHash(words, at));
  }
  for (const page of indexed) {
    const kind = kindOf(page);
    const figures = entry(kind);
    const words = indexedWords(page.content);
    figures.indexedWords += words.length;
    if (kind === sourceKind) continue;
    // A word is indexed twice when any shared passage covers it.
    let coveredTo = 0;
    for (let at = 0; at + REPEAT_SHINGLE <= words.length; at++) {
      if (!original.has(shingleHash(words, at))) continue;
      figures.repeatedWords += at + REPEAT_SHINGLE - Math.max(at, coveredTo);
      coveredTo = at + REPEAT_SHINGLE;
    }
  }
  return [...byKind.values()].sort((a, b) => b.htmlBytes - a.htmlBytes || a.kind.localeCompare(b.kind));
}

/** A duration as Astro logs it: "12.3s", "456ms", "1m 7s" or "1m 7.5s". */
const DURATION = String.raw`((?:\d+m\s*)?[\d.]+\s?(?:ms|s)|\d+m)`;

function logSeconds(text: string): number {
  const match = /^(?:(\d+)m\s*)?(?:([\d.]+)\s?(ms|s))?$/.exec(text.trim());
  if (!match) return Number.NaN;
  const minutes = Number(match[1] ?? 0) * 60;
  const rest = match[2] === undefined ? 0 : match[3] === 'ms' ? Number(match[2]) / 1000 : Number(match[2]);
  return minutes + rest;
}

/** Where an Astro build's time went, from its own log (undefined where the log has no such line). */
export interface AstroPhases {
  /** Config, content sync and types: the first "[build] ✓ Completed in". */
  setup?: number;
  /** Vite/Rolldown bundles: every "[vite] ✓ built in". */
  bundle?: number;
  /** Rendering the pages: the "✓ Completed in" after "generating static routes". */
  render?: number;
  /** Astro's own total: "N page(s) built in". */
  total?: number;
}

export function astroPhases(output: string): AstroPhases {
  const phases: AstroPhases = {};
  const setup = new RegExp(String.raw`\[build\] ✓ Completed in ${DURATION}`).exec(output);
  if (setup) phases.setup = logSeconds(setup[1]!);
  const bundles = [...output.matchAll(new RegExp(String.raw`\[vite\] ✓ built in ${DURATION}`, 'g'))];
  if (bundles.length > 0) phases.bundle = bundles.reduce((sum, match) => sum + logSeconds(match[1]!), 0);
  const routes = output.indexOf('generating static routes');
  if (routes !== -1) {
    const render = new RegExp(`✓ Completed in ${DURATION}`).exec(output.slice(routes));
    if (render) phases.render = logSeconds(render[1]!);
  }
  const total = new RegExp(String.raw`page\(s\) built in ${DURATION}`).exec(output);
  if (total) phases.total = logSeconds(total[1]!);
  return phases;
}

/** Where the briefing build's time went, from its progress lines (scripts/build-briefings.ts): seconds since it started. */
export interface BriefingPhases {
  /** Inputs read, modules loaded and the pipeline run (cache saved). */
  pipelineDone?: number;
  /** Page models assembled, pages serialised and written as they came. */
  pagesDone?: number;
  /** The knowledge model, sidebar, feed and manifest written. */
  writtenDone?: number;
}

export function briefingPhases(output: string): BriefingPhases {
  const at = (label: string) => {
    const match = new RegExp(`briefing: ${label} at ([\\d.]+) s`).exec(output);
    return match ? Number(match[1]) : undefined;
  };
  return { pipelineDone: at('pipeline done'), pagesDone: at('pages built and written'), writtenDone: at('written') };
}

import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { ArticleBodyInput, SourcePage, SourceParagraph } from '../assemble/source-page.ts';
import type { Inline } from '../assemble/inlines.ts';
import { relativeHref } from '../shared/paths.ts';
import { articleJsonLd, type HeadEntry } from './json-ld.ts';
import { titleHead, type TitleHead } from './title.ts';
import { prebuildBody, type BodyBlock, type PageHeading, type PrebuiltBody } from './html.ts';
import { basisShares, sharedParagraphCount, shownReuse, type BasisCounts, type Reuse } from '../assemble/source-profile.ts';
import type { Basis } from '../model.ts';
import type { ComponentData } from './component-data.ts';
import { PAGE_LIMITS } from '../assemble/page-limits.ts';

/** A source's metadata, as SourceMeta shows it. */
export interface SourceMetaData {
  outlet?: string;
  author?: string;
  published?: string;
  publishedIso?: string;
  url?: string;
  stance?: string;
  file: string;
}

/** A source at a glance (SourceProfile): its statements by basis, and the sources it shares text with. */
export interface SourceProfileData {
  basis: BasisCounts;
  shares: Record<Basis, number>;
  reuse: (Reuse & {
    paragraphs: number;
    /** Paragraph pairs left out of `passages` (see PAGE_LIMITS.sharedPassages). */
    morePassages: number;
  })[];
  /** Sources left out of `reuse` (PAGE_LIMITS.sharedWith); the published model lists them all. */
  moreSources: number;
}

/** A line of web-page debris the build took out of the article (RemovedLines). */
export interface RemovedLine {
  kind: string;
  line: number;
  text: string;
}

/** Data for the panels around a source's article (src/components/SourceBody.astro passes each to its component). */
export interface SourcePanels {
  /** SearchFilters: the outlet filter. */
  filters: ComponentData['SearchFilters'];
  meta: SourceMetaData;
  /** Under the body's last heading. */
  profile?: SourceProfileData;
  removed?: RemovedLine[];
}

/** Everything src/pages/sources/[slug].astro needs to render one source page. */
export interface SourcePageData {
  /** Site-relative path, `/sources/<slug>/`. */
  path: string;
  /** Starlight frontmatter for `<StarlightPage>`. */
  frontmatter: { title: string; description: string; kind: 'source'; head: (HeadEntry | TitleHead)[] };
  /** The table of contents. */
  headings: PageHeading[];
  panels: SourcePanels;
  /** The article, as prebuilt HTML and headings (emit/html.ts). */
  blocks: BodyBlock[];
}

/** Phrasing for a page at `from`: entity links become relative hrefs. */
function phrasing(inlines: readonly Inline[], from: string): ElementContent[] {
  return inlines.map((part) => (part.type === 'text' ? { type: 'text', value: part.value } : h('a', { href: relativeHref(from, part.path) }, part.value)));
}

/** Sentences become spans with their ids, so descriptors and quotes can link to one sentence. */
function runs(item: SourceParagraph, from: string): ElementContent[] {
  return item.runs.flatMap((run) => (run.sentenceId ? [h('span', { id: run.sentenceId, className: ['sentence'] }, phrasing(run.inlines, from))] : phrasing(run.inlines, from)));
}

/**
 * A paragraph as plain HTML elements: a 2 MB article has thousands of
 * paragraphs, and plain elements cost next to nothing to render. The pilcrow
 * is a permalink to the paragraph; it ends the paragraph's text (the style
 * sets it in the margin). A heading paragraph gets its pilcrow from the page
 * (src/components/SourceBody.astro), which renders the heading.
 */
function paragraphNode(item: SourceParagraph, from: string): Element {
  const wrap = (children: ElementContent[]) => h('div', { id: item.id, className: ['para', `para--${item.kind}`] }, children);
  // Headings keep their paragraph id too: briefing pages cite mentions in headings like any other paragraph.
  if (item.kind === 'heading') return wrap([h('h2', item.runs.flatMap((run) => phrasing(run.inlines, from)))]);
  const anchor = h('a', { className: ['para__anchor'], href: `#${item.id}`, ariaLabel: 'Link to this paragraph', dataPagefindIgnore: true }, '¶');
  if (item.kind === 'tweet' && item.tweet) {
    const credit = `— ${item.tweet.author} (@${item.tweet.handle})${item.tweet.date ? `, ${item.tweet.date}` : ''}`;
    return wrap([h('blockquote', [h('p', runs(item, from)), h('p', [credit, anchor])])]);
  }
  return wrap([h('p', [...runs(item, from), anchor])]);
}

const list = (items: ElementContent[][]) => h('ul', items.map((children) => h('li', children)));

/**
 * A source page is rendered by src/pages/sources/[slug].astro from prebuilt
 * HTML (see emit/html.ts): the article body (`emitArticleBody`, made ahead),
 * and the panels around it (search filters, metadata, profile, removed lines)
 * as data for the same components as on other pages.
 */
export function emitSourcePage(page: SourcePage, article: PrebuiltBody, siteTitle?: string): SourcePageData {
  const children: Element[] = [];
  const panels: SourcePanels = {
    filters: { outlet: page.outletLabel },
    meta: {
      outlet: page.outlet,
      author: page.author,
      published: page.published?.label,
      publishedIso: page.published?.start,
      url: page.url,
      stance: page.stance,
      file: page.file,
    },
  };
  if (page.references.length > 0) {
    children.push(h('h2', 'Sources listed by the article'), list(page.references.map((reference) => [{ type: 'text', value: reference.text }])));
  }
  if (page.citedBy.length > 0) {
    children.push(h('h2', 'Briefings citing this source'), list(page.citedBy.map((citing) => [h('a', { href: relativeHref(page.path, citing.path) }, citing.name)])));
  }
  if (page.profile) {
    const { basis, reuse } = page.profile;
    // The heading ends the body, so the table of contents lists it; the profile itself follows it.
    children.push(h('h2', 'Source profile'));
    const { shown, more } = shownReuse(reuse);
    panels.profile = {
      basis,
      shares: basisShares(basis),
      reuse: shown.map((item) => ({
        ...item,
        paragraphs: sharedParagraphCount(item),
        passages: item.passages.slice(0, PAGE_LIMITS.sharedPassages),
        morePassages: Math.max(0, item.passages.length - PAGE_LIMITS.sharedPassages),
      })),
      moreSources: more,
    };
  }
  if (page.removed.length > 0) panels.removed = page.removed.map((removal) => ({ kind: removal.kind, line: removal.line, text: removal.text }));
  const title = siteTitle ? titleHead(page.title, siteTitle) : undefined;
  // Every part after the article opens with a heading, so the article's last block ends where it does.
  const after = prebuildBody({ type: 'root', children }, article.headings);
  return {
    path: page.path,
    frontmatter: { title: page.title, description: page.description, kind: 'source', head: [articleJsonLd(page), ...(title ? [title] : [])] },
    headings: [...article.headings, ...after.headings],
    // Through JSON: no `undefined` fields, and the components read plain data.
    panels: JSON.parse(JSON.stringify(panels)) as SourcePanels,
    blocks: [...article.blocks, ...after.blocks],
  };
}

/**
 * The article on its source page, as prebuilt HTML: most of the page's cost,
 * and it needs only the article and its links, so the build can make it
 * ahead, on another thread (scripts/io/article-pool.ts), while the briefing
 * pages that decide the rest of the page are assembled.
 */
export function emitArticleBody(page: ArticleBodyInput): PrebuiltBody {
  return prebuildBody({ type: 'root', children: page.paragraphs.map((item) => paragraphNode(item, page.path)) });
}

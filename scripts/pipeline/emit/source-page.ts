import type { BlockContent, RootContent } from 'mdast';
import type { SourcePage, SourceParagraph } from '../assemble/source-page.ts';
import { relativeHref } from '../assemble/paths.ts';
import type { PhrasingContent } from 'mdast';
import { block, heading, inline, link, paragraph, phrasing, root, text } from './nodes.ts';
import type { GeneratedPage } from './page.ts';
import { articleJsonLd } from './json-ld.ts';
import { titleHead } from './title.ts';
import { basisShares, sharedParagraphCount, shownReuse } from '../assemble/source-profile.ts';
import { PAGE_LIMITS } from '../assemble/page-limits.ts';

/** Data for the panels of a source page (src/components/MarkdownContent.astro), kept in its frontmatter. */
export interface SourcePanels {
  /** SearchFilters: the outlet filter. */
  filters: { outlet?: string };
  /** SourceMeta. */
  meta: Record<string, string | undefined>;
  /** SourceProfile, under the body's last heading. */
  profile?: { basis: unknown; shares: unknown; reuse: unknown[]; moreSources: number };
  /** RemovedLines. */
  removed?: { kind: string; line: number; text: string }[];
}

/** Sentences become spans with their ids, so descriptors and quotes can link to one sentence. */
function runs(item: SourceParagraph, from: string): PhrasingContent[] {
  return item.runs.flatMap((run) =>
    run.sentenceId ? [inline('span', { id: run.sentenceId, class: 'sentence' }, phrasing(run.inlines, from))] : phrasing(run.inlines, from),
  );
}

/**
 * A paragraph as plain HTML elements (no component): a 2 MB article has
 * thousands of paragraphs, and plain elements cost next to nothing to render.
 * The pilcrow is a permalink to the paragraph; it ends the paragraph's text
 * (the style sets it in the margin), as a paragraph of its own it would add a
 * blank line to every paragraph of the Markdown page.
 */
function paragraphBlock(item: SourceParagraph, children: RootContent[]): RootContent {
  const anchor = inline('a', { class: 'para__anchor', href: `#${item.id}`, 'aria-label': 'Link to this paragraph', 'data-pagefind-ignore': true }, [text('¶')]);
  const [first, ...rest] = children;
  const content = first?.type === 'paragraph' ? [{ ...first, children: [...first.children, anchor] }, ...rest] : [...children, paragraph([anchor])];
  return block('div', { id: item.id, class: `para para--${item.kind}` }, content as BlockContent[]);
}

function paragraphNode(item: SourceParagraph, from: string): RootContent {
  // Headings keep their paragraph id too: briefing pages cite mentions in headings like any other paragraph.
  if (item.kind === 'heading') return paragraphBlock(item, [heading(2, item.runs.flatMap((run) => phrasing(run.inlines, from)))]);
  const content = paragraph(runs(item, from));
  if (item.kind === 'tweet' && item.tweet) {
    const credit = `— ${item.tweet.author} (@${item.tweet.handle})${item.tweet.date ? `, ${item.tweet.date}` : ''}`;
    return paragraphBlock(item, [{ type: 'blockquote', children: [content, paragraph([text(credit)])] }]);
  }
  return paragraphBlock(item, [content]);
}

/**
 * A source page is plain Markdown (`format: 'md'`): its body holds only text,
 * links and HTML elements, so Astro renders it while syncing content instead
 * of compiling a JavaScript module per article. The panels around the article
 * (search filters, metadata, profile, removed lines) travel as frontmatter
 * data and are drawn by src/components/MarkdownContent.astro.
 */
export function emitSourcePage(page: SourcePage, siteTitle?: string): GeneratedPage {
  const children: RootContent[] = page.paragraphs.map((item) => paragraphNode(item, page.path));
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
    children.push(heading(2, 'Sources listed by the article'), {
      type: 'list',
      ordered: false,
      spread: false,
      children: page.references.map((reference) => ({
        type: 'listItem',
        spread: false,
        children: [paragraph(reference.text)],
      })),
    });
  }
  if (page.citedBy.length > 0) {
    children.push(heading(2, 'Briefings citing this source'), {
      type: 'list',
      ordered: false,
      spread: false,
      children: page.citedBy.map((citing) => ({
        type: 'listItem',
        spread: false,
        children: [paragraph([link(relativeHref(page.path, citing.path), citing.name)])],
      })),
    });
  }
  if (page.profile) {
    const { basis, reuse } = page.profile;
    // The heading ends the body, so the table of contents lists it; the profile itself follows it.
    children.push(heading(2, 'Source profile'));
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
  return {
    path: page.path,
    frontmatter: {
      title: page.title,
      description: page.description,
      kind: 'source',
      head: [articleJsonLd(page), ...(title ? [title] : [])],
      // Through JSON: YAML must not keep `undefined` fields, and the components read plain data.
      source: JSON.parse(JSON.stringify(panels)) as SourcePanels,
    },
    tree: root(children),
    format: 'md',
  };
}

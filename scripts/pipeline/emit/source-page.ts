import type { BlockContent, RootContent } from 'mdast';
import type { SourcePage, SourceParagraph } from '../assemble/source-page.ts';
import { relativeHref } from '../assemble/paths.ts';
import type { PhrasingContent } from 'mdast';
import { block, heading, imports, inline, link, paragraph, phrasing, root, text } from './nodes.ts';
import type { GeneratedPage } from './page.ts';
import { articleJsonLd } from './json-ld.ts';

/** Sentences become spans with their ids, so descriptors and quotes can link to one sentence. */
function runs(item: SourceParagraph, from: string): PhrasingContent[] {
  return item.runs.flatMap((run) =>
    run.sentenceId ? [inline('span', { id: run.sentenceId, class: 'sentence' }, phrasing(run.inlines, from))] : phrasing(run.inlines, from),
  );
}

/**
 * A paragraph as plain HTML elements (no component): a 2 MB article has
 * thousands of paragraphs, and plain JSX elements cost next to nothing to
 * render. The pilcrow is a permalink to the paragraph.
 */
function paragraphBlock(item: SourceParagraph, children: RootContent[]): RootContent {
  const anchor = paragraph([inline('a', { class: 'para__anchor', href: `#${item.id}`, 'aria-label': 'Link to this paragraph', 'data-pagefind-ignore': true }, [text('¶')])]);
  return block('div', { id: item.id, class: `para para--${item.kind}` }, [...(children as BlockContent[]), anchor]);
}

function paragraphNode(item: SourceParagraph, from: string): RootContent {
  if (item.kind === 'heading') return heading(2, item.runs.flatMap((run) => phrasing(run.inlines, from)));
  const content = paragraph(runs(item, from));
  if (item.kind === 'tweet' && item.tweet) {
    const credit = `— ${item.tweet.author} (@${item.tweet.handle})${item.tweet.date ? `, ${item.tweet.date}` : ''}`;
    return paragraphBlock(item, [{ type: 'blockquote', children: [content, paragraph([text(credit)])] }]);
  }
  return paragraphBlock(item, [content]);
}

export function emitSourcePage(page: SourcePage): GeneratedPage {
  const children: RootContent[] = [
    imports(['SourceMeta', 'RemovedLines', 'SearchFilters']),
    block('SearchFilters', { kind: 'source', data: { outlet: page.outletLabel } }),
    block('SourceMeta', {
      data: {
        outlet: page.outlet,
        author: page.author,
        published: page.published?.label,
        publishedIso: page.published?.start,
        url: page.url,
        stance: page.stance,
        file: page.file,
      },
    }),
    ...page.paragraphs.map((item) => paragraphNode(item, page.path)),
  ];
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
  if (page.removed.length > 0) {
    children.push(
      block('RemovedLines', {
        data: page.removed.map((removal) => ({ kind: removal.kind, line: removal.line, text: removal.text })),
      }),
    );
  }
  return {
    path: page.path,
    frontmatter: {
      title: page.title,
      description: page.description,
      kind: 'source',
      head: [articleJsonLd(page)],
    },
    tree: root(children),
  };
}

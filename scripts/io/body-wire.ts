/**
 * Edge: what a worker thread is sent to make the source pages' article bodies
 * (scripts/io/article-pool.ts): each article's text and links as strings and
 * flat numbers, and the entities the links point to once for all articles.
 *
 * Sending the paragraphs' runs with their links instead (`sourceParagraphs`,
 * made here) meant cloning a few million small objects: at 5,000 articles
 * about 2.5 s of this thread's time, while it assembles the briefing pages,
 * the build's longest chain. Strings and typed arrays are copied, not walked,
 * and the runs are made on the worker from the same pure stage.
 */
import type { BlockKind, EntityKind } from '../pipeline/model.ts';
import type { ArticleBodySource, LinkTarget, LinkedMention, ParagraphText } from '../pipeline/assemble/source-page.ts';

/** Numbers per paragraph in `WireBody.paragraphs`: its line, its post (-1: none), how many sentences, how many links. */
const PARAGRAPH_FIELDS = 4;

export interface WireBody {
  path: string;
  ids: string[];
  kinds: BlockKind[];
  texts: string[];
  /** `PARAGRAPH_FIELDS` numbers per paragraph. */
  paragraphs: Int32Array;
  sentenceIds: string[];
  /** `[start, end]` of each sentence inside its paragraph's text, paragraph after paragraph. */
  sentences: Int32Array;
  /** `[start, end, target]` of each link, paragraph after paragraph, in the mentions' order; `target` indexes `WireBodies.targets`. */
  links: Int32Array;
  tweets: [author: string, handle: string, date: string | undefined][];
}

export interface WireBodies {
  /** Every entity a link points to, once: `[id, kind]`. */
  targets: [id: string, kind: EntityKind][];
  bodies: WireBody[];
}

/**
 * The sources as sent. A mention whose entity is not among the source's
 * entities, or whose paragraph is not the article's, is left out: the stage
 * ignores it either way (`linkMentions`, `sourceParagraphs`), and one it
 * ignores never moves where the next link may start.
 */
export function toBodyWire(sources: readonly ArticleBodySource[]): WireBodies {
  const targets: WireBodies['targets'] = [];
  const targetOf = new Map<string, number>();
  const target = (entity: LinkTarget): number => {
    let position = targetOf.get(entity.id);
    if (position === undefined) {
      position = targets.push([entity.id, entity.kind]) - 1;
      targetOf.set(entity.id, position);
    }
    return position;
  };
  const bodies = sources.map(({ path, article, mentions, entities }): WireBody => {
    // Each mention goes with the first paragraph of its id. The stage reads them by id, so were two
    // paragraphs to share one, both would still get it, as from the article itself.
    const paragraphOf = new Map<string, number>();
    article.paragraphs.forEach((paragraph, position) => paragraphOf.has(paragraph.id) || paragraphOf.set(paragraph.id, position));
    const linksOf: number[][] = article.paragraphs.map(() => []);
    for (const mention of mentions) {
      const paragraph = paragraphOf.get(mention.paragraphId);
      const entity = entities.get(mention.entityId);
      if (paragraph !== undefined && entity) linksOf[paragraph]!.push(mention.start, mention.end, target(entity));
    }
    const numbers = new Int32Array(article.paragraphs.length * PARAGRAPH_FIELDS);
    const sentenceIds: string[] = [];
    const sentences: number[] = [];
    article.paragraphs.forEach((paragraph, position) => {
      numbers.set([paragraph.line, paragraph.tweet ?? -1, paragraph.sentences.length, linksOf[position]!.length / 3], position * PARAGRAPH_FIELDS);
      for (const sentence of paragraph.sentences) {
        sentenceIds.push(sentence.id);
        sentences.push(sentence.start, sentence.end);
      }
    });
    return {
      path,
      ids: article.paragraphs.map((paragraph) => paragraph.id),
      kinds: article.paragraphs.map((paragraph) => paragraph.kind),
      texts: article.paragraphs.map((paragraph) => paragraph.text),
      paragraphs: numbers,
      sentenceIds,
      sentences: Int32Array.from(sentences),
      links: Int32Array.from(linksOf.flat()),
      tweets: article.tweets.map((tweet) => [tweet.author, tweet.handle, tweet.date?.label]),
    };
  });
  return { targets, bodies };
}

/** The entities of `toBodyWire`'s links, for `fromBodyWire` (made once for all the bodies). */
export function wireTargets(wire: WireBodies): { list: LinkTarget[]; byId: ReadonlyMap<string, LinkTarget> } {
  const list = wire.targets.map(([id, kind]): LinkTarget => ({ id, kind }));
  return { list, byId: new Map(list.map((entity) => [entity.id, entity])) };
}

/** One body's source again, as `sourceParagraphs` reads it. */
export function fromBodyWire(body: WireBody, targets: ReturnType<typeof wireTargets>): ArticleBodySource {
  const paragraphs: ParagraphText[] = [];
  const mentions: LinkedMention[] = [];
  let sentence = 0;
  let link = 0;
  for (let position = 0; position < body.ids.length; position++) {
    const at = position * PARAGRAPH_FIELDS;
    const [line, tweet, sentenceCount, linkCount] = [body.paragraphs[at]!, body.paragraphs[at + 1]!, body.paragraphs[at + 2]!, body.paragraphs[at + 3]!];
    const id = body.ids[position]!;
    const sentences: ParagraphText['sentences'][number][] = [];
    for (const end = sentence + sentenceCount; sentence < end; sentence++) {
      sentences.push({ id: body.sentenceIds[sentence]!, start: body.sentences[sentence * 2]!, end: body.sentences[sentence * 2 + 1]! });
    }
    for (const end = link + linkCount; link < end; link++) {
      mentions.push({ paragraphId: id, start: body.links[link * 3]!, end: body.links[link * 3 + 1]!, entityId: targets.list[body.links[link * 3 + 2]!]!.id });
    }
    paragraphs.push({ id, kind: body.kinds[position]!, line, text: body.texts[position]!, ...(tweet >= 0 && { tweet }), sentences });
  }
  const tweets = body.tweets.map(([author, handle, date]) => ({ author, handle, ...(date !== undefined && { date: { label: date } }) }));
  return { path: body.path, article: { paragraphs, tweets }, mentions, entities: targets.byId };
}

/**
 * Direct quotations and who said them.
 *
 * Decisions (see also docs/statement-basis.md):
 * - Only double quotation marks (“…”, "…") make a quote. Single-quoted words
 *   ('humanitarian-focused') are scare quotes, even after "are said to be": that
 *   passive attribution names no speaker, so the sentence is labelled
 *   `attributed` by the basis stage instead.
 * - A quote needs a speaker; an unattributed quote is dropped (precision first).
 * - Short quotes (1–3 words) inside a sentence are scare quotes unless a
 *   reporting verb in the same sentence gives them a speaker ("Peskov confirmed
 *   that … were “no doubt” held"): those are kept with via `other`.
 * - A pronoun speaker ("he said") resolves to the most recent person mentioned
 *   in the same or the previous sentence; `speakerText` is then that mention as
 *   written (a bare "he" means nothing out of context). Unresolved: dropped.
 * - A full-sentence quote right after an attributed quote in the same paragraph
 *   continues it and inherits its speaker.
 * - `“A,” Ramani added, “B.”` is one quote "A … B".
 * - Every tweet block is one quote by its author (via `tweet`); quotes inside a
 *   tweet ("Russian President Putin: “…”") are extracted as well.
 * - Quotes with the same id (same article, same words) are kept once: the first.
 */
import type { Entity, Mention, Paragraph, Quote, QuoteVia, SegmentedArticle, Sentence } from '../../model.ts';
import { shortHash } from '../../shared/hash.ts';
import { entityLookup } from '../../shared/entity-lookup.ts';
import { cleanQuoteText, findQuoteSpans, wordCount, type QuoteSpan } from './quote-spans.ts';
import { findSpeechVerbs as findAllSpeechVerbs, type VerbMatch } from './speech-verbs.ts';
import { colonSpeaker, subjectAfter, subjectBefore, type PhraseSpan } from './speaker-phrase.ts';
import { nameInPhrase, reportedSpeakerBefore, roleHolderBefore } from './antecedent.ts';
import { entityForTweetAuthor, entityInSpan, firstPersonBefore, insideAny, lastPersonBefore, type OffsetRange } from './resolve-speaker.ts';

export { findQuoteSpans, quotedShare, cleanQuoteText } from './quote-spans.ts';

/** A quote is "short" (a possible scare quote) up to this many words. */
const SHORT_QUOTE_WORDS = 3;
/** An attribution clause between the halves of a split quote is at most this long. */
const MAX_SPLIT_GAP = 100;
/** How far before a quote we look for its reporting verb. */
const VERB_LOOKBACK = 400;
/** How far back a pronoun's antecedent and a role's holder are looked for, in characters. */
const ANTECEDENT_LOOKBACK = 1_500;
const ROLE_LOOKBACK = 20_000;
/** A "Speaker:" label is at most this long. */
const COLON_LOOKBACK = 120;

interface SentenceRef {
  paragraph: Paragraph;
  index: number;
  sentence: Sentence;
}

interface Attribution {
  speakerText: string;
  speakerId?: string;
  via: QuoteVia;
}

interface ArticleContext {
  article: SegmentedArticle;
  entityById: ReadonlyMap<string, Entity>;
  mentionsByParagraph: Map<string, Mention[]>;
  mentionsBySentence: Map<string, Mention[]>;
  spansByParagraph: Map<string, QuoteSpan[]>;
  /** The same spans as offset ranges, for "is this mention inside a quote" checks. */
  quotedByParagraph: Map<string, OffsetRange[]>;
  flat: SentenceRef[];
  flatIndex: Map<string, number>;
}

export function quoteId(articleSlug: string, text: string): string {
  return `q-${shortHash(articleSlug + text, 8)}`;
}

export function extractQuotes(article: SegmentedArticle, mentions: Mention[], entities: Entity[]): Quote[] {
  const context = buildContext(article, mentions, entities);
  const quotes: Quote[] = [];
  const seen = new Set<string>();
  const push = (quote: Quote): void => {
    if (seen.has(quote.id)) return;
    seen.add(quote.id);
    quotes.push(quote);
  };

  for (const paragraph of article.paragraphs) {
    if (paragraph.kind === 'heading') continue;
    const inParagraph = quotesInParagraph(context, paragraph);
    // An embedded post is its author's own words, unless it quotes someone it names
    // ("President X: '…'"): then the poster reports the words, and is not their speaker.
    if (paragraph.kind === 'tweet' && !inParagraph.some((quote) => quote.speakerId !== undefined || quote.speakerText.trim() !== '')) {
      const tweetQuote = quoteForTweet(context, paragraph, entities);
      if (tweetQuote) push(tweetQuote);
    }
    for (const quote of inParagraph) push(quote);
  }
  return quotes;
}

/** Reporting verbs outside quotations: "the state and prospects" inside quotes is not a verb. */
function findSpeechVerbs(context: ArticleContext, paragraph: Paragraph, from: number, to: number): VerbMatch[] {
  const quoted = context.quotedByParagraph.get(paragraph.id) ?? [];
  return findAllSpeechVerbs(paragraph.text, from, to).filter((verb) => !insideAny(verb, quoted));
}

/**
 * Where the look-back for a reporting verb starts: the sentence start, at most
 * `VERB_LOOKBACK` back, and never before an inner sentence end the segmenter
 * missed ("…agreements. (Al Jazeera) Putin responded…").
 */
function verbWindowStart(text: string, sentenceStart: number, before: number): number {
  const from = Math.max(sentenceStart, before - VERB_LOOKBACK);
  let start = from;
  for (const match of text.slice(from, before).matchAll(/[.!?][”"’)]?\s+(?=[(\p{Lu}“"])/gu)) {
    start = from + (match.index ?? 0) + match[0].length;
  }
  return start;
}

function buildContext(article: SegmentedArticle, mentions: Mention[], entities: Entity[]): ArticleContext {
  const entityById = entityLookup(entities).byId;
  const mentionsByParagraph = new Map<string, Mention[]>();
  for (const mention of mentions) {
    if (mention.articleSlug !== article.slug) continue;
    const list = mentionsByParagraph.get(mention.paragraphId) ?? [];
    list.push(mention);
    mentionsByParagraph.set(mention.paragraphId, list);
  }
  const byStart = (a: Mention, b: Mention): number => a.start - b.start || a.end - b.end;
  const mentionsBySentence = new Map<string, Mention[]>();
  for (const list of mentionsByParagraph.values()) {
    list.sort(byStart);
    for (const mention of list) {
      const sentenceList = mentionsBySentence.get(mention.sentenceId) ?? [];
      sentenceList.push(mention);
      mentionsBySentence.set(mention.sentenceId, sentenceList);
    }
  }
  const spansByParagraph = new Map<string, QuoteSpan[]>();
  const quotedByParagraph = new Map<string, OffsetRange[]>();
  const flat: SentenceRef[] = [];
  const flatIndex = new Map<string, number>();
  for (const paragraph of article.paragraphs) {
    const spans = findQuoteSpans(paragraph.text, { allowUnclosedAtEnd: paragraph.kind === 'tweet' });
    spansByParagraph.set(paragraph.id, spans);
    quotedByParagraph.set(paragraph.id, spans.map((span) => ({ start: span.open, end: span.end })));
    paragraph.sentences.forEach((sentence, index) => {
      flatIndex.set(sentence.id, flat.length);
      flat.push({ paragraph, index, sentence });
    });
  }
  return { article, entityById, mentionsByParagraph, mentionsBySentence, spansByParagraph, quotedByParagraph, flat, flatIndex };
}

function quoteForTweet(context: ArticleContext, paragraph: Paragraph, entities: Entity[]): Quote | undefined {
  const tweet = paragraph.tweet === undefined ? undefined : context.article.tweets[paragraph.tweet];
  const sentence = paragraph.sentences[0];
  if (!tweet || !sentence) return undefined;
  const text = tweet.text.replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  const speaker = entityForTweetAuthor(tweet.author, tweet.handle, entities);
  return {
    id: quoteId(context.article.slug, text),
    articleSlug: context.article.slug,
    paragraphId: paragraph.id,
    sentenceId: sentence.id,
    text,
    speakerText: `${tweet.author} (@${tweet.handle})`,
    ...(speaker ? { speakerId: speaker.id } : {}),
    via: 'tweet',
  };
}

/** Index of the sentence whose range contains `offset` (sentences are in text order). */
function sentenceIndexAt(sentences: readonly Sentence[], offset: number): number {
  let low = 0;
  let high = sentences.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const sentence = sentences[mid]!;
    if (offset < sentence.start) high = mid - 1;
    else if (offset >= sentence.end) low = mid + 1;
    else return mid;
  }
  return -1;
}

function quotesInParagraph(context: ArticleContext, paragraph: Paragraph): Quote[] {
  const { text, sentences } = paragraph;
  const spans = context.spansByParagraph.get(paragraph.id) ?? [];
  const quotes: Quote[] = [];
  let previous: { sentenceIndex: number; attribution: Attribution } | undefined;

  for (let k = 0; k < spans.length; k++) {
    const span = spans[k]!;
    const sentenceIndex = sentenceIndexAt(sentences, span.open);
    const sentence = sentences[sentenceIndex];
    if (!sentence) continue;
    const closingSentence = sentences[sentenceIndexAt(sentences, Math.max(span.open, span.end - 1))] ?? sentence;
    const next = spans[k + 1];

    let quoteText = cleanQuoteText(text.slice(span.innerStart, span.innerEnd));
    let attribution: Attribution | undefined;

    const split = next ? splitAttribution(context, paragraph, span, next, sentence) : undefined;
    if (split && next) {
      quoteText = `${quoteText} … ${cleanQuoteText(text.slice(next.innerStart, next.innerEnd))}`;
      attribution = split;
      k++;
    } else {
      const postLimit = Math.min(closingSentence.end, next ? next.open : Number.POSITIVE_INFINITY);
      const short = wordCount(quoteText) <= SHORT_QUOTE_WORDS;
      attribution = attribute(context, paragraph, sentenceIndex, span, postLimit, short);
      if (!attribution && !short && previous && sentenceIndex - previous.sentenceIndex <= 1 && coversSentence(span, sentence)) {
        attribution = previous.attribution;
      }
    }
    if (!attribution || !quoteText) continue;
    previous = { sentenceIndex, attribution };
    quotes.push({
      id: quoteId(context.article.slug, quoteText),
      articleSlug: context.article.slug,
      paragraphId: paragraph.id,
      sentenceId: sentence.id,
      text: quoteText,
      speakerText: attribution.speakerText,
      ...(attribution.speakerId ? { speakerId: attribution.speakerId } : {}),
      via: attribution.via,
    });
  }
  return quotes;
}

function coversSentence(span: QuoteSpan, sentence: Sentence): boolean {
  const length = sentence.end - sentence.start;
  const covered = Math.min(span.end, sentence.end) - Math.max(span.open, sentence.start);
  return length > 0 && covered / length >= 0.5;
}

/** `“A,” Ramani added, “B.”`: the gap between two quotes is nothing but speaker + verb. */
function splitAttribution(
  context: ArticleContext,
  paragraph: Paragraph,
  span: QuoteSpan,
  next: QuoteSpan,
  sentence: Sentence,
): Attribution | undefined {
  if (next.open - span.end > MAX_SPLIT_GAP || next.open >= sentence.end + MAX_SPLIT_GAP) return undefined;
  const { text } = paragraph;
  const gap = text.slice(span.end, next.open);
  if (!/^\s*,/.test(gap) && !/,\s*$/.test(text.slice(span.innerStart, span.innerEnd))) return undefined;
  const verbs = findSpeechVerbs(context, paragraph, span.end, next.open);
  const verb = verbs[0];
  if (!verb || verbs.length > 1) return undefined;
  if (!/^[\s,:]*$/.test(text.slice(verb.end, next.open))) return undefined;
  const leading = span.end + (/^[\s,]*/.exec(gap)?.[0].length ?? 0);
  const subject = leading === verb.start ? subjectAfter(text, verb.end, next.open) : subjectBefore(text, verb.start, span.end);
  if (!subject || (leading !== verb.start && subject.start !== leading)) return undefined;
  return resolve(context, paragraph, sentenceIndexAt(paragraph.sentences, span.open), subject, verb.via);
}

function attribute(
  context: ArticleContext,
  paragraph: Paragraph,
  sentenceIndex: number,
  span: QuoteSpan,
  postLimit: number,
  short: boolean,
): Attribution | undefined {
  const { text } = paragraph;
  const sentence = paragraph.sentences[sentenceIndex]!;
  const postVerbs = span.end < postLimit ? findSpeechVerbs(context, paragraph, span.end, postLimit) : [];

  // 1. Right after the quote: `“…,” Putin said.` / `“…,” said Putin.`
  const firstPost = postVerbs[0];
  if (firstPost) {
    const leading = span.end + (/^[\s,]*/.exec(text.slice(span.end, firstPost.start))?.[0].length ?? 0);
    const subject =
      leading === firstPost.start ? subjectAfter(text, firstPost.end, postLimit) : subjectBefore(text, firstPost.start, span.end);
    if (subject && (leading === firstPost.start || subject.start === leading)) {
      const found = resolve(context, paragraph, sentenceIndex, subject, firstPost.via);
      if (found) return found;
    }
  }

  // Bounded look-back: slicing from the sentence start for every quote would be quadratic on huge sentences.
  const preStart = Math.max(sentence.start, span.open - VERB_LOOKBACK);
  const pre = text.slice(preStart, span.open);
  // 2. `according to X, “…”`
  const according = /according to\s+([^,“”"]{1,80}?)\s*,\s*$/iu.exec(pre);
  if (according?.[1]) {
    const start = preStart + according.index + according[0].indexOf(according[1]);
    const phrase = { start, end: start + according[1].length, text: according[1], pronoun: false };
    const found = resolve(context, paragraph, sentenceIndex, phrase, 'according-to');
    if (found) return found;
  }

  // 3. `Russian President Putin: “…”`, in this sentence or ending the previous one.
  const colon = colonAttribution(context, paragraph, sentenceIndex, span);
  if (colon) return colon;

  // 4. A reporting verb before the quote: `Hegazi argues that “…”`.
  const windowStart = verbWindowStart(text, sentence.start, span.open);
  const preVerbs = findSpeechVerbs(context, paragraph, windowStart, span.open);
  const lastPre = preVerbs[preVerbs.length - 1];
  if (lastPre) {
    const found = subjectOfVerb(context, paragraph, sentenceIndex, lastPre, preVerbs, span, windowStart);
    if (found) return short ? { ...found, via: 'other' } : found;
  }

  // 5. A reporting verb later in the sentence: `“…” government …, Ramani … told Al Jazeera.`
  for (const verb of postVerbs) {
    const subject = subjectBefore(text, verb.start, span.end);
    if (!subject) continue;
    const found = resolve(context, paragraph, sentenceIndex, subject, verb.via);
    if (found) return short ? { ...found, via: 'other' } : found;
  }
  return undefined;
}

function subjectOfVerb(
  context: ArticleContext,
  paragraph: Paragraph,
  sentenceIndex: number,
  verb: VerbMatch,
  preVerbs: VerbMatch[],
  span: QuoteSpan,
  windowStart: number,
): Attribution | undefined {
  const { text } = paragraph;
  const sentence = paragraph.sentences[sentenceIndex]!;
  if (!verb.participle) {
    const subject = subjectBefore(text, verb.start, windowStart);
    return subject ? resolve(context, paragraph, sentenceIndex, subject, verb.via) : undefined;
  }
  // "X said …, adding, “…”": the speaker is the subject of the main reporting verb.
  const main = [...preVerbs].reverse().find((candidate) => !candidate.participle && candidate.start < verb.start);
  const subject = main ? subjectBefore(text, main.start, windowStart) : undefined;
  if (subject) return resolve(context, paragraph, sentenceIndex, subject, main?.via ?? verb.via);
  const mentions = context.mentionsBySentence.get(sentence.id) ?? [];
  const quoted = context.quotedByParagraph.get(paragraph.id) ?? [];
  const person = firstPersonBefore(mentions, span.open, quoted, context.entityById);
  return person ? { speakerText: person.text, speakerId: person.entityId, via: verb.via } : undefined;
}

function colonAttribution(context: ArticleContext, paragraph: Paragraph, sentenceIndex: number, span: QuoteSpan): Attribution | undefined {
  const sentence = paragraph.sentences[sentenceIndex]!;
  // Inside the sentence, the clause may start after a line break ("…\nRussian President Putin:\n“…").
  const lineStart = lineStartBefore(paragraph.text, sentence.start, span.open);
  const here = startsClause(paragraph.text, sentence.start, lineStart) ? colonSpeaker(paragraph.text, lineStart, span.open) : undefined;
  if (here) return resolve(context, paragraph, sentenceIndex, here, 'colon');
  if (span.open - sentence.start > COLON_LOOKBACK || /\S/.test(paragraph.text.slice(sentence.start, span.open))) return undefined;

  const flatIndex = context.flatIndex.get(sentence.id);
  const previous = flatIndex === undefined ? undefined : context.flat[flatIndex - 1];
  if (!previous) return undefined;
  const prevText = previous.paragraph.text;
  const prevLineStart = lineStartBefore(prevText, previous.sentence.start, previous.sentence.end);
  const before = startsClause(prevText, previous.sentence.start, prevLineStart) ? colonSpeaker(prevText, prevLineStart, previous.sentence.end) : undefined;
  return before ? resolve(context, previous.paragraph, previous.index, before, 'colon') : undefined;
}

/** Start of the line holding `before`, within `COLON_LOOKBACK` characters (a speaker label is short). */
function lineStartBefore(text: string, floor: number, before: number): number {
  const from = Math.max(floor, before - COLON_LOOKBACK);
  const window = text.slice(from, Math.max(from, before - 1));
  const newline = window.lastIndexOf('\n');
  return newline >= 0 ? from + newline + 1 : from;
}

/** A colon label must start a sentence or a line, not a window cut mid-text. */
function startsClause(text: string, sentenceStart: number, at: number): boolean {
  return at === sentenceStart || text[at - 1] === '\n';
}


/** Turn a speaker phrase into an attribution: registry id from the mentions, pronouns resolved. */
function resolve(
  context: ArticleContext,
  paragraph: Paragraph,
  sentenceIndex: number,
  phrase: PhraseSpan,
  via: QuoteVia,
): Attribution | undefined {
  const mentions = context.mentionsByParagraph.get(paragraph.id) ?? [];
  if (!phrase.pronoun) {
    const mention = entityInSpan(mentions, phrase.start, phrase.end, context.entityById);
    const written = phrase.text.replace(/\s+/g, ' ');
    if (mention) return { speakerText: written, speakerId: mention.entityId, via };
    // Not in the registry: the person's name without the titles before it, or the holder of a role named elsewhere.
    const name = nameInPhrase(written);
    if (name) return { speakerText: name, via };
    const holder = roleHolderBefore(written, textBefore(context, paragraph, phrase.start));
    return { speakerText: holder ?? written, via };
  }
  const sentence = paragraph.sentences[sentenceIndex];
  if (!sentence) return undefined;
  const quoted = context.quotedByParagraph.get(paragraph.id) ?? [];
  let person = lastPersonBefore(context.mentionsBySentence.get(sentence.id) ?? [], phrase.start, quoted, context.entityById);
  if (!person) {
    const flatIndex = context.flatIndex.get(sentence.id);
    const previous = flatIndex === undefined ? undefined : context.flat[flatIndex - 1];
    if (previous) {
      const prevMentions = context.mentionsBySentence.get(previous.sentence.id) ?? [];
      const prevQuoted = context.quotedByParagraph.get(previous.paragraph.id) ?? [];
      person = lastPersonBefore(prevMentions, previous.sentence.end, prevQuoted, context.entityById);
    }
  }
  if (person) return { speakerText: person.text, speakerId: person.entityId, via };
  // No registry person near: the person last reported as speaking, by name.
  const speaker = reportedSpeakerBefore({ sentences: sentencesBefore(context, paragraph, sentenceIndex, phrase.start) });
  return speaker ? { speakerText: speaker, via } : undefined;
}

/** Text with its quotations blanked out: words inside a quote are never the speaker. */
function unquoted(context: ArticleContext, paragraph: Paragraph, from: number, to: number): string {
  let text = paragraph.text.slice(from, to);
  const ranges = context.quotedByParagraph.get(paragraph.id) ?? [];
  // Ranges are sorted and disjoint: start at the first that may reach `from` (binary search keeps many quotes linear).
  let low = 0;
  let high = ranges.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (ranges[mid]!.end <= from) low = mid + 1;
    else high = mid;
  }
  for (let k = low; k < ranges.length && ranges[k]!.start < to; k++) {
    const start = Math.max(ranges[k]!.start, from);
    const end = Math.min(ranges[k]!.end, to);
    if (start < end) text = text.slice(0, start - from) + ' '.repeat(end - start) + text.slice(end - from);
  }
  return text;
}

/** The current sentence up to `offset`, then the sentences before it, nearest first (quotes blanked). */
function sentencesBefore(context: ArticleContext, paragraph: Paragraph, sentenceIndex: number, offset: number): string[] {
  const sentence = paragraph.sentences[sentenceIndex];
  if (!sentence) return [];
  // Bounded: a pronoun's antecedent is near, and a 2 MB sentence must not be copied per quote.
  const texts = [unquoted(context, paragraph, Math.max(sentence.start, offset - ANTECEDENT_LOOKBACK), offset)];
  const flatIndex = context.flatIndex.get(sentence.id) ?? 0;
  for (let k = flatIndex - 1; k >= 0 && texts.length < 5; k--) {
    const ref = context.flat[k]!;
    if (ref.paragraph.kind === 'heading' || ref.paragraph.kind === 'tweet') break;
    texts.push(unquoted(context, ref.paragraph, Math.max(ref.sentence.start, ref.sentence.end - ANTECEDENT_LOOKBACK), ref.sentence.end));
  }
  return texts;
}

/** The article's text before `offset` of `paragraph`, for finding a role's holder. */
function textBefore(context: ArticleContext, paragraph: Paragraph, offset: number): string {
  const { paragraphs } = context.article;
  const parts = [paragraph.text.slice(Math.max(0, offset - ROLE_LOOKBACK), offset)];
  let length = parts[0]!.length;
  for (let k = paragraphs.indexOf(paragraph) - 1; k >= 0 && length < ROLE_LOOKBACK; k--) {
    const text = paragraphs[k]!.text.slice(-(ROLE_LOOKBACK - length));
    parts.unshift(text);
    length += text.length;
  }
  return parts.join('\n');
}

/**
 * The eval's measures: the build (knowledge model + page list + map) against a
 * reader's reference. Pure; definitions in docs/eval.md. Where the model has no
 * such data yet, a measure scores 0 rather than being left out.
 */
import type { Entity, KnowledgeModel } from '../pipeline/model.ts';
import type { MapChart } from '../pipeline/charts/map.ts';
import { onMap } from '../pipeline/charts/map.ts';
import { entityPath } from '../pipeline/shared/paths.ts';
import type { Expected, ExpectedEntity } from './expected.ts';
import { days, distanceKm, entityNames, fold, foldLower, interval, kindFamily, nameForms, sameEntity, toInterval, within, words } from './match.ts';

export interface Ratio {
  hit: number;
  of: number;
}

export interface BuildUnderTest {
  model: KnowledgeModel;
  /** Paths of the site's pages ("/actors/russia/"). */
  pages: ReadonlySet<string>;
  map?: MapChart;
  /** Registry files the build read: entities defined elsewhere were discovered in the texts. */
  registryFiles: readonly string[];
}

export interface Scores {
  corpus: string;
  /** Entity measures need the reference's entity list; undefined when it has none (the seeds). */
  entities?: {
    withPage: Ratio;
    wrongLinks: number;
    junkPages: Ratio;
    placesOnMap: Ratio;
    missing: string[];
    wrongLinkExamples: string[];
    junk: string[];
  };
  eventsWithDate: Ratio;
  /** Briefing pages (entity pages) whose entity no source mentions: they cite nothing. */
  pagesCitingNoSource: Ratio & { names: string[] };
  publicationDates: Ratio;
  titles: Ratio;
  outlets: Ratio;
  relativeDates: Ratio & { wrong: number; unresolved: number };
  weekdayDirectionErrors: number;
  quotes: Ratio & { wrongPerson: number };
  misses: { events: string[]; publicationDates: string[]; relativeDates: string[]; quotes: string[] };
}

const MAP_TOLERANCE_KM = 25;

const hasPage = (build: BuildUnderTest, entity: Entity) => build.pages.has(entityPath(entity.kind, entity.id));

function isDiscovered(entity: Entity, registryFiles: ReadonlySet<string>): boolean {
  const flagged = entity as Entity & { discovered?: boolean; origin?: string };
  return flagged.discovered === true || flagged.origin === 'discovered' || !registryFiles.has(entity.file);
}

const basename = (file: string) => file.split('/').at(-1)!;

function articleSlugs(model: KnowledgeModel): Map<string, KnowledgeModel['articles'][number]> {
  return new Map(model.articles.map((article) => [basename(article.file), article]));
}

function scoreEntities(reference: ExpectedEntity[], expected: Expected, build: BuildUnderTest): NonNullable<Scores['entities']> {
  const { model } = build;
  const registry = new Set(build.registryFiles);
  const matchOf = (entity: Entity) => reference.find((item) => sameEntity(item, entity));
  const optional = new Set(expected.optional.map(foldLower));
  const isOptional = (entity: Entity) => entityNames(entity).some((name) => optional.has(foldLower(name)));

  const missing: string[] = [];
  let withPage = 0;
  let mapped = 0;
  let located = 0;
  for (const item of reference) {
    const matches = model.entities.filter((entity) => sameEntity(item, entity));
    if (matches.some((entity) => hasPage(build, entity))) withPage++;
    else missing.push(`${item.name} (${item.kind})`);
    if (!item.coordinates) continue;
    located++;
    const onTarget = matches.some((entity) => {
      const row = build.map?.entities.find((candidate) => candidate.id === entity.id);
      return row?.coordinates !== undefined && onMap(build.map!, entity.id) && distanceKm(row.coordinates, item.coordinates!) <= MAP_TOLERANCE_KM;
    });
    if (onTarget) mapped++;
  }

  const discoveredWithPage = model.entities.filter((entity) => entity.kind !== 'event' && isDiscovered(entity, registry) && hasPage(build, entity));
  const junk = discoveredWithPage.filter((entity) => !matchOf(entity) && !isOptional(entity)).map((entity) => entity.name);

  const paragraphs = new Map(model.articles.flatMap((article) => article.paragraphs.map((paragraph) => [`${article.slug}|${paragraph.id}`, paragraph.text] as const)));
  const byId = new Map(model.entities.map((entity) => [entity.id, entity]));
  const wrong: string[] = [];
  for (const mention of model.mentions) {
    const entity = byId.get(mention.entityId);
    if (!entity || entity.kind === 'event') continue;
    const where = `${mention.articleSlug}: "${mention.text}" → ${entity.name}`;
    const target = matchOf(entity);
    const form = fold(mention.text);
    if (target) {
      if (![target.name, ...target.forms, ...target.accept].some((allowed) => fold(allowed) === form)) {
        wrong.push(`${where} (not a form of ${target.name})`);
        continue;
      }
    } else if (!isOptional(entity)) {
      wrong.push(`${where} (no such entity expected)`);
      continue;
    }
    const text = paragraphs.get(`${mention.articleSlug}|${mention.paragraphId}`) ?? '';
    const rule = expected.mustNotLink.find((item) => {
      if (item.notEntity && !(target && foldLower(target.name) === foldLower(item.notEntity))) return false;
      if (item.notKind && kindFamily(entity) !== item.notKind) return false;
      if (item.part) return form === fold(item.part) && insideForm(text, item.form, mention);
      return form === fold(item.form);
    });
    if (rule) wrong.push(`${where} (must not link: ${rule.form})`);
  }

  return {
    withPage: { hit: withPage, of: reference.length },
    wrongLinks: wrong.length,
    junkPages: { hit: junk.length, of: discoveredWithPage.length },
    placesOnMap: { hit: mapped, of: located },
    missing,
    wrongLinkExamples: wrong,
    junk,
  };
}

/** Does the mention lie inside an occurrence of `form` in its paragraph? */
function insideForm(paragraph: string, form: string, mention: { start: number; end: number }): boolean {
  for (let at = paragraph.indexOf(form); at !== -1; at = paragraph.indexOf(form, at + 1)) {
    if (mention.start >= at && mention.end <= at + form.length) return true;
  }
  return false;
}

/** Model entity ids a reference name stands for (any kind: participants may be people, states or organisations). */
function idsNamed(model: KnowledgeModel, reference: ExpectedEntity[] | undefined, name: string): Set<string> {
  const entry = reference?.find((item) => foldLower(item.name) === foldLower(name));
  const named = entry ? (entity: Entity) => sameEntity(entry, entity) : (entity: Entity) => entityNames(entity).some((candidate) => foldLower(candidate) === foldLower(name));
  return new Set(model.entities.filter(named).map((entity) => entity.id));
}

function scoreEvents(expected: Expected, build: BuildUnderTest): { ratio: Ratio; misses: string[] } {
  const events = build.model.entities.filter((entity) => kindFamily(entity) === 'event' && hasPage(build, entity) && entity.date);
  const misses: string[] = [];
  let hit = 0;
  for (const item of expected.events) {
    const want = interval(item.date);
    const participants = item.participants.map((name) => idsNamed(build.model, expected.entities, name));
    const resolvable = participants.some((ids) => ids.size > 0);
    const found = events.some((event) => {
      if (!within(toInterval(event.date!), want)) return false;
      const involved = new Set([...event.participants, ...(event.place ? [event.place] : [])]);
      if (resolvable) return participants.some((ids) => [...ids].some((id) => involved.has(id)));
      // Nothing in the model bears a participant's name: fall back to the event's own name.
      const name = foldLower(event.name);
      return item.participants.some((participant) => nameForms(participant).some((form) => name.includes(foldLower(form))));
    });
    if (found) hit++;
    else misses.push(`${item.name} (${item.date})`);
  }
  return { ratio: { hit, of: expected.events.length }, misses };
}

function scoreArticles(expected: Expected, build: BuildUnderTest): Pick<Scores, 'publicationDates' | 'titles' | 'outlets'> & { misses: string[] } {
  const articles = articleSlugs(build.model);
  const dates: Ratio = { hit: 0, of: 0 };
  const titles: Ratio = { hit: 0, of: 0 };
  const outlets: Ratio = { hit: 0, of: 0 };
  const misses: string[] = [];
  for (const item of expected.articles) {
    const article = articles.get(item.file);
    if (item.published !== undefined) {
      dates.of++;
      const got = article?.meta.published;
      const want = interval(item.published);
      if (got && got.start === want.start && got.end === want.end) dates.hit++;
      else misses.push(`${item.file}: ${item.published}, built ${got ? `${got.start}/${got.end}` : 'none'}`);
    }
    if (item.title !== undefined) {
      titles.of++;
      if (article && words(article.meta.title) === words(item.title)) titles.hit++;
    }
    if (item.outlet !== undefined) {
      outlets.of++;
      const got = article?.meta.outlet;
      if (got && [item.outlet, ...item.outletForms].some((outlet) => foldLower(outlet) === foldLower(got))) outlets.hit++;
    }
  }
  return { publicationDates: dates, titles, outlets, misses };
}

function scoreRelativeDates(expected: Expected, build: BuildUnderTest): Pick<Scores, 'relativeDates' | 'weekdayDirectionErrors'> & { misses: string[] } {
  const articles = articleSlugs(build.model);
  let hit = 0;
  let wrong = 0;
  let unresolved = 0;
  let directionErrors = 0;
  const misses: string[] = [];
  for (const item of expected.relativeDates) {
    const slug = articles.get(item.article)?.slug;
    const snippet = words(item.snippet);
    const phrase = words(item.phrase);
    const mention = build.model.statements
      .filter((statement) => statement.articleSlug === slug && words(statement.text).includes(snippet))
      .flatMap((statement) => statement.dates)
      .find((date) => words(date.text).includes(phrase) || phrase.includes(words(date.text)));
    const want = interval(item.resolved);
    if (!mention) {
      unresolved++;
      misses.push(`${item.article}: "${item.phrase}" unresolved (want ${item.resolved})`);
      continue;
    }
    const got = toInterval(mention.value);
    const singleDay = want.start === want.end;
    const correct = singleDay
      ? got.start === want.start && got.end === want.end
      : within(got, want) || (within(want, got) && days(got.start, got.end) <= 31);
    if (correct) {
      hit++;
      continue;
    }
    wrong++;
    misses.push(`${item.article}: "${item.phrase}" → ${got.start}/${got.end} (want ${item.resolved})`);
    const offset = days(want.start, got.start);
    if (item.weekday && singleDay && got.start === got.end && offset !== 0 && offset % 7 === 0) directionErrors++;
  }
  return { relativeDates: { hit, of: expected.relativeDates.length, wrong, unresolved }, weekdayDirectionErrors: directionErrors, misses };
}

function scoreQuotes(expected: Expected, build: BuildUnderTest): { quotes: Scores['quotes']; misses: string[] } {
  const { model } = build;
  const articles = articleSlugs(model);
  const byId = new Map(model.entities.map((entity) => [entity.id, entity]));
  /** Forms a speaker may be written or resolved as: the reference's forms, else the name and surname, plus the registry's names for it. */
  const speakerForms = (name: string): Set<string> => {
    const entry = expected.entities?.find((item) => foldLower(item.name) === foldLower(name));
    const forms = entry ? [entry.name, ...entry.forms] : nameForms(name);
    for (const id of idsNamed(model, expected.entities, name)) forms.push(...entityNames(byId.get(id)!));
    return new Set(forms.map(words));
  };
  /** A speaker as written may carry a title before the name ("Foreign Minister Ararat Mirzoyan"). */
  const names = (candidates: readonly string[], forms: ReadonlySet<string>) => candidates.some((candidate) => [...forms].some((form) => candidate === form || candidate.endsWith(` ${form}`)));
  const knownSpeakers = [...new Set([...expected.quotes.map((item) => item.speaker), ...(expected.entities ?? []).filter((item) => item.kind === 'person').map((item) => item.name)])];
  const formsOf = new Map(knownSpeakers.map((name) => [name, speakerForms(name)]));

  let hit = 0;
  let wrongPerson = 0;
  const misses: string[] = [];
  for (const item of expected.quotes) {
    const slug = articles.get(item.article)?.slug;
    const opening = words(item.opening).split(' ').slice(0, 8).join(' ');
    const found = model.quotes.filter((quote) => quote.articleSlug === slug && words(quote.text).includes(opening));
    const said = found.map((quote) => (quote.speakerId && byId.get(quote.speakerId) ? entityNames(byId.get(quote.speakerId)!) : [quote.speakerText]).map(words));
    const right = formsOf.get(item.speaker)!;
    const allowed = new Set([item.speaker, ...item.alsoAttributed]);
    if (said.some((candidates) => names(candidates, right))) hit++;
    else misses.push(`${item.article}: "${item.opening}" — ${found.length === 0 ? 'not found' : `given to ${found.map((quote) => quote.speakerText || '?').join(', ')}`} (want ${item.speaker})`);
    const misattributed = found.some((quote, index) => {
      const candidates = said[index]!;
      if (names(candidates, right)) return false;
      if (quote.speakerId) return ![...allowed].some((person) => names(candidates, formsOf.get(person) ?? speakerForms(person)));
      return knownSpeakers.some((person) => !allowed.has(person) && names(candidates, formsOf.get(person)!));
    });
    if (misattributed) {
      wrongPerson++;
      misses.push(`${item.article}: "${item.opening}" — also given to ${found.map((quote) => (quote.speakerId ? byId.get(quote.speakerId)?.name : quote.speakerText) ?? '?').join(', ')} (want ${item.speaker})`);
    }
  }
  return { quotes: { hit, of: expected.quotes.length, wrongPerson }, misses };
}

function scoreUncited(build: BuildUnderTest): Scores['pagesCitingNoSource'] {
  const { model } = build;
  // Whatever a page can cite: a mention, a statement, a quote by it, a descriptor, a claim group about it.
  const cited = new Set([
    ...model.mentions.map((mention) => mention.entityId),
    ...model.statements.flatMap((statement) => statement.entityIds),
    ...model.quotes.flatMap((quote) => quote.speakerId ?? []),
    ...model.descriptors.map((descriptor) => descriptor.entityId),
    ...model.claimGroups.filter((group) => group.statementIds.length > 0).map((group) => group.subjectId),
  ]);
  const withPage = build.model.entities.filter((entity) => hasPage(build, entity));
  const names = withPage.filter((entity) => !cited.has(entity.id)).map((entity) => entity.name);
  return { hit: names.length, of: withPage.length, names };
}

export function scoreCorpus(expected: Expected, build: BuildUnderTest): Scores {
  const events = scoreEvents(expected, build);
  const articles = scoreArticles(expected, build);
  const relative = scoreRelativeDates(expected, build);
  const quotes = scoreQuotes(expected, build);
  return {
    corpus: expected.corpus,
    ...(expected.entities && { entities: scoreEntities(expected.entities, expected, build) }),
    eventsWithDate: events.ratio,
    pagesCitingNoSource: scoreUncited(build),
    publicationDates: articles.publicationDates,
    titles: articles.titles,
    outlets: articles.outlets,
    relativeDates: relative.relativeDates,
    weekdayDirectionErrors: relative.weekdayDirectionErrors,
    quotes: quotes.quotes,
    misses: { events: events.misses, publicationDates: articles.misses, relativeDates: relative.misses, quotes: quotes.misses },
  };
}

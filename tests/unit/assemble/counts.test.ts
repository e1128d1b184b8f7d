import { describe, expect, it } from 'vitest';
import { entityCounts, referencesOf, type ReferenceIndex } from '../../../scripts/pipeline/assemble/counts.ts';
import type { Quote, Statement } from '../../../scripts/pipeline/model.ts';

const statement = (articleSlug: string, sentenceId: string, entityIds: string[], text = `Sentence ${sentenceId} of ${articleSlug}.`): Statement => ({
  id: sentenceId,
  articleSlug,
  paragraphId: `${sentenceId}-p`,
  sentenceId,
  text,
  entityIds,
  dates: [],
  basis: 'assertion',
});

const quote = (articleSlug: string, sentenceId: string, speakerId: string): Quote => ({
  id: `q-${sentenceId}`,
  articleSlug,
  paragraphId: `${sentenceId}-p`,
  sentenceId,
  text: 'We will keep talking.',
  speakerText: 'someone',
  speakerId,
  via: 'tweet',
});

describe('entity counts: one definition', () => {
  // An event named once, reported by three more sentences in two further sources.
  const named = statement('a', 's1', ['harbour-talks']);
  const reports = [statement('b', 's2', ['fisheries-board']), statement('c', 's3', ['fisheries-board']), statement('c', 's4', [])];
  // A commentator never named in running text, whose post a source embeds.
  const post = quote('d', 's5', 'commentator');
  const index: ReferenceIndex = {
    statementsByEntity: new Map([['harbour-talks', [named]], ['fisheries-board', reports.slice(0, 2)]]),
    reportsByEvent: new Map([['harbour-talks', [named, ...reports]]]),
    quotesBySpeaker: new Map([['commentator', [post]]]),
  };

  it('counts the sentences that name or report an event, and their sources, so mentions are never fewer than sources', () => {
    const counts = entityCounts(index, { id: 'harbour-talks' }, []);
    expect(counts).toEqual({ mentions: 4, sources: 3, independent: 3 });
    expect(referencesOf(index, { id: 'harbour-talks' }).map((item) => item.sentenceId)).toEqual(['s1', 's2', 's3', 's4']);
  });

  it('counts a quoted commentator who is never named', () => {
    expect(entityCounts(index, { id: 'commentator' }, [])).toEqual({ mentions: 1, sources: 1, independent: 1 });
  });

  it('gives an entity nothing refers to zero of each', () => {
    expect(entityCounts(index, { id: 'nobody' }, [])).toEqual({ mentions: 0, sources: 0, independent: 0 });
  });
});

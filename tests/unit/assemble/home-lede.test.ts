import { describe, expect, it } from 'vitest';
import { readInputs } from '../../../scripts/io/read-inputs.ts';
import { loadReferenceData } from '../../../scripts/io/reference-data.ts';
import { runPipeline } from '../../../scripts/pipeline/run.ts';
import { homeLede, LEDE_SENTENCES } from '../../../scripts/pipeline/assemble/home-lede.ts';
import { indexModel } from '../../../scripts/pipeline/assemble/citations.ts';

const root = new URL('../../../', import.meta.url);
const reference = loadReferenceData();

for (const story of ['tests/fixtures/seed-story', 'tests/fixtures/second-story']) {
  describe(`home lede (${story})`, () => {
    const model = runPipeline({ ...readInputs(root, story), reference });
    const lede = homeLede(model, indexModel(model));
    const statements = new Map(model.statements.map((statement) => [statement.id, statement]));

    it('quotes the sources’ own sentences, reported facts or attributions, each cited to its paragraph', () => {
      expect(lede.length).toBeGreaterThan(0);
      expect(lede.length).toBeLessThanOrEqual(LEDE_SENTENCES);
      for (const view of lede) {
        const statement = statements.get(view.statementId)!;
        expect(view.inlines.map((part) => part.value).join('')).toBe(statement.text);
        expect(['assertion', 'attributed']).toContain(statement.basis);
        expect(view.citation.path).toMatch(new RegExp(`^/sources/${statement.articleSlug}/#`));
      }
    });

    it('tells of different events, newest first', () => {
      const events = lede.map((view) => model.claimGroups.find((group) => group.kind === 'event' && group.statementIds.includes(view.statementId))?.subjectId);
      expect(events.every((id) => id !== undefined)).toBe(true);
      const starts = lede.map((view) => view.date?.start ?? '');
      expect(starts).toEqual([...starts].sort().reverse());
    });
  });
}

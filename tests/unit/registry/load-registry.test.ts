import { describe, expect, it } from 'vitest';
import { buildAliasIndex, formatDiagnostic, loadRegistry } from '../../../scripts/pipeline/registry/index.ts';

const FILE = 'content/entities/test.yaml';
const load = (text: string, file = FILE) => loadRegistry([{ file, text }]);
const messages = (registry: ReturnType<typeof loadRegistry>, severity?: string) =>
  registry.diagnostics.filter((d) => !severity || d.severity === severity).map(formatDiagnostic);

// Line numbers matter in these fixtures: the first entry starts on line 1.
const VALID = `- id: russia
  kind: actor
  subtype: state
  name: Russia
  aliases: [Russian Federation]
  demonyms: [Russian, Russians]
  metonyms: [Moscow, the Kremlin]
  description: A state.
- id: moscow
  kind: place
  subtype: city
  name: Moscow
  coordinates: [55.7558, 37.6173]
  description: Capital of Russia.
- id: latakia
  kind: place
  subtype: governorate
  name: Latakia
  description: Coastal governorate.
- id: hmeimim-air-base
  kind: base
  subtype: air-base
  name: Hmeimim Air Base
  aliases: [Hmeimim, Hmeimim air base]
  coordinates: [35.401, 35.949]
  operator: russia
  place: latakia
  description: Russian air base.
- id: putin-sharaa-meeting-2026
  kind: event
  subtype: meeting
  name: Putin–Sharaa meeting in Moscow
  date: 2026-01-28
  place: moscow
  participants: [russia]
  description: A meeting.
- id: qamishli-withdrawal
  kind: event
  subtype: withdrawal
  name: Russian withdrawal from Qamishli
  date: {from: "2026-01-23", to: "2026-01-27"}
  description: A withdrawal.
`;

describe('loadRegistry with valid entries', () => {
  const registry = load(VALID);

  it('loads every kind with no diagnostics', () => {
    expect(registry.diagnostics).toEqual([]);
    expect(registry.entities.map((e) => [e.id, e.kind, e.line])).toEqual([
      ['russia', 'actor', 1],
      ['moscow', 'place', 9],
      ['latakia', 'place', 15],
      ['hmeimim-air-base', 'base', 20],
      ['putin-sharaa-meeting-2026', 'event', 29],
      ['qamishli-withdrawal', 'event', 37],
    ]);
  });

  it('fills defaults and keeps absent optionals absent', () => {
    expect(registry.entities[2]).toEqual({
      id: 'latakia',
      kind: 'place',
      subtype: 'governorate',
      name: 'Latakia',
      aliases: [],
      demonyms: [],
      metonyms: [],
      description: 'Coastal governorate.',
      affiliation: [],
      participants: [],
      file: FILE,
      line: 15,
    });
  });

  it('reads coordinates, operator, place and dates', () => {
    const base = registry.entities.find((e) => e.id === 'hmeimim-air-base');
    expect(base).toMatchObject({ coordinates: [35.401, 35.949], operator: 'russia', place: 'latakia' });
    const meeting = registry.entities.find((e) => e.id === 'putin-sharaa-meeting-2026');
    expect(meeting?.date).toEqual({ precision: 'day', start: '2026-01-28', end: '2026-01-28', label: '28 January 2026' });
    const withdrawal = registry.entities.find((e) => e.id === 'qamishli-withdrawal');
    expect(withdrawal?.date?.label).toBe('23–27 January 2026');
  });

  it('allows a metonym to repeat a place name, and case variants inside one entry', () => {
    expect(registry.entities.find((e) => e.id === 'russia')?.metonyms).toEqual(['Moscow', 'the Kremlin']);
    expect(registry.entities.find((e) => e.id === 'hmeimim-air-base')?.aliases).toEqual(['Hmeimim', 'Hmeimim air base']);
  });

  it('does not depend on the order the files are passed in', () => {
    const other = `- id: syria\n  kind: actor\n  subtype: state\n  name: Syria\n  description: A state.\n`;
    const a = loadRegistry([{ file: 'content/entities/b.yaml', text: VALID }, { file: 'content/entities/a.yaml', text: other }]);
    const b = loadRegistry([{ file: 'content/entities/a.yaml', text: other }, { file: 'content/entities/b.yaml', text: VALID }]);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.entities[0]?.id).toBe('syria');
  });

  it('builds an alias index with the allowed metonym/place overlap', () => {
    const index = buildAliasIndex(registry.entities);
    expect(index['Moscow']).toEqual([
      { entityId: 'russia', via: 'metonym' },
      { entityId: 'moscow', via: 'name' },
    ]);
    expect(index['Russians']).toEqual([{ entityId: 'russia', via: 'demonym' }]);
    expect(index['constructor']).toBeUndefined();
  });
});

describe('loadRegistry errors name file, line, entry and field', () => {
  it('reports a bad coordinates field and skips only that entry', () => {
    const text = `- id: hmeimim-air-base
  kind: base
  subtype: air-base
  name: Hmeimim Air Base
  operator: russia
  coordinates: 35.401
  description: Base.
- id: russia
  kind: actor
  subtype: state
  name: Russia
  description: A state.
`;
    const registry = load(text, 'content/entities/bases.yaml');
    expect(messages(registry)).toEqual([
      'content/entities/bases.yaml:6: entry "hmeimim-air-base": field "coordinates": expected [lat, lon] (entry skipped)',
    ]);
    expect(registry.diagnostics[0]).toMatchObject({ severity: 'error', code: 'registry/invalid-entry', line: 6 });
    expect(registry.entities.map((e) => e.id)).toEqual(['russia']);
  });

  it('points at the offending item inside a list', () => {
    const text = `- id: b\n  kind: base\n  subtype: air-base\n  name: B\n  operator: russia\n  coordinates:\n    - 35.4\n    - 200\n  description: x\n`;
    expect(messages(load(text))).toEqual([
      `${FILE}:8: entry "b": field "coordinates[1]": longitude must be between -180 and 180 (entry skipped)`,
    ]);
  });

  it('reports missing required fields at the entry line, by index when there is no id', () => {
    const text = `- id: a\n  kind: actor\n  subtype: person\n  name: A\n  description: x\n- kind: actor\n  name: B\n`;
    expect(messages(load(text))).toEqual([
      `${FILE}:6: entry #2: field "id": required (entry skipped)`,
      `${FILE}:6: entry #2: field "subtype": required (entry skipped)`,
      `${FILE}:6: entry #2: field "description": required (entry skipped)`,
    ]);
  });

  it('requires a date for events and coordinates and operator for bases', () => {
    const text = `- id: e\n  kind: event\n  subtype: meeting\n  name: E\n  description: x\n- id: b\n  kind: base\n  subtype: outpost\n  name: B\n  description: x\n`;
    expect(messages(load(text))).toEqual([
      `${FILE}:1: entry "e": field "date": required for events (entry skipped)`,
      `${FILE}:6: entry "b": field "coordinates": required for bases (entry skipped)`,
      `${FILE}:6: entry "b": field "operator": required for bases (entry skipped)`,
    ]);
  });

  it('reports invalid dates, kinds, ids and empty names on their own line', () => {
    const text = `- id: e
  kind: event
  subtype: meeting
  name: E
  date: 2026-02-30
  description: x
- id: Not_Kebab
  kind: person
  subtype: person
  name: ""
  description: x
`;
    expect(messages(load(text))).toEqual([
      `${FILE}:5: entry "e": field "date": "2026-02-30" is not a real calendar day (entry skipped)`,
      `${FILE}:7: entry "Not_Kebab": field "id": expected a kebab-case id (lowercase letters, digits, single hyphens) (entry skipped)`,
      `${FILE}:8: entry "Not_Kebab": field "kind": expected one of actor, base, event, place (entry skipped)`,
      `${FILE}:10: entry "Not_Kebab": field "name": must not be empty (entry skipped)`,
    ]);
  });

  it('reports an entry that is not a mapping', () => {
    expect(messages(load(`- just a string\n`))).toEqual([
      `${FILE}:1: entry #1: expected a mapping of fields (id, kind, name, …) (entry skipped)`,
    ]);
  });

  it('warns about unknown fields and subtypes but loads the entry', () => {
    const text = `- id: a\n  kind: actor\n  subtype: wizard\n  name: A\n  alias: [Typo]\n  description: x\n`;
    const registry = load(text);
    expect(registry.entities).toHaveLength(1);
    expect(messages(registry, 'warning')).toEqual([
      `${FILE}:5: entry "a": field "alias": unknown field, ignored (known: id, kind, subtype, name, aliases, demonyms, metonyms, affiliation, description, coordinates, operator, place, date, participants, ignore)`,
      `${FILE}:3: entry "a": field "subtype": "wizard" is not a known actor subtype (person, state, armed-group, organisation, media, government)`,
    ]);
  });
});

describe('loadRegistry file-level errors', () => {
  it('skips a file with a YAML syntax error, reporting its line, and loads the others', () => {
    const registry = loadRegistry([
      { file: 'content/entities/broken.yaml', text: `- id: a\n  kind: actor\n  aliases: [one, two\n- id: b\n` },
      { file: 'content/entities/ok.yaml', text: `- id: ok\n  kind: actor\n  subtype: person\n  name: Ok\n  description: x\n` },
    ]);
    expect(registry.entities.map((e) => e.id)).toEqual(['ok']);
    const errors = registry.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatchObject({ code: 'registry/yaml-syntax', file: 'content/entities/broken.yaml' });
    expect(errors[0]?.line).toBeGreaterThanOrEqual(3);
    expect(errors[0]?.message).toMatch(/^YAML syntax error, file skipped: /);
  });

  it('reports duplicate keys as a syntax error', () => {
    const registry = load(`- id: a\n  kind: actor\n  id: b\n`);
    expect(registry.diagnostics[0]).toMatchObject({ code: 'registry/yaml-syntax', line: 3 });
  });

  it('rejects a file that is not a sequence', () => {
    expect(messages(load(`id: a\nkind: actor\n`))).toEqual([
      `${FILE}:1: expected a YAML sequence of entries (each starting with "- id: …"), file skipped`,
    ]);
  });

  it('warns about an empty or comment-only file', () => {
    expect(load('# nothing yet\n').diagnostics).toEqual([
      { severity: 'warning', code: 'registry/empty-file', file: FILE, line: 1, message: 'file has no entries' },
    ]);
    expect(load('').entities).toEqual([]);
  });

  it('survives hostile text without throwing', () => {
    const bomb = `- &a [x, x, x, x, x, x, x, x, x]\n- &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n- &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n- &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n- [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n`;
    for (const text of [bomb, '<script>alert(1)</script>', '{{{', '- ' + 'x'.repeat(100_000), '\u0000\uFFFF', '- id: مرحبا\n']) {
      const registry = load(text);
      expect(Array.isArray(registry.entities)).toBe(true);
    }
    expect(load(bomb).diagnostics.some((d) => d.severity === 'error')).toBe(true);
  });
});

describe('loadRegistry cross-entry checks', () => {
  const actor = (id: string, name: string, extra = '') =>
    `- id: ${id}\n  kind: actor\n  subtype: person\n  name: ${name}\n${extra}  description: x\n`;

  it('reports a duplicate id naming both files and lines, keeping the first', () => {
    const registry = loadRegistry([
      { file: 'content/entities/a.yaml', text: actor('putin', 'Vladimir Putin') },
      { file: 'content/entities/b.yaml', text: actor('other', 'Other') + actor('putin', 'Putin Again') },
    ]);
    expect(messages(registry)).toEqual([
      'content/entities/b.yaml:6: entry "putin": field "id": duplicate id, already defined at content/entities/a.yaml:1; this one (content/entities/b.yaml:6) is skipped',
    ]);
    expect(registry.entities.map((e) => e.name)).toEqual(['Vladimir Putin', 'Other']);
  });

  it('reports a duplicate alias across entries (case-insensitive, NFC) naming both, and removes it from the later one', () => {
    const text =
      actor('ahmed-al-sharaa', 'Ahmed al-Sharaa', '  aliases: [Sharaa]\n') +
      actor('someone-else', 'Someone Else', '  aliases: [Other, SHARAA]\n');
    const registry = load(text);
    expect(messages(registry)).toEqual([
      `${FILE}:11: entry "someone-else": field "aliases[1]": alias "SHARAA" is already the alias of entry "ahmed-al-sharaa" (${FILE}:5); removed from entry "someone-else"`,
    ]);
    expect(registry.entities[1]?.aliases).toEqual(['Other']);

    const nfc = load(actor('a', 'T\u00fcrkiye') + actor('b', 'B', '  aliases: ["Tu\u0308rkiye"]\n'));
    expect(nfc.diagnostics.map((d) => d.code)).toEqual(['registry/duplicate-term']);
  });

  it('reports a duplicate name across entries', () => {
    const registry = load(actor('a', 'Same Name') + actor('b', 'same name'));
    expect(messages(registry)).toEqual([`${FILE}:9: entry "b": field "name": name "same name" is already the name of entry "a" (${FILE}:4)`]);
  });

  it('allows the metonym/place exception only for place names and aliases', () => {
    const place = `- id: damascus\n  kind: place\n  subtype: city\n  name: Damascus\n  demonyms: [Damascene]\n  description: x\n`;
    const state = `- id: syria\n  kind: actor\n  subtype: state\n  name: Syria\n  metonyms: [Damascus, Damascene]\n  description: x\n`;
    const registry = load(place + state);
    expect(messages(registry)).toEqual([
      `${FILE}:11: entry "syria": field "metonyms[1]": metonym "Damascene" is already the demonym of entry "damascus" (${FILE}:5); removed from entry "syria"`,
    ]);
    expect(registry.entities[1]?.metonyms).toEqual(['Damascus']);
    // Two metonyms for the same place name are still a clash between the two actors.
    const twoStates = load(place + state.replace(', Damascene', '') + actor('gov', 'Government', '  metonyms: [Damascus]\n'));
    expect(twoStates.diagnostics.map((d) => [d.code, d.line])).toEqual([['registry/duplicate-term', 17]]);
  });

  it('warns about an exact repeat inside one entry', () => {
    const registry = load(actor('a', 'Ahmed', '  aliases: [Ahmed, Ahmad]\n'));
    expect(messages(registry)).toEqual([`${FILE}:5: entry "a": field "aliases[0]": "Ahmed" is repeated within the entry, ignored`]);
    expect(registry.entities[0]?.aliases).toEqual(['Ahmad']);
  });

  it('warns about references to unknown ids or the wrong kind, on the field line', () => {
    const text = `- id: b
  kind: base
  subtype: outpost
  name: B
  coordinates: [33.1, 35.8]
  operator: nobody
  place: someone
  description: x
- id: someone
  kind: actor
  subtype: person
  name: Someone
  affiliation: [ghost]
  description: x
`;
    const registry = load(text);
    expect(registry.entities).toHaveLength(2);
    expect(messages(registry, 'warning')).toEqual([
      `${FILE}:6: entry "b": field "operator": no entry has id "nobody"`,
      `${FILE}:7: entry "b": field "place": "someone" is a actor, expected a place`,
      `${FILE}:13: entry "someone": field "affiliation": no entry has id "ghost"`,
    ]);
  });
});

describe('ignore: true entries', () => {
  it('load with only an id and names, marked as ignored', () => {
    const { entities, diagnostics } = loadRegistry([{ file: 'content/entities/ignored.yaml', text: '- id: realpolitik\n  name: Realpolitik\n  aliases: [Realpolitik’s]\n  ignore: true\n' }]);
    expect(diagnostics).toEqual([]);
    expect(entities).toEqual([expect.objectContaining({ id: 'realpolitik', name: 'Realpolitik', aliases: ['Realpolitik’s'], ignore: true })]);
  });

  it('report a missing name with file and line', () => {
    const { entities, diagnostics } = loadRegistry([{ file: 'content/entities/ignored.yaml', text: '- id: x\n  ignore: true\n' }]);
    expect(entities).toEqual([]);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'registry/invalid-entry', file: 'content/entities/ignored.yaml', line: 1 })]);
  });
});

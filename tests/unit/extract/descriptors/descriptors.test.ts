import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../../../scripts/pipeline/run.ts';
import { appositiveAfter, titleBefore } from '../../../../scripts/pipeline/extract/descriptors/index.ts';

const root = new URL('../../../../', import.meta.url);
const files = (folder: string) => readdirSync(new URL(folder, root)).sort().map((name) => `${folder}/${name}`);
const model = runPipeline({
  settings: { title: 't', description: 'd' },
  sources: { file: 'content/sources.yaml', text: readFileSync(new URL('tests/fixtures/seed-story/sources.yaml', root), 'utf8') },
  articles: files('tests/fixtures/seed-story/articles').map((file) => ({ file, bytes: readFileSync(new URL(file, root)) })),
  registryFiles: files('tests/fixtures/seed-story/entities').map((file) => ({ file, text: readFileSync(new URL(file, root), 'utf8') })),
});

function phrasesOf(entityId: string, seed: string): string[] {
  return model.descriptors.filter((d) => d.entityId === entityId && d.articleSlug.startsWith(seed)).map((d) => d.phrase);
}

describe('extractDescriptors on the seeds', () => {
  it("shows how each outlet names al-Sharaa, differently across at least three sources", () => {
    expect(phrasesOf('ahmed-al-sharaa', '000')).toContain('interim President');
    expect(phrasesOf('ahmed-al-sharaa', '001')).toEqual(expect.arrayContaining(['self-declared President', 'formerly Abu Mohammad al-Jolani']));
    expect(phrasesOf('ahmed-al-sharaa', '002')).toContain('self-appointed President');
    expect(phrasesOf('ahmed-al-sharaa', '003')).toContain('Syrian President');
    expect(phrasesOf('ahmed-al-sharaa', '004')).toContain('a figure once denounced as a terrorist by the U.S.');
    const distinctBySource = new Set(
      model.descriptors.filter((d) => d.entityId === 'ahmed-al-sharaa').map((d) => `${d.articleSlug}:${d.phrase}`),
    );
    const sources = new Set([...distinctBySource].map((key) => key.split(':')[0]));
    expect(sources.size).toBeGreaterThanOrEqual(3);
  });

  it('finds titles and appositives of other people', () => {
    expect(phrasesOf('dmitry-peskov', '000')).toContain('Kremlin spokesman');
    expect(phrasesOf('bashar-al-assad', '000')).toContain('ousted dictator');
    expect(phrasesOf('bashar-al-assad', '002')).toContain('former Syrian president');
    expect(phrasesOf('samuel-ramani', '001')).toContain('an associate fellow at the London-based RUSI think tank');
    expect(phrasesOf('ahmed-ali', '002')).toContain('an SDF fighter deployed at the facility');
    expect(phrasesOf('aghiad-hegazi', '002')).toContain('The Cradle columnist');
  });

  it('ties every descriptor to a real sentence of its article', () => {
    const sentences = new Set(model.articles.flatMap((a) => a.paragraphs.flatMap((p) => p.sentences.map((s) => s.id))));
    for (const descriptor of model.descriptors) expect(sentences.has(descriptor.sentenceId)).toBe(true);
  });
});

describe('descriptor patterns', () => {
  it('reads a title run before a name', () => {
    const text = 'Syria’s self-declared President Ahmad al-Sharaa is in Moscow.';
    expect(titleBefore(text, text.indexOf('Ahmad'), [])).toBe('self-declared President');
    expect(titleBefore('He met Ahmad al-Sharaa.', 7, [])).toBeUndefined();
  });

  it('reads a status word alone ("the ousted Bashar al-Assad")', () => {
    const text = 'fighting the ousted Bashar al-Assad';
    expect(titleBefore(text, text.indexOf('Bashar'), [])).toBe('ousted');
  });

  it('reads an appositive up to its closing comma, keeping abbreviations', () => {
    const text = 'The invitation to al‑Sharaa, a figure once denounced as a terrorist by the U.S., shows Moscow’s capacity.';
    expect(appositiveAfter(text, text.indexOf(',') )).toBe('a figure once denounced as a terrorist by the U.S.');
  });

  it('rejects a clause that only looks like an appositive', () => {
    const text = 'For Sharaa, the visit is pragmatic rather than symbolic.';
    expect(appositiveAfter(text, text.indexOf(','))).toBeUndefined();
  });

  it('shortens long relative clauses', () => {
    const text = 'Sharaa, who founded a group and began fighting the ousted president under the flag of a militia in the east, is here.';
    expect(appositiveAfter(text, 6)).toMatch(/^who founded a group .*…$/);
  });
});

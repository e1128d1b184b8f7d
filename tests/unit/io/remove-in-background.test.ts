import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeInBackground, sweep } from '../../../scripts/io/remove-in-background.ts';

const folders: string[] = [];
function tree(): string {
  const root = mkdtempSync(join(tmpdir(), 'remove-later-'));
  folders.push(root);
  return root;
}
function fill(path: string): void {
  for (let i = 0; i < 20; i++) {
    mkdirSync(join(path, `page-${i}`), { recursive: true });
    writeFileSync(join(path, `page-${i}`, 'index.html'), `<p>${i}</p>`);
  }
}
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('removeInBackground', () => {
  it('deletes the whole folder from another process, and leaves its siblings alone', async () => {
    const root = tree();
    fill(join(root, '.dist.old-1-2'));
    fill(join(root, 'dist'));
    removeInBackground(join(root, '.dist.old-1-2'));
    for (let waited = 0; existsSync(join(root, '.dist.old-1-2')) && waited < 30_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(readdirSync(root)).toEqual(['dist']);
    expect(readdirSync(join(root, 'dist'))).toHaveLength(20);
  });

  it('accepts a folder that is already gone', () => {
    expect(() => removeInBackground(join(tree(), 'never-made'))).not.toThrow();
  });
});

describe('sweep', () => {
  it('deletes now every entry that starts with the prefix, and nothing else', () => {
    const root = tree();
    for (const name of ['.dist.old-11-1', '.dist.old-12-2', 'dist', '.dist.next']) fill(join(root, name));
    writeFileSync(join(root, '.dist.old-stray-file'), 'x');
    sweep(root, '.dist.old');
    expect(readdirSync(root).sort()).toEqual(['.dist.next', 'dist']);
  });

  it('does nothing for a folder that does not exist', () => {
    expect(() => sweep(join(tree(), 'missing'), '.dist.old')).not.toThrow();
  });
});

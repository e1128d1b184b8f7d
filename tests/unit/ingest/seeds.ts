import { readFileSync } from 'node:fs';

export const SEED_FILES = [
  '000_414b01a22b4b9160.txt',
  '001_61cb9f6024de31c1.txt',
  '002_e060aad4f616cf48.txt',
  '003_dbdebd384bef066e.txt',
  '004_bee40c1e7e62989b.txt',
] as const;

export function seedBytes(name: string): Uint8Array {
  return readFileSync(new URL(`../../fixtures/seed-story/articles/${name}`, import.meta.url));
}

export function seedText(name: string): string {
  return new TextDecoder().decode(seedBytes(name));
}

export const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

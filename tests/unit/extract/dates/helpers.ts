import { readFileSync } from 'node:fs';
import type { DateValue } from '../../../../scripts/pipeline/model.ts';
import { dayValue } from '../../../../scripts/pipeline/extract/dates/value.ts';

export function seed(file: string): string {
  return readFileSync(new URL(`../../../fixtures/seed-story/articles/${file}`, import.meta.url), 'utf8');
}

export function published(iso: string): DateValue {
  const [year, month, day] = iso.split('-').map(Number);
  return dayValue({ year: year ?? 0, month: month ?? 0, day: day ?? 0 });
}

export const SEED_FILES = [
  '000_414b01a22b4b9160.txt',
  '001_61cb9f6024de31c1.txt',
  '002_e060aad4f616cf48.txt',
  '003_dbdebd384bef066e.txt',
  '004_bee40c1e7e62989b.txt',
] as const;

/**
 * Edge: the build report on disk. Every briefing build leaves `build/report.md`
 * (for the CI job summary and for reading) and `build/report.json` (for
 * tools, and for `npm run report`, which renders it again for the terminal).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ReportData } from '../pipeline/report.ts';

export const REPORT_FILES = { markdown: 'build/report.md', json: 'build/report.json' } as const;

/** Writes both forms; returns their project-relative paths (the build stamp tracks them like its other outputs). */
export function writeReportFiles(root: URL, report: { markdown: string; data: ReportData }): string[] {
  mkdirSync(fileURLToPath(new URL('build/', root)), { recursive: true });
  writeFileSync(new URL(REPORT_FILES.markdown, root), report.markdown);
  writeFileSync(new URL(REPORT_FILES.json, root), `${JSON.stringify(report.data, null, 2)}\n`);
  return [REPORT_FILES.markdown, REPORT_FILES.json];
}

/** The last build's report data, or a sentence saying why there is none. */
export function readReportData(root: URL): { data: ReportData } | { missing: string } {
  let text: string;
  try {
    text = readFileSync(new URL(REPORT_FILES.json, root), 'utf8');
  } catch {
    return { missing: `No report yet: ${REPORT_FILES.json} does not exist. Run "npm run build" (or "npm run briefings") first.` };
  }
  try {
    const data = JSON.parse(text) as ReportData;
    if (typeof data !== 'object' || data === null || typeof data.summary !== 'object' || !Array.isArray(data.diagnostics)) throw new Error('not a report');
    return { data };
  } catch {
    return { missing: `${REPORT_FILES.json} is not a report written by this build (unreadable or from another version); run "npm run build" again.` };
  }
}

export function readReportMarkdown(root: URL): string | undefined {
  try {
    return readFileSync(new URL(REPORT_FILES.markdown, root), 'utf8');
  } catch {
    return undefined;
  }
}

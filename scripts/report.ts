/**
 * `npm run report [-- --markdown | --json]`: the last build's report in the
 * terminal (as the build printed it), or its Markdown or JSON form. Reads
 * build/report.json and build/report.md; builds nothing.
 */
import { pathToFileURL } from 'node:url';
import { readReportData, readReportMarkdown, REPORT_FILES } from './io/report-files.ts';
import { reportText } from './pipeline/report.ts';

const root = process.env.BRIEFING_ROOT ? pathToFileURL(`${process.env.BRIEFING_ROOT.replace(/\/+$/, '')}/`) : new URL('..', import.meta.url);
const args = process.argv.slice(2);
// `npm run report | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

if (args.includes('--markdown')) {
  const markdown = readReportMarkdown(root);
  if (markdown === undefined) {
    console.error(`No report yet: ${REPORT_FILES.markdown} does not exist. Run "npm run build" first.`);
    process.exitCode = 1;
  } else process.stdout.write(markdown);
} else {
  const read = readReportData(root);
  if ('missing' in read) {
    console.error(read.missing);
    process.exitCode = 1;
  } else if (args.includes('--json')) process.stdout.write(`${JSON.stringify(read.data, null, 2)}\n`);
  else console.log(reportText(read.data));
}

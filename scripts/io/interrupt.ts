/**
 * Test hook for interrupted builds: `BRIEFING_INTERRUPT=<point>` (or
 * `<point>:<n>` for its n-th passage) makes the build kill itself with
 * SIGKILL when it reaches that point, the way a closed laptop or an OOM kill
 * would: no exit handlers, no flushing. tests/e2e/interrupted-build.test.ts
 * then checks that the next build leaves exactly a clean build's outputs.
 * Unset (always, outside that test), a checkpoint is one comparison.
 */
const wanted = process.env.BRIEFING_INTERRUPT;
const passages = new Map<string, number>();

export function checkpoint(point: string): void {
  if (!wanted) return;
  const count = (passages.get(point) ?? 0) + 1;
  passages.set(point, count);
  if (wanted === point || wanted === `${point}:${count}`) process.kill(process.pid, 'SIGKILL');
}

/**
 * Licence check of the production dependency tree (`npm test` runs it before
 * the unit tests). The policy is licences.json at the repository root; see
 * docs/security.md. The check itself is pure (`licenceProblems`); `main`
 * reads the installed tree with license-checker-rseidelsohn (`--production`).
 *
 * Run alone: `npx node scripts/quality/licences.ts`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import satisfies from 'spdx-satisfies';

export interface LicencePolicy {
  notes?: string[];
  /** SPDX id → why it is acceptable. */
  allowed: Record<string, string>;
  /** Package name → the licence to check instead of its metadata, and the evidence. */
  packages: Record<string, { licence: string; why: string }>;
}

/** What the checker reports per `name@version`. */
export interface InstalledPackage {
  licenses?: string | string[];
  private?: boolean;
}

const nameOf = (id: string) => id.slice(0, id.lastIndexOf('@') > 0 ? id.lastIndexOf('@') : undefined);

/** One line per package whose licence the policy does not allow (or that cannot be read), sorted. */
export function licenceProblems(installed: Record<string, InstalledPackage>, policy: LicencePolicy): string[] {
  const allowed = `(${Object.keys(policy.allowed).join(' OR ')})`;
  const problems: string[] = [];
  for (const [id, info] of Object.entries(installed)) {
    if (info.private) continue;
    const override = policy.packages[nameOf(id)];
    const declared = override?.licence ?? info.licenses;
    // An array lists alternatives (the old `licenses: [...]` field); a trailing `*` means the checker guessed.
    const expression = Array.isArray(declared) ? declared.map((licence) => `(${licence})`).join(' OR ') : declared;
    if (!expression || /\*|UNKNOWN|UNLICENSED|SEE LICENSE/i.test(expression)) {
      problems.push(`${id}: licence ${JSON.stringify(expression ?? 'missing')} cannot be checked; confirm it and add the package to licences.json "packages" with the evidence`);
      continue;
    }
    let ok = false;
    try {
      ok = satisfies(expression, allowed);
    } catch (error) {
      problems.push(`${id}: licence ${JSON.stringify(expression)} is not an SPDX expression (${(error as Error).message})`);
      continue;
    }
    if (!ok) problems.push(`${id}: licence ${expression} is not in licences.json "allowed"`);
  }
  return problems.sort();
}

async function main(): Promise<number> {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const policy = JSON.parse(readFileSync(`${root}licences.json`, 'utf8')) as LicencePolicy;
  const { init } = await import('license-checker-rseidelsohn');
  const installed = await new Promise<Record<string, InstalledPackage>>((resolve, reject) =>
    init({ start: root, production: true }, (error, packages) => (error ? reject(error) : resolve(packages))),
  );
  const problems = licenceProblems(installed, policy);
  const count = Object.keys(installed).length;
  if (problems.length === 0) {
    console.log(`licences: ${count} production packages, all allowed by licences.json`);
    return 0;
  }
  console.error(`licences: ${problems.length} of ${count} production packages are not allowed by licences.json:\n  ${problems.join('\n  ')}`);
  return 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = await main();

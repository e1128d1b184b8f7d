/** spdx-satisfies 5 ships no types; the one call licences.ts makes. */
declare module 'spdx-satisfies' {
  /** Whether the SPDX `expression` is satisfied by the SPDX `allowed` expression. */
  export default function satisfies(expression: string, allowed: string): boolean;
}

/**
 * Suites that need an outside service (PostgreSQL, Redis, Chromium, the corpus) skip loudly when
 * it is missing — except in CI (CI=true), where a missing service fails the run instead.
 */
export function skipUnless(available: boolean, what: string): boolean {
  if (available) return false;
  if (process.env.CI === 'true') throw new Error(`${what} is required in CI but is not available`);
  console.warn(`\n  ⚠ SKIPPED: ${what} is not available — these tests did not run.\n`);
  return true;
}

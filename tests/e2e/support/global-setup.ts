import { findChromium, NO_CHROMIUM_HINT } from './chromium'

/**
 * Once per run of the browser journeys: without Chromium they are skipped with one line saying what
 * to install (as the PostgreSQL suites are without a server). CI sets E2E_REQUIRE_BROWSER=1, so
 * there a missing browser fails the run instead.
 */
export default function globalSetup(): void {
  if (findChromium()) return
  if (process.env.E2E_REQUIRE_BROWSER === '1') throw new Error(`[e2e] ${NO_CHROMIUM_HINT}`)
  console.log(`\n[e2e] browser journeys skipped: ${NO_CHROMIUM_HINT}`)
}

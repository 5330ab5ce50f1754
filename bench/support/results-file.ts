import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/**
 * bench/results.md: `npm run bench` writes its part, `npm run bench:city` the city's section after it;
 * the burst's section (the figures of tests/reliability/burst.reliability.ts, copied from its log) comes
 * last and is kept by both.
 */
export const RESULTS_FILE = path.resolve(__dirname, '../results.md')
export const CITY_HEADING = '## City scale: `npm run bench:city`'
export const BURST_HEADING = '## The busiest hour, compressed: the burst through PgBouncer'

/** The file's three parts: everything before the city section, the city section, the burst's (headings included). */
function parts(): { main: string; city: string; burst: string } {
  const text = existsSync(RESULTS_FILE) ? readFileSync(RESULTS_FILE, 'utf8') : ''
  const burstAt = text.indexOf(BURST_HEADING)
  const burst = burstAt < 0 ? '' : text.slice(burstAt)
  const rest = burstAt < 0 ? text : text.slice(0, burstAt)
  const at = rest.indexOf(CITY_HEADING)
  return at < 0 ? { main: rest, city: '', burst } : { main: rest.slice(0, at), city: rest.slice(at), burst }
}

const ending = (burst: string) => (burst ? `\n${burst.trimEnd()}\n` : '')

/** Replaces `npm run bench`'s part, keeping the city section of the last `npm run bench:city` and the burst's. */
export function writeMainResults(markdown: string): void {
  const { city, burst } = parts()
  writeFileSync(RESULTS_FILE, `${markdown.trimEnd()}\n\n${(city || `${CITY_HEADING}\n\nNot run yet.\n`).trimEnd()}\n${ending(burst)}`)
}

/** Replaces the city section (which starts with CITY_HEADING), keeping `npm run bench`'s part and the burst's. */
export function writeCityResults(section: string): void {
  const { main, burst } = parts()
  writeFileSync(RESULTS_FILE, `${main.trimEnd()}\n\n${section.trimEnd()}\n${ending(burst)}`)
}

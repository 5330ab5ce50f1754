import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/** bench/results.md: `npm run bench` writes its part, `npm run bench:city` the city's section at the end. */
export const RESULTS_FILE = path.resolve(__dirname, '../results.md')
export const CITY_HEADING = '## City scale: `npm run bench:city`'

/** The file's two parts: everything before the city section, and the city section (heading included). */
function parts(): { main: string; city: string } {
  const text = existsSync(RESULTS_FILE) ? readFileSync(RESULTS_FILE, 'utf8') : ''
  const at = text.indexOf(CITY_HEADING)
  return at < 0 ? { main: text, city: '' } : { main: text.slice(0, at), city: text.slice(at) }
}

/** Replaces `npm run bench`'s part, keeping the city section of the last `npm run bench:city`. */
export function writeMainResults(markdown: string): void {
  const { city } = parts()
  writeFileSync(RESULTS_FILE, `${markdown.trimEnd()}\n\n${city || `${CITY_HEADING}\n\nNot run yet.\n`}`)
}

/** Replaces the city section (which starts with CITY_HEADING), keeping `npm run bench`'s part. */
export function writeCityResults(section: string): void {
  const { main } = parts()
  writeFileSync(RESULTS_FILE, `${main.trimEnd()}\n\n${section.trimEnd()}\n`)
}

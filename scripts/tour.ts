import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { findChromium, NO_CHROMIUM_HINT } from '../tests/e2e/support/chromium'

const ROOT = path.resolve(__dirname, '..')
const ARTIFACTS = path.join(ROOT, 'tests/artifacts')
const TOUR = path.join(ROOT, 'tests/e2e/tour')

/** The main screen of each role, as the journeys leave them in tests/artifacts/ (name there → name in the tour). */
export const TOUR_SCREENS: { artifact: string; name: string }[] = [
  { artifact: 'villager-01-home', name: '01-villager-home' },
  { artifact: 'villager-12-card', name: '02-villager-card' },
  { artifact: 'villager-13-notices', name: '03-notice-channels' },
  { artifact: 'rectification-02-channel-masked', name: '04-notice-channel' },
  { artifact: 'inspect-01-households', name: '05-grid-leader-walk' },
  { artifact: 'beauty-01-chart', name: '06-beauty-chart' },
  { artifact: 'rectification-05-bulletin-poster', name: '07-cadre-bulletin' },
  { artifact: 'card-03-clerk-receipt', name: '08-shop-redemption' },
  { artifact: 'dividend-06-public-list', name: '09-dividend-public-list' },
  { artifact: 'villager-06a-elder-home', name: '10-elder-home' },
  { artifact: 'villager-06b-elder-card', name: '11-elder-card' },
  { artifact: 'street-00-phone-cards', name: '12-street-phone' },
]
const JOURNEYS = ['villager', 'grid-leader', 'cadre', 'shop', 'accountant', 'street']
/** Phone width in CSS pixels, and at most this many screens of a long page. */
const WIDTH = 390
const MAX_HEIGHT = 1_200

/**
 * `npm run tour`: runs the journeys that show each role's main screen, then copies those
 * screenshots into tests/e2e/tour/ as small JPEGs at phone size for the README. A normal test run
 * only writes tests/artifacts/ (git-ignored), so it never changes the committed tour.
 */
async function main() {
  const executablePath = findChromium()
  if (!executablePath) throw new Error(NO_CHROMIUM_HINT)
  // `--no-run`: take the pictures a test run just left in tests/artifacts/.
  if (!process.argv.includes('--no-run')) {
    const journeys = JOURNEYS.map((name) => `tests/e2e/${name}.e2e.ts`)
    const run = spawnSync('npm', ['run', 'jest', '--', '--selectProjects', 'e2e', '--', ...journeys], { cwd: ROOT, stdio: 'inherit' })
    if (run.status !== 0) throw new Error('the journeys failed: the tour keeps its last pictures')
  }

  mkdirSync(TOUR, { recursive: true })
  const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox'] })
  const page = await browser.newPage()
  for (const { artifact, name } of TOUR_SCREENS) {
    const png = readFileSync(path.join(ARTIFACTS, `${artifact}.png`)).toString('base64')
    const jpeg = await page.evaluate(
      async ({ png, width, maxHeight }) => {
        const image = new Image()
        image.src = `data:image/png;base64,${png}`
        await image.decode()
        const scale = width / image.naturalWidth
        const canvas = document.createElement('canvas')
        canvas.width = width
        canvas.height = Math.min(maxHeight, Math.round(image.naturalHeight * scale))
        canvas.getContext('2d')!.drawImage(image, 0, 0, width, image.naturalHeight * scale)
        return canvas.toDataURL('image/jpeg', 0.72)
      },
      { png, width: WIDTH, maxHeight: MAX_HEIGHT },
    )
    const file = path.join(TOUR, `${name}.jpg`)
    writeFileSync(file, Buffer.from(jpeg.slice(jpeg.indexOf(',') + 1), 'base64'))
    console.log(`tour: ${path.relative(ROOT, file)} (${Math.round(readFileSync(file).length / 1024)} KB)`)
  }
  await browser.close()
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})

/**
 * H5 first meaningful render of 首页 in headless Chromium: from navigation start until the home
 * page shows demo-villager's household points (the balance on the household card), cold each time
 * (a new browser context: no HTTP cache, no storage but the chosen demo identity), median of 5.
 * The gateway serves the built dist-h5/ over a fresh PGlite seeded with the demo village.
 *
 *   npm run build:h5 && npx tsx bench/h5-render.bench.ts     (also part of `npm run bench`)
 */
import type { WhoAmI } from '../src/core/contracts/account'
import { callAs, dataOf } from '../tests/e2e/support/api'
import { launchBrowser, openPhonePage } from '../tests/e2e/support/browser'
import { startGateway } from '../tests/e2e/support/gateway'
import { summarize, type Timing } from './support/stats'

const LOADS = 5
const VILLAGER = 'demo-villager'

export async function measureFirstRender(loads = LOADS): Promise<Timing & { samples: number[] }> {
  const gateway = await startGateway()
  const browser = await launchBrowser()
  try {
    const me = dataOf(await callAs<WhoAmI>(gateway.baseUrl, VILLAGER, 'account', { action: 'whoami' }))
    if (!me.registered || !me.household) throw new Error(`${VILLAGER} should be a registered household member`)
    const balance = String(me.household.balance)
    const samples: number[] = []
    for (let i = 0; i < loads; i++) {
      const page = await openPhonePage(browser)
      try {
        // The identity the 切换演示身份 switcher would have stored (Taro keeps { data } as JSON).
        await page.context().addInitScript((openid) => localStorage.setItem('demoOpenId', JSON.stringify({ data: openid })), VILLAGER)
        await page.goto(`${gateway.baseUrl}/`, { waitUntil: 'commit' })
        // Checked on every animation frame; performance.now() in the page counts from navigation start.
        const shownAt = await page.waitForFunction(
          (expected) => {
            const shown = Array.from(document.querySelectorAll<HTMLElement>('.household-card__points-value')).find(
              (el) => el.checkVisibility() && el.innerText.replace(/\s+/g, '') === `${expected}分`,
            )
            return shown ? performance.now() : null
          },
          balance,
          { polling: 'raf', timeout: 30_000 },
        )
        samples.push((await shownAt.jsonValue()) as number)
      } finally {
        await page.context().close()
      }
    }
    return { ...summarize(samples), samples }
  } finally {
    await browser.close()
    await gateway.stop()
  }
}

async function main() {
  const t = await measureFirstRender()
  console.log(`H5 首页 shows the household's points (cold, median of ${t.runs}): ${t.median.toFixed(0)} ms  [${t.samples.map((s) => s.toFixed(0)).join(', ')}]`)
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}

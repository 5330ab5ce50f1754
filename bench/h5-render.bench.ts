/**
 * H5 first meaningful render of 首页 in headless Chromium: from navigation start until the home
 * page shows demo-villager's household points (the balance on the household card), cold each time
 * (a new browser context: no HTTP cache, no storage but the chosen demo identity), median of 5.
 * The gateway serves the built dist-h5/ over a fresh PGlite seeded with the demo village.
 * Before each load, the baseline (bench/support/baseline.ts) as the browser sees it: a cold context
 * opens a tiny document of the same gateway and makes the baseline call from the page; its figure
 * is the same clock, navigation start until that call is answered.
 *
 *   npm run build:h5 && npx tsx bench/h5-render.bench.ts     (also part of `npm run bench`)
 */
import type { Browser } from 'playwright-core'
import type { WhoAmI } from '../src/core/contracts/account'
import { callAs, dataOf } from '../tests/e2e/support/api'
import { launchBrowser, openPhonePage } from '../tests/e2e/support/browser'
import { startGateway } from '../tests/e2e/support/gateway'
import { BASELINE, type Paired } from './support/baseline'
import { summarize } from './support/stats'

const LOADS = 5
const VILLAGER = 'demo-villager'

export async function measureFirstRender(loads = LOADS): Promise<Paired & { samples: number[] }> {
  const gateway = await startGateway()
  const browser = await launchBrowser()
  try {
    const me = dataOf(await callAs<WhoAmI>(gateway.baseUrl, VILLAGER, 'account', { action: 'whoami' }))
    if (!me.registered || !me.household) throw new Error(`${VILLAGER} should be a registered household member`)
    const balance = String(me.household.balance)
    const samples: number[] = []
    const baselines: number[] = []
    for (let i = 0; i < loads; i++) {
      baselines.push(await baselineInBrowser(browser, gateway.baseUrl))
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
    return { measured: summarize(samples), baseline: summarize(baselines), samples }
  } finally {
    await browser.close()
    await gateway.stop()
  }
}

/** A cold context: navigation start until the baseline call made from a tiny gateway document is answered. */
async function baselineInBrowser(browser: Browser, baseUrl: string): Promise<number> {
  const page = await openPhonePage(browser)
  try {
    await page.goto(`${baseUrl}/api/demo/identities`, { waitUntil: 'load' })
    return await page.evaluate(async ({ fn, openid, event }) => {
      const answer = await fetch(`/api/functions/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-dev-openid': openid }, body: JSON.stringify(event) })
      if (!(await answer.json()).ok) throw new Error('baseline call refused')
      return performance.now()
    }, BASELINE)
  } finally {
    await page.context().close()
  }
}

async function main() {
  const t = await measureFirstRender()
  console.log(
    `H5 首页 shows the household's points (cold, median of ${t.measured.runs}): ${t.measured.median.toFixed(0)} ms  [${t.samples.map((s) => s.toFixed(0)).join(', ')}]` +
      ` (${(t.measured.median / t.baseline.median).toFixed(1)}× the baseline's ${t.baseline.median.toFixed(0)} ms)`,
  )
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}

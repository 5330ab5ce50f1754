import type { Browser, Page } from 'playwright-core'
import { callAs, dataOf } from './support/api'
import { saveScreenshot } from './support/browser'
import { describeInBrowser, startJourney } from './support/journey'
import { readabilityFindings, type Finding } from './support/readability'
import { settledText, switchDemoIdentity } from './support/ui'
import { everyPage } from '../../scripts/app-config'

jest.setTimeout(900_000)

/** Who opens each page: the role the page is made for (the first prefix that matches). */
const ROLES = [
  { openid: 'demo-grid-leader', label: '微网格长 王卫东（第一网格1号微网格）', pages: ['work/inspect/', 'work/inspections/', 'work/notice-verify/', 'work/roster/index'] },
  { openid: 'demo-accountant', label: '合作社会计 徐美芳（赵家桥村）', pages: ['finance/'] },
  { openid: 'demo-shop', label: '超市店员 钱小红（赵家桥村积分超市）', pages: ['shop/'] },
  { openid: 'demo-admin', label: '街道管理员 金伟（当湖街道）', pages: ['street/', 'org/tree', 'org/people', 'org/audit'] },
  { openid: 'demo-bank', label: '银行信贷员 顾晓燕（平湖农商银行）', pages: ['credit/verify/', 'credit/terms/'] },
  { openid: 'demo-cadre', label: '村干部 陈明华（赵家桥村）', pages: ['work/', 'matters/work/', 'matters/numbers/'] },
  { openid: 'demo-villager', label: '村民 张建国（赵家桥村1组）', pages: [''] },
] as const

const WIDTHS = [
  { width: 360, height: 640 },
  { width: 320, height: 568 },
]

/** The pages of app.json by the role that opens them. */
function pagesByRole(): Map<(typeof ROLES)[number], string[]> {
  const byRole = new Map<(typeof ROLES)[number], string[]>(ROLES.map((role) => [role, []]))
  for (const path of everyPage()) {
    const role = ROLES.find((candidate) => candidate.pages.some((prefix) => path.startsWith(prefix)))!
    byRole.get(role)!.push(path)
  }
  return byRole
}

/** A phone of the given size whose page transitions are off, so a page is measured where it rests. */
async function openMeasuredPhone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: WIDTHS[0], deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' })
  await context.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      const style = document.createElement('style')
      style.textContent = '*, *::before, *::after { transition: none !important; animation: none !important; }'
      document.head.append(style)
    })
  })
  const page = await context.newPage()
  page.setDefaultTimeout(15_000)
  return page
}

const shownPage = (path: string) => `.taro_page[id^="/${path}"]`

/** A visible 重试 must fix what it offers to fix: tapped once on a healthy server, the error must go. */
async function deadRetry(page: Page, path: string): Promise<Finding[]> {
  const retry = page.locator(shownPage(path)).getByText('重试', { exact: true }).filter({ visible: true })
  if ((await retry.count()) === 0) return []
  const before = await settledText(page, path)
  await retry.first().click()
  const after = await settledText(page, path)
  const still = await retry.count()
  return still > 0 ? [{ kind: 'target', detail: `重试 that retrying cannot fix: “${(after || before).replace(/\s+/g, ' ').slice(0, 60)}”` }] : []
}

async function chooseMode(page: Page, baseUrl: string, openid: string, elder: boolean): Promise<void> {
  dataOf(await callAs(baseUrl, openid, 'account', { action: 'setElderMode', requestId: `readability-${openid}-${elder}-${Date.now()}`, on: elder }))
  await page.reload()
  await page.waitForFunction((on) => document.body.classList.contains('elder') === on, elder)
}

/** Pages whose first screen is kept as a picture in tests/artifacts/readability/ (both widths, both modes). */
const PICTURED = new Set(['pages/home/index', 'pages/card/index', 'pages/ledger/index', 'pages/notices/index', 'street/overview/index', 'work/review/index', 'work/rules-editor/index', 'work/village-settings/index'])

/**
 * DESIGN's "Readable by a 70-year-old", kept: every page of app.json opened with no query as the role
 * it is for, at 360 and 320 wide, in normal and 长辈模式, with nothing below the type scale, no tap
 * target below 44×44 or closer than 8px to the next, nothing sideways outside a deliberate scroller,
 * no text below 4.5:1 contrast and no 重试 that cannot help.
 */
describeInBrowser('every page is readable at 360 and 320 wide, in normal and 长辈模式', () => {
  const journey = startJourney()

  it('When every page is opened as its role at both widths in both modes, then none breaks the scale', async () => {
    const page = await openMeasuredPhone(journey.browser)
    await page.goto(`${journey.gateway.baseUrl}/#/pages/home/index`)
    const problems: string[] = []
    let measured = 0
    for (const [role, paths] of pagesByRole()) {
      await page.goto(`${journey.gateway.baseUrl}/#/pages/home/index`)
      await switchDemoIdentity(page, role.label)
      for (const elder of [false, true]) {
        await chooseMode(page, journey.gateway.baseUrl, role.openid, elder)
        for (const path of paths) {
          await page.setViewportSize(WIDTHS[0])
          await page.goto(`${journey.gateway.baseUrl}/#/${path}`)
          await settledText(page, path)
          const found = [...(await deadRetry(page, path))]
          for (const size of WIDTHS) {
            await page.setViewportSize(size)
            found.push(...(await readabilityFindings(page, shownPage(path), elder)))
            if (PICTURED.has(path)) await saveScreenshot(page, `readability/${path.split('/').slice(0, -1).join('-')}-${size.width}-${elder ? 'elder' : 'normal'}`, { fullPage: false })
            measured++
          }
          const unique = [...new Set(found.map((finding) => `${finding.kind}: ${finding.detail}`))]
          problems.push(...unique.map((line) => `${role.openid} ${elder ? '长辈模式' : '普通'} ${path} — ${line}`))
        }
      }
    }
    await page.context().close()
    if (process.env.E2E_PRINT_FINDINGS) console.log(problems.join('\n'))
    expect(problems).toEqual([])
    expect(measured).toBe(everyPage().length * WIDTHS.length * 2)
  })

  it('When one page has its text set to 12px, then the check reports that text', async () => {
    const page = await openMeasuredPhone(journey.browser)
    await page.goto(`${journey.gateway.baseUrl}/#/pages/home/index`)
    await switchDemoIdentity(page, '村民 张建国（赵家桥村1组）')
    await page.goto(`${journey.gateway.baseUrl}/#/pages/rules/index`)
    await settledText(page, 'pages/rules/index')
    const before = await readabilityFindings(page, shownPage('pages/rules/index'), false)
    await page.addStyleTag({ content: '.taro_page[id^="/pages/rules/index"] * { font-size: 12px !important; }' })
    const after = await readabilityFindings(page, shownPage('pages/rules/index'), false)
    await page.context().close()
    expect(before.filter((finding) => finding.kind === 'text' || finding.kind === 'body')).toEqual([])
    expect(after).toContainEqual({ kind: 'body', detail: 'most text is 12px' })
    expect(after.filter((finding) => finding.kind === 'text' && finding.detail.startsWith('12px ')).length).toBeGreaterThan(0)
  })
})


import type { Browser, Page } from 'playwright-core'
import type { DailySummary } from '../../src/core/contracts/card'
import type { MyDividends, RunList } from '../../src/core/contracts/dividend'
import type { MatterBoard } from '../../src/core/contracts/matter'
import type { NoticeOutputs } from '../../src/core/contracts/notice'
import type { LedgerPage } from '../../src/core/contracts/score'
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
  // 评星标准 is read by anyone, but its committee also sees the form to publish a new version.
  { openid: 'demo-alliance', label: '联盟委员 沈玉梅（当湖商家自治联盟）', pages: ['merchant/star-terms/'] },
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
  // Reloaded on 首页, which always asks who the caller is (a page opened from a link may not).
  await page.goto(`${baseUrl}/#/pages/home/index`)
  await page.reload()
  await page.waitForFunction((on) => document.body.classList.contains('elder') === on, elder)
}

/**
 * Pages that show their content only when opened from a link (a notice, a matter, a receipt…): measured
 * once more with a real query from the living demo, as the same role, so their content is held to the
 * scale too and not only their 「请从…点开」 sentence.
 */
async function linkedQueries(baseUrl: string): Promise<Map<string, string>> {
  const as = async <T,>(openid: string, fn: string, body: Record<string, unknown>) => dataOf(await callAs<T>(baseUrl, openid, fn, body))
  const channels = await as<NoticeOutputs['channels']>('demo-villager', 'notice', { action: 'channels' })
  const channel = channels.find((c) => c.open + c.overdue + c.rectified > 0)!
  const { notices } = await as<NoticeOutputs['channel']>('demo-villager', 'notice', { action: 'channel', orgId: channel.id })
  const candidates = await as<NoticeOutputs['candidates']>('demo-cadre', 'notice', { action: 'candidates', orgId: 'v-zjq' })
  const bulletin = await as<NoticeOutputs['postBulletin']>('demo-cadre', 'notice', { action: 'postBulletin', requestId: `readability-bulletin-${Date.now()}`, orgId: 'v-zjq', noticeIds: [candidates[0].id] })
  const ledger = await as<LedgerPage>('demo-villager', 'score', { action: 'ledger' })
  // The appeal page shows what its link names; a deduction is what a villager appeals.
  const deduction = ledger.lines.find((line) => line.points < 0) ?? ledger.lines[0]
  const dividends = await as<MyDividends>('demo-villager', 'dividend', { action: 'mine' })
  const runs = await as<RunList>('demo-accountant', 'dividend', { action: 'runs', orgId: 'v-zjq' })
  const today = await as<DailySummary>('demo-shop', 'card', { action: 'dailySummary' })
  const board = await as<MatterBoard>('demo-villager', 'matter', { action: 'board' })
  // A matter that went through 交办, so its steps and their plain words are on the page.
  const matter = board.matters.find((m) => m.status === 'in_progress') ?? board.matters[0]
  return new Map([
    ['pages/notices/detail', `id=${notices[0].id}`],
    ['pages/notices/channel', `orgId=${channel.id}`],
    ['pages/notices/bulletin', `id=${bulletin.id}`],
    ['pages/appeal/index', `entryId=${deduction.id}&title=${encodeURIComponent(deduction.rule?.title ?? deduction.kindLabel)}&points=${deduction.points}&at=${encodeURIComponent(deduction.createdAt)}`],
    ['pages/dividend-list/index', `runId=${dividends.years[0].run.id}`],
    ['finance/run/index', `runId=${runs.runs[0].id}`],
    ['work/roster/household', 'id=h-zjq-01'],
    ['work/household-ledger/index', 'householdId=h-zjq-01'],
    ['shop/receipt/index', `id=${today.receipts[0].receiptId}`],
    ['matters/detail/index', `id=${matter.id}`],
    ['merchant/star-terms/index', 'orgId=al-danghu'],
  ])
}

/** Pages whose first screen is kept as a picture in tests/artifacts/readability/ (both widths, both modes). */
const PICTURED = new Set(['pages/home/index', 'pages/card/index', 'pages/ledger/index', 'pages/notices/index', 'street/overview/index', 'work/review/index', 'work/rules-editor/index', 'work/village-settings/index'])

/**
 * DESIGN's "Readable by a 70-year-old", kept: every page of app.json opened with no query as the role
 * it is for (and the pages that need a link, once more with one), at 360 and 320 wide, in normal and 长辈模式, with nothing below the type scale, no tap
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
    const linked = await linkedQueries(journey.gateway.baseUrl)
    for (const [role, pagePaths] of pagesByRole()) {
      const paths = pagePaths.flatMap((path) => (linked.has(path) ? [path, `${path}?${linked.get(path)}`] : [path]))
      await page.goto(`${journey.gateway.baseUrl}/#/pages/home/index`)
      await switchDemoIdentity(page, role.label)
      for (const elder of [false, true]) {
        await chooseMode(page, journey.gateway.baseUrl, role.openid, elder)
        for (const opened of paths) {
          const path = opened.split('?')[0]
          await page.setViewportSize(WIDTHS[0])
          await page.goto(`${journey.gateway.baseUrl}/#/${opened}`)
          await settledText(page, path)
          const found = [...(await deadRetry(page, path))]
          for (const size of WIDTHS) {
            await page.setViewportSize(size)
            found.push(...(await readabilityFindings(page, shownPage(path), elder)))
            if (PICTURED.has(opened)) await saveScreenshot(page, `readability/${path.split('/').slice(0, -1).join('-')}-${size.width}-${elder ? 'elder' : 'normal'}`, { fullPage: false })
            measured++
          }
          const unique = [...new Set(found.map((finding) => `${finding.kind}: ${finding.detail}`))]
          problems.push(...unique.map((line) => `${role.openid} ${elder ? '长辈模式' : '普通'} ${opened} — ${line}`))
        }
      }
    }
    await page.context().close()
    if (process.env.E2E_PRINT_FINDINGS) console.log(problems.join('\n'))
    expect(problems).toEqual([])
    expect(measured).toBe((everyPage().length + linked.size) * WIDTHS.length * 2)
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

